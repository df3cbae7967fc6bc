/**
 * URL detection (after refined-github/github-url-detection): each site module's own example URLs
 * form the cross-matrix, checked by tests/conventions; here, the URLs no detector may accept, and
 * the pages the content script must leave alone.
 */
import { describe, expect, it } from 'vitest';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { CONTENT_SCRIPT_MATCHES, detectPage, PAGES } from '../../lib/sites';

const NOT_DETECTED: string[] = [
  // Not web pages.
  'ftp://www.nosdeputes.fr/16/question/QE/12874',
  'ws://www.assemblee-nationale.fr/dyn/15/questions/QANR5L15QE19189',
  // Not HTML pages.
  'https://www.assemblee-nationale.fr/dyn/16/questions/QANR5L16QE13282.pdf',
  'https://questions.assemblee-nationale.fr/dyn/16/questions/QANR5L16QE13282.pdf',
  'https://questions.assemblee-nationale.fr/q14/14-47351QE.htm/vue/xml',
  'https://www.assemblee-nationale.fr/dyn/opendata/QANR5L15QE19189.json',
  'https://www.assemblee-nationale.fr/dyn/opendata/QANR5L15QE19189.xml',
  'https://www.nosdeputes.fr/elise-morvan/json',
  'https://www.nosdeputes.fr/elise-morvan/questions/rss',
  'https://www.nosdeputes.fr/recherche/?object_name=QuestionEcrite/json',
  // Other sites, lookalike hosts.
  'https://www.senat.fr.example.com/questions/base/2019/qSEQ190409892.html',
  'https://www.senat.fr/questions/base/2019/qSEQ19040989S.html',
  'https://www.senat.fr/questions/base/2018/qSEQ190409892.html',
  'https://www.senat.fr/questions/base/2025/qSEQ250404208.pdf',
  'https://www.senat.fr/basile/rechercheQuestion.do?rch=qs',
  'https://www.nossenateurs.fr/question/15/09876',
  'https://archive.nossenateurs.fr/question/15/23S0827',
  'https://archive.nossenateurs.fr/jean-louis-masson/questions/orales',
  'https://nosdeputes.fr/16/question/QE/12874',
  'https://www.nosdeputes.fr.example.com/16/question/QE/12874',
  'https://2027-2032.nosdeputes.fr/18/question/QE/1',
  'https://assemblee-nationale.fr/dyn/15/questions/QANR5L15QE19189',
  'https://www2.assemblee-nationale.fr/recherche/resultats_questions',
  // Site pages that are not deputies.
  'https://www.nosdeputes.fr/',
  'https://www.nosdeputes.fr/deputes',
  'https://2017-2022.nosdeputes.fr/deputes/',
  'https://www.nosdeputes.fr/faq',
  'https://www.nosdeputes.fr/synthese',
  'https://www.nosdeputes.fr/questions',
  'https://www.nosdeputes.fr/widget14',
  'https://www.nosdeputes.fr/16',
  'https://www.nosdeputes.fr/Elise-Morvan',
  'https://www.nosdeputes.fr/depute/elise-morvan',
  'https://www.nosdeputes.fr/depute/elise-morvan/travaux',
  'https://www.nosdeputes.fr/deputes/questions',
  'https://2022-2024.nosdeputes.fr/groupe/LFI',
  // Search without object_name=QuestionEcrite.
  'https://www.nosdeputes.fr/recherche/',
  'https://www.nosdeputes.fr/recherche/retraite',
  'https://www.nosdeputes.fr/recherche/?object_name=Intervention',
  'https://www.nosdeputes.fr/recherche/?tag=parlementaire%3Delise+morvan',
  'https://www.nosdeputes.fr/rechercher/questions',
  'https://www.nosdeputes.fr/rechercher/questions/',
  // Question paths that do not name a question of this host.
  'https://www.nosdeputes.fr/16/question/QE/',
  'https://www.nosdeputes.fr/16/question/QE/abc',
  'https://www.nosdeputes.fr/16/question/QE/1234567',
  'https://www.nosdeputes.fr/16/question/QG/12',
  'https://www.nosdeputes.fr/16/question/id/1234',
  'https://www.nosdeputes.fr/question/QE/1',
  'https://www.nosdeputes.fr/12/question/QE/1',
  'https://www.nosdeputes.fr/17/question/QE/1',
  'https://2017-2022.nosdeputes.fr/16/question/QE/1',
  'https://2017-2022.nosdeputes.fr/question/QE/19189',
  'https://2007-2012.nosdeputes.fr/14/question/QE/1',
  'https://2022-2024.nosdeputes.fr/15/question/QE/19189',
  'https://2022-2024.nosdeputes.fr/17/question/QE/1',
  'https://www.nosdeputes.fr/depute/elise-morvan/qag/QANR5L17QE1',
  'https://2022-2024.nosdeputes.fr/depute/elise-morvan/qag',
  // AN pages that are not a question or a deputy's questions.
  'https://www.assemblee-nationale.fr/dyn/16/questions/QANR5L15QE1',
  'https://www.assemblee-nationale.fr/dyn/15/questions/QANR5L16QE1',
  'https://www.assemblee-nationale.fr/dyn/15/questions/QANR5L15QS1',
  'https://www.assemblee-nationale.fr/dyn/15/questions/QANR5L15QE',
  'https://www.assemblee-nationale.fr/dyn/15/questions/',
  'https://www.assemblee-nationale.fr/dyn/15/questions/QANR5L15QE1234567',
  'https://www.assemblee-nationale.fr/dyn/deputes/PA1',
  'https://www.assemblee-nationale.fr/dyn/deputes/PA795321/',
  'https://www.assemblee-nationale.fr/dyn/deputes/PA795321/questions/QANR5L16QE4020',
  'https://www.assemblee-nationale.fr/dyn/deputes/795321/questions',
  'https://questions.assemblee-nationale.fr/dyn/deputes/PA795321/questions',
  'https://www.assemblee-nationale.fr/q14/14-47351QE.htm',
  'https://questions.assemblee-nationale.fr/q14/15-47351QE.htm',
  'https://questions.assemblee-nationale.fr/q14/14-47351QS.htm',
  'https://questions.assemblee-nationale.fr/q14/14-47351QE.html',
  'https://questions.assemblee-nationale.fr/',
  'https://www.assemblee-nationale.fr/',
  // Not URLs, or not web URLs.
  'not a url',
  '',
  'www.nosdeputes.fr/16/question/QE/12874',
  '/16/question/QE/12874',
  'about:blank',
  'javascript:alert(1)',
  'file:///home/user/16/question/QE/12874',
  'chrome-extension://abcdefghijklmnop/16/question/QE/1',
];

