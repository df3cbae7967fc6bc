import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIREFOX_EXTENSION_DIR } from '../../harness/firefox';

interface LintMessage {
  code: string;
  file?: string;
  message: string;
}

/**
 * addons-linter flags any `innerHTML` write it finds in a bundle. Ours come only from library
 * internals that Vigie never feeds page or fetched text through: Preact's support for
 * `dangerouslySetInnerHTML` (not used anywhere; a test forbids it) and linkedom's own
 * implementation of the `innerHTML` setter (the background parses with `DOMParser`).
 */
const LIBRARY_INNER_HTML = /^(background\.js|content-scripts\/(?!loader)[\w-]+\.js)$/;

/** The extension pages' shared chunk is named after whichever module comes first: recognise it by Preact's code. */
function isPreactChunk(file: string | undefined): boolean {
  return (
    !!file &&
    /^chunks\/[\w-]+\.js$/.test(file) &&
    readFileSync(join(FIREFOX_EXTENSION_DIR, file), 'utf8').includes('dangerouslySetInnerHTML')
  );
}

describe('web-ext lint of the Firefox build', () => {
  it('has no errors, and no warnings but the known library innerHTML writes', () => {
    let output: string;
    try {
      output = execFileSync(
        'node_modules/.bin/web-ext',
        ['lint', '--source-dir', FIREFOX_EXTENSION_DIR, '--no-input', '--output', 'json'],
        { encoding: 'utf8' },
      );
    } catch (error) {
      output = (error as { stdout: string }).stdout;
    }
    const report = JSON.parse(output) as { errors: LintMessage[]; warnings: LintMessage[]; notices: LintMessage[] };
    expect(report.errors).toEqual([]);
    const unexpected = report.warnings.filter(
      (w) => !(w.code === 'UNSAFE_VAR_ASSIGNMENT' && (LIBRARY_INNER_HTML.test(w.file ?? '') || isPreactChunk(w.file))),
    );
    expect(unexpected).toEqual([]);
  });
});
