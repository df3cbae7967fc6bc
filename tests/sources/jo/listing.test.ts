import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listingReadingSchema, parseListing, type ListingReading } from '../../../lib/sources/jo/listing';

const FOLDER = 'https://echanges.dila.gouv.fr/OPENDATA/Questions-Reponses/AN/Annee_en_cours/';
const LISTING = readFileSync(new URL('../../fixtures/jo/listing-AN-Annee_en_cours.html', import.meta.url), 'utf8');

function list(html: string, baseUrl = FOLDER): ListingReading {
  const reading = parseListing(html, baseUrl);
  expect(listingReadingSchema.safeParse(reading).success).toBe(true);
  return reading;
}

const links = (...hrefs: string[]) =>
  `<html><body><table>${hrefs.map((h) => `<tr><td><a href="${h}">${h}</a></td></tr>`).join('')}</table></body></html>`;

describe('parseListing', () => {
  it('lists the archives of the fixture by name, with what their names tell', () => {
    expect(list(LISTING)).toEqual({
      ok: true,
      issues: [2, 9, 10].map((number) => {
        const name = `ANQ2026${String(number).padStart(4, '0')}.taz`;
        return { name, url: `${FOLDER}${name}`, chamber: 'AN', year: 2026, number };
      }),
      refused: [],
    });
  });

  it('refuses links to .taz files outside the listed folder, and says why', () => {
    const hrefs = [
      'https://evil.example/ANQ20260011.taz',
      'http://echanges.dila.gouv.fr/OPENDATA/Questions-Reponses/AN/Annee_en_cours/ANQ20260012.taz',
      'https://user@echanges.dila.gouv.fr/OPENDATA/Questions-Reponses/AN/Annee_en_cours/ANQ20260013.taz',
      '../2025/ANQ20250052.taz',
      '%2e%2e/2025/ANQ20250051.taz',
      '/OPENDATA/Questions-Reponses/SENAT/Annee_en_cours/SEQ20260010.taz',
      'sub/ANQ20260014.taz',
      'ANQ2026%2F0015.taz',
      'ANQ20260016.taz?download=1',
      'ANQ20260017.taz#top',
      "javascript:alert('.taz')",
      '.taz',
    ];
    const reading = list(links(...hrefs));
    expect(reading).toEqual({
      ok: true,
      issues: [],
      refused: [
        { href: hrefs[0], reason: 'outside https://echanges.dila.gouv.fr' },
        { href: hrefs[1], reason: 'outside https://echanges.dila.gouv.fr' },
        { href: hrefs[2], reason: 'outside https://echanges.dila.gouv.fr' },
        { href: hrefs[3], reason: 'outside the listed folder' },
        { href: hrefs[4], reason: 'outside the listed folder' },
        { href: hrefs[5], reason: 'outside the listed folder' },
        { href: hrefs[6], reason: 'not a file of the listed folder' },
        { href: hrefs[7], reason: 'not a file of the listed folder' },
        { href: hrefs[8], reason: 'carries a query or a fragment' },
        { href: hrefs[9], reason: 'carries a query or a fragment' },
        { href: hrefs[10], reason: 'outside https://echanges.dila.gouv.fr' },
        { href: hrefs[11], reason: 'not a file of the listed folder' },
      ],
    });
  });

  it('ignores navigation links, keeps absolute links into the folder once, and ignores <base>', () => {
    const html = `<html><head><base href="https://evil.example/"></head><body>
      <a href="?C=M;O=A">Last modified</a><a href="/OPENDATA/Questions-Reponses/AN/">Parent Directory</a>
      <a href="DILA_Debats-Assemblee_nationale_Questions-R%c3%a9ponses_20190611.pdf">doc</a>
      <a href="ANQ20260003.taz">ANQ20260003.taz</a><a href="${FOLDER}ANQ20260003.taz">again</a>
      <a href="  ANQ20260001.TAZ ">upper case</a></body></html>`;
    expect(list(html)).toEqual({
      ok: true,
      issues: [
        { name: 'ANQ20260001.TAZ', url: `${FOLDER}ANQ20260001.TAZ`, chamber: 'AN', year: 2026, number: 1 },
        { name: 'ANQ20260003.taz', url: `${FOLDER}ANQ20260003.taz`, chamber: 'AN', year: 2026, number: 3 },
      ],
      refused: [],
    });
  });

  it("reads a Senate folder of a past year, whatever its files' names, the year from the folder", () => {
    const base = 'https://echanges.dila.gouv.fr/OPENDATA/Questions-Reponses/SENAT/2024';
    expect(list(links('Questions_semaine_10.taz', 'SEQ20240011.taz'), base)).toEqual({
      ok: true,
      issues: [
        { name: 'Questions_semaine_10.taz', url: `${base}/Questions_semaine_10.taz`, chamber: 'SENAT', year: 2024 },
        { name: 'SEQ20240011.taz', url: `${base}/SEQ20240011.taz`, chamber: 'SENAT', year: 2024, number: 11 },
      ],
      refused: [],
    });
  });

  it.each([
    'https://example.org/OPENDATA/Questions-Reponses/AN/Annee_en_cours/',
    'http://echanges.dila.gouv.fr/OPENDATA/Questions-Reponses/AN/Annee_en_cours/',
    'https://echanges.dila.gouv.fr/OPENDATA/Questions-Reponses/CESE/Annee_en_cours/',
    'https://echanges.dila.gouv.fr/OPENDATA/',
    'not a url',
  ])('refuses to read a listing said to come from %s', (baseUrl) => {
    expect(list(LISTING, baseUrl)).toEqual({
      ok: false,
      reason: 'not-a-listing-url',
      detail: `${baseUrl} is not a Questions-Reponses folder of https://echanges.dila.gouv.fr`,
    });
  });
});