const OWN_URLS = PAGES.flatMap((page) => page.examples.map((url) => [page.kind, url] as const));

describe('detectPage', () => {
  it.each(OWN_URLS)('%s ← %s', (kind, url) => {
    expect(detectPage(url)).toBe(kind);
    expect(detectPage(new URL(url))).toBe(kind);
  });

  it.each(NOT_DETECTED)('%j → null', (url) => {
    expect(detectPage(url)).toBeNull();
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      parsed = undefined;
    }
    if (parsed) {
      for (const page of PAGES) expect(page.detect(parsed), `${page.kind} detector`).toBe(false);
    }
  });
});

describe('http: links', () => {
  it.each(OWN_URLS)('%s: the http: twin of %s is the same page, and the content script runs there too', (kind, url) => {
    const http = url.replace(/^https:/, 'http:');
    expect(detectPage(http)).toBe(kind);
    expect(CONTENT_SCRIPT_MATCHES.map((pattern) => new MatchPattern(pattern)).some((pattern) => pattern.includes(http))).toBe(true);
  });
});

describe('content-script match patterns', () => {
  const patterns = CONTENT_SCRIPT_MATCHES.map((pattern) => new MatchPattern(pattern));

  it.each(OWN_URLS)('inject the content script on %s page %s', (_kind, url) => {
    expect(patterns.some((pattern) => pattern.includes(url))).toBe(true);
  });

  it.each([
    'https://www.assemblee-nationale.fr/',
    'https://www.assemblee-nationale.fr/dyn/vos-deputes',
    'https://www.assemblee-nationale.fr/dyn/deputes/PA795321',
    'https://www.nosdeputes.fr.evil.example/16/question/QE/1',
    'http://www.nosdeputes.fr.evil.example/16/question/QE/1',
    'https://www.senat.fr/senateur/masson_jean_louis01051n.html',
    'https://www.senat.fr.evil.example/questions/base/2019/qSEQ190409876.html',
    'https://www.nossenateurs.fr/jean-louis-masson',
  ])('leave %s alone', (url) => {
    expect(patterns.some((pattern) => pattern.includes(url))).toBe(false);
  });
});
