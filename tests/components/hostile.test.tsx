// @vitest-environment happy-dom
/**
 * Page text is data, never markup: whatever a site (or a hostile copy of it) puts in a name or a
 * ministry must reach the reader as text.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Badge } from '../../components/Badge';
import { deputyCard } from '../../lib/content/card/deputy-card';
import { questionCard } from '../../lib/content/card/question-card';
import { type Language } from '../../lib/i18n';
import { type Publisher } from '../../lib/sites/types';
import { questionStatus } from '../../lib/status';
import { IMG, QUESTIONS, SCRIPT } from '../helpers/overlay-cases';

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

const HOSTILE = QUESTIONS.hostile!.question;

/** The page's question card, in the container as on a page. */
function drawCard(lang: Language, source: Publisher): void {
  const view = questionCard(document, { question: HOSTILE, status: questionStatus(HOSTILE, '2026-11-29'), lang, source });
  view.update({});
  container.append(view.element);
}

function expectInert(root: Element): void {
  expect(root.querySelectorAll('img,script').length).toBe(0);
  expect(root.querySelectorAll('*').length).toBeGreaterThan(0);
}

describe('hostile text', () => {
  it('the question card renders names, ministries and reasons as text', () => {
    drawCard('fr', 'nosdeputes');
    expectInert(container);
    const text = container.textContent ?? '';
    expect(text).toContain(`M. ${IMG} ${SCRIPT}`); // author name
    expect(text).toContain(`Ministère ${IMG} → Ministère ${SCRIPT}`); // ministries
    expect(container.querySelector('.timeline__detail')?.textContent).toBe(` — ${IMG} ${SCRIPT}`); // closure reason
    expect(container.querySelector('.badge__label')?.textContent?.replace(/\s+/g, ' ')).toBe(
      `Close sans réponse — ${IMG} ${SCRIPT}, après 783 jours (722 j de retard)`,
    );
    expect(text).toContain(`${SCRIPT} groupe`);
    expect(text).toContain(`${IMG} (1re circonscription)`);
  });

  it('the question card in English, on the Assemblée side, is just as inert', () => {
    drawCard('en', 'an');
    expectInert(container);
    expect(container.textContent).toContain(IMG);
    expect(container.textContent).toContain(SCRIPT);
  });

  it('a derived NosDéputés slug from a hostile name stays a plain https link', () => {
    drawCard('fr', 'nosdeputes');
    for (const a of Array.from(container.querySelectorAll('a'))) {
      expect(a.getAttribute('href')).toMatch(/^https:\/\/[^\s<>"]+$/);
      expect(
        Array.from(a.attributes)
          .map((attr) => attr.name)
          .sort(),
      ).toEqual(['href', 'rel']);
    }
  });

  it('the deputy card renders a hostile name and group as text', () => {
    const view = deputyCard(document, { name: IMG, group: { name: SCRIPT }, constituency: IMG, legislature: 16 }, 'fr');
    view.update(undefined);
    container.append(view.element);
    expectInert(container);
    expect(container.textContent).toContain(SCRIPT);
    expect(container.textContent).toContain(IMG);
  });

  it('Badge renders a hostile closure reason as text', () => {
    render(<Badge status={{ state: 'closed', signaled: false, closedReason: IMG }} lang="en" />, container);
    expectInert(container);
    expect(container.querySelector('.badge__label')?.textContent).toBe(`Closed without answer — ${IMG}`);
  });
});

describe('no raw HTML sinks in the sources', () => {
  // A string, not `new URL()`: under happy-dom the global URL is not Node's.
  const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  const SINKS = ['dangerouslySetInnerHTML', '.innerHTML', '.outerHTML =', 'insertAdjacentHTML'];

  function sourceFiles(dir: string): string[] {
    const out: string[] = [];
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
      else if (/\.(?:ts|tsx|js|jsx|mjs)$/.test(name)) out.push(path);
    }
    return out;
  }

  const files = [...sourceFiles(join(ROOT, 'components')), ...sourceFiles(join(ROOT, 'lib'))];

  it('finds the sources it guards', () => {
    const names = files.map((f) => relative(ROOT, f).replace(/\\/g, '/'));
    expect(names).toContain('components/Badge.tsx');
    expect(names).toContain('lib/content/card/question-card.ts');
    expect(names).toContain('lib/content/overlays.ts');
    expect(names).toContain('lib/content/hosts.ts');
  });

  for (const sink of SINKS) {
    it(`no file under components/ or lib/ uses ${sink}`, () => {
      const offenders = files.filter((f) => readFileSync(f, 'utf8').includes(sink)).map((f) => relative(ROOT, f));
      expect(offenders).toEqual([]);
    });
  }
});
