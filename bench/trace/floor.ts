/**
 * The floor: what any content script costs a page. Two extensions written next to the build and
 * measured in the same run as Vigie: an empty script, and one that reads the page's `h1`, both
 * injected where and when Vigie's is.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CONTENT_SCRIPT_MATCHES } from '../../lib/sites';

export const FLOOR_SCRIPTS = {
  'floor-empty': '',
  'floor-h1': "document.querySelector('h1')?.textContent;",
} as const;

export type FloorName = keyof typeof FLOOR_SCRIPTS;

/** Writes each floor extension under `dir` and returns their absolute directories. */
export function writeFloorExtensions(dir = '.output/bench-floor'): Record<FloorName, string> {
  const written = {} as Record<FloorName, string>;
  for (const [name, script] of Object.entries(FLOOR_SCRIPTS) as [FloorName, string][]) {
    const extension = resolve(join(dir, name));
    mkdirSync(extension, { recursive: true });
    writeFileSync(
      join(extension, 'manifest.json'),
      JSON.stringify({
        manifest_version: 3,
        name: `Vigie bench ${name}`,
        version: '1.0',
        content_scripts: [{ matches: CONTENT_SCRIPT_MATCHES, js: ['content.js'], run_at: 'document_idle' }],
      }),
    );
    writeFileSync(join(extension, 'content.js'), script);
    written[name] = extension;
  }
  return written;
}

/**
 * The popup's floor: an extension page whose ten rows are in its HTML, with nothing to read or
 * compute, opened the way Vigie's popup is. What any extension page costs before its first rows.
 */
export function writePopupFloor(dir = '.output/bench-floor/floor-popup'): string {
  const extension = resolve(dir);
  mkdirSync(extension, { recursive: true });
  writeFileSync(
    join(extension, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'Vigie bench floor-popup',
      version: '1.0',
      action: { default_popup: 'popup.html' },
      background: { service_worker: 'worker.js' },
    }),
  );
  writeFileSync(join(extension, 'worker.js'), '');
  const rows = Array.from({ length: 10 }, (_, i) => `<li>Question n° ${i + 1}</li>`).join('');
  writeFileSync(
    join(extension, 'popup.html'),
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Vigie</title></head><body><p class="count">10</p><ul class="rows">${rows}</ul></body></html>`,
  );
  return extension;
}
