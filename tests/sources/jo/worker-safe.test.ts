import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { describe, expect, it } from 'vitest';

const SOURCE = new URL('../../../lib/sources/jo/', import.meta.url);
const files = readdirSync(SOURCE).filter((name) => name.endsWith('.ts'));
const source = (name: string) => readFileSync(new URL(name, SOURCE), 'utf8');
/** `… from 'x'`, `import 'x'` and `import('x')`. */
const importsOf = (text: string) =>
  [...text.matchAll(/\bfrom\s+['"]([^'"]+)['"]|\bimport\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1] ?? m[2]!);

/** What a Chrome service worker and Firefox's background can load: web-platform code only. */
const PACKAGES = new Set(['zod/mini', 'saxes', 'htmlparser2', 'linkedom']);
/** The pure modules of lib/ the reader may use, besides its own. */
const SHARED = new Set(['../../model', '../../dates', '../../text', '../../objects', '../../legislatures', '../../senate-rules']);
const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

describe('lib/sources/jo runs in an extension worker', () => {
  it('has modules to check', () => {
    expect(files).toContain('archive.ts');
    expect(importsOf(source('archive.ts'))).toContain('./tar');
  });

  it.each(files)('%s imports no Node built-in and only worker-safe packages', (file) => {
    for (const specifier of importsOf(source(file))) {
      expect(NODE_BUILTINS.has(specifier), specifier).toBe(false);
      if (specifier.startsWith('./')) continue;
      expect(SHARED.has(specifier) || PACKAGES.has(specifier), `${file} imports ${specifier}`).toBe(true);
    }
  });

  it.each(files)('%s uses no Node global', (file) => {
    expect(source(file)).not.toMatch(/\b(?:Buffer|process|require|__dirname|global)\b\s*[.(]/);
  });
});
