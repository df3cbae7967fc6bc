/**
 * The import boundaries hold for the whole repository, and the check catches each kind of
 * crossing when fed one.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contentScriptViolations, importViolations, pageWeightViolations, repositorySources } from './boundaries';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('import boundaries', () => {
  const files = repositorySources(ROOT);

  it('reads the whole repository', () => {
    const paths = files.map((file) => file.path);
    for (const path of [
      'lib/status.ts',
      'lib/background/poller.ts',
      'lib/content/overlays.ts',
      'components/Badge.tsx',
      'entrypoints/loader.content.ts',
      'harness/site.ts',
    ]) {
      expect(paths).toContain(path);
    }
  });

  it('hold for every file', () => {
    expect(importViolations(files)).toStrictEqual([]);
  });

  it('keep the content script free of background-only code, through every import', () => {
    expect(contentScriptViolations(files)).toStrictEqual([]);
  });

  it('keep zod, the polyfill and Preact off the page, through every import and the page build’s substitutes', () => {
    expect(pageWeightViolations(files)).toStrictEqual([]);
  });

  it('catch a page module that loads zod, and not one the page build replaces', () => {
    const page = [
      { path: 'entrypoints/page-an.ts', source: "import { start } from '../lib/content/start';" },
      { path: 'lib/content/start.ts', source: "import { validated } from '../model';\nimport { x } from '../heavy';" },
      { path: 'lib/model.ts', source: "import * as z from 'zod/mini';" },
      { path: 'lib/page-model.ts', source: "import { isIsoDate } from './dates';" },
      { path: 'lib/heavy.ts', source: "import * as z from 'zod/mini';" },
    ];
    expect(pageWeightViolations(page, ['entrypoints/page-an.ts'])).toStrictEqual([
      'the content script loads zod via entrypoints/page-an.ts → lib/content/start.ts → lib/heavy.ts',
    ]);
  });

  it('catch a page module that draws with Preact, through a component', () => {
    const page = [
      { path: 'entrypoints/page-an.ts', source: "import { start } from '../lib/content/start';" },
      { path: 'lib/content/start.ts', source: "import { Card } from '../../components/Card';" },
      { path: 'components/Card.tsx', source: "import { useState } from 'preact/hooks';" },
    ];
    expect(pageWeightViolations(page, ['entrypoints/page-an.ts'])).toStrictEqual([
      'the content script loads preact via entrypoints/page-an.ts → lib/content/start.ts → components/Card.tsx',
    ]);
  });
});

describe('the boundary check', () => {
  it.each([
    ['lib/status.ts', "import { browser } from 'wxt/browser';", 'lib/status.ts (core) imports wxt/browser'],
    ['lib/status.ts', "import { Badge } from '../components/Badge';", 'lib/status.ts (core) imports components/Badge'],
    [
      'lib/sites/an-dyn.ts',
      "import { database } from '../background/store/db';",
      'lib/sites/an-dyn.ts (core) imports lib/background/store/db',
    ],
    [
      'components/popup/WatchRow.tsx',
      "import { isPollable } from '../../lib/polling/schedule';",
      'components/popup/WatchRow.tsx (ui) imports lib/polling/schedule',
    ],
    ['components/Badge.tsx', "import { browser } from 'wxt/browser';", 'components/Badge.tsx (ui) imports wxt/browser'],
    [
      'lib/content/overlays.ts',
      "import { parseHtml } from '../sources/html';",
      'lib/content/overlays.ts (content) imports lib/sources/html',
    ],
    ['lib/content/hosts.ts', "import { DOMParser } from 'linkedom';", 'lib/content/hosts.ts (content) imports linkedom'],
    [
      'lib/background/poller.ts',
      "import { Overlays } from '../content/overlays';",
      'lib/background/poller.ts (background) imports lib/content/overlays',
    ],
    ['bench/browser.ts', "import { serveSite } from '../tests/e2e/site';", 'bench/browser.ts (bench) imports tests/e2e/site'],
    ['scripts/demo.ts', "import { fixture } from '../tests/helpers/dom';", 'scripts/demo.ts (scripts) imports tests/helpers/dom'],
    ['entrypoints/background.ts', "import { serveSite } from '../harness/site';", 'entrypoints/background.ts (entry) imports harness/site'],
  ])('reports %s importing across a line', (path, source, violation) => {
    expect(importViolations([{ path, source }])).toStrictEqual([violation]);
  });

  it('lets a view name a type from anywhere: type-only imports are erased by the build', () => {
    expect(
      importViolations([
        {
          path: 'components/Badge.tsx',
          source: "import type { Db } from '../lib/background/store/db';\nimport { type Settings } from '../lib/platform/storage';",
        },
      ]),
    ).toStrictEqual([]);
  });

  it('reports background-only code the content script reaches through a harmless-looking module', () => {
    const files = [
      { path: 'entrypoints/loader.content.ts', source: "import { startOverlays } from '../lib/content/start-overlays';" },
      { path: 'lib/content/start-overlays.ts', source: "import { readSomething } from '../sites/helper';" },
      { path: 'lib/sites/helper.ts', source: "import { parseHtml } from '../sources/html';" },
      { path: 'lib/sources/html.ts', source: "import { DOMParser } from 'linkedom';" },
    ];
    expect(importViolations(files)).toStrictEqual([]);
    expect(contentScriptViolations(files)).toStrictEqual([
      'the content script loads lib/sources/html via entrypoints/loader.content.ts → lib/content/start-overlays.ts → lib/sites/helper.ts',
      'the content script loads linkedom via entrypoints/loader.content.ts → lib/content/start-overlays.ts → lib/sites/helper.ts → lib/sources/html.ts',
    ]);
  });
});
