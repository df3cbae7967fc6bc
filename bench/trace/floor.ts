/**
 * The floor: what any content script costs a page. Extensions written next to the build and
 * measured in the same run as Vigie, injected where and when Vigie's is: an empty script; one that
 * reads the page's `h1`; and two that put one fixed overlay (a host with a closed shadow root and a
 * word in it) after the `h1`, the least any overlay costs from injection to its paint: one from the
 * manifest script itself, one from a module the script imports once the page has loaded, as
 * Vigie's loader does (entrypoints/loader.content.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CONTENT_SCRIPT_MATCHES } from '../../lib/sites';
import { OVERLAY_ATTRIBUTE } from '../../lib/text';

const PUT_OVERLAY = `{const h=document.querySelector('h1');if(h){const s=document.createElement('span');s.setAttribute('${OVERLAY_ATTRIBUTE}','');s.attachShadow({mode:'closed'}).textContent='Vigie';h.after(s)}}`;

/** The overlay module's address, and the loader that imports it after the page's load. */
const IMPORTED = 'overlay.js';
const IMPORT_AFTER_LOAD = `{const go=()=>import(chrome.runtime.getURL('/${IMPORTED}'));document.readyState==='complete'?go():addEventListener('load',go,{once:true})}`;

export const FLOOR_SCRIPTS = {
  'floor-empty': '',
  'floor-h1': "document.querySelector('h1')?.textContent;",
  'floor-overlay': PUT_OVERLAY,
  'floor-overlay-import': IMPORT_AFTER_LOAD,
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
        ...(script === IMPORT_AFTER_LOAD
          ? { web_accessible_resources: [{ resources: [IMPORTED], matches: ['<all_urls>'], use_dynamic_url: true }] }
          : {}),
      }),
    );
    writeFileSync(join(extension, 'content.js'), script);
    if (script === IMPORT_AFTER_LOAD) writeFileSync(join(extension, IMPORTED), PUT_OVERLAY);
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
