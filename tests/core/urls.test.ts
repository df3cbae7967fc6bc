import { CONTENT_SCRIPT_MATCHES, SITE_HOSTS } from '../../lib/sites';
import { HOSTS, PERMISSION_HOSTS } from '../../lib/sources/hosts';
import { DILA_HOST, folderUrl } from '../../lib/sources/jo';
import { describe, expect, it } from 'vitest';
import { type QuestionId, type QuestionKey } from '../../lib/model';
import {
  AN_QUESTIONS,
  AN_WWW,
  anDeputyUrl,
  anDynUrl,
  anOldUrl,
  anOpenDataUrl,
  anUid,
  idFromAnUid,
  isWebUrl,
  NOSDEPUTES_ARCHIVE_HOSTS,
  NOSDEPUTES_LEGACY_LEGISLATURES,
  NOSDEPUTES_WWW,
  nosdeputesDeputyUrl,
  nosdeputesHost,
  nosdeputesUrl,
} from '../../lib/urls';

describe('isWebUrl', () => {
  it.each([
    ['https://questions.assemblee-nationale.fr/q15/15-19189QE.htm', true],
    // NosDéputés « source » links, and old links everywhere.
    ['http://questions.assemblee-nationale.fr/q15/15-19189QE.htm', true],
    ['HTTP://www.nosdeputes.fr/16/question/QE/12874', true],
    ['ftp://www.nosdeputes.fr/16/question/QE/12874', false],
    ['file:///16/question/QE/12874', false],
    ['javascript:alert(1)', false],
  ])('%s → %s', (url, expected) => {
    expect(isWebUrl(new URL(url))).toBe(expected);
  });
});

describe('anUid', () => {
  it.each<[QuestionId | QuestionKey, string]>([
    ['AN-15-QE-19189', 'QANR5L15QE19189'],
    ['AN-14-QE-47351', 'QANR5L14QE47351'],
    ['AN-16-QG-12', 'QANR5L16QG12'],
    ['AN-15-QOSD-8', 'QANR5L15QOSD8'],
    ['AN-8-QE-19975', 'QANR5L8QE19975'],
    [{ chamber: 'AN', legislature: 17, type: 'QE', number: 1 }, 'QANR5L17QE1'],
    [{ chamber: 'AN', legislature: 10, type: 'QG', number: 2052 }, 'QANR5L10QG2052'],
  ])('%j → %s', (id, expected) => {
    expect(anUid(id)).toBe(expected);
  });

  it.each(['', 'AN-15-QE', 'QANR5L15QE19189', 'AN-15-XX-1', 'an-15-qe-1'])('throws on %j', (id) => {
    expect(() => anUid(id)).toThrow(TypeError);
  });
});

describe('idFromAnUid', () => {
  it.each([
    ['QANR5L15QE19189', 'AN-15-QE-19189'],
    ['QANR5L14QE47351', 'AN-14-QE-47351'],
    ['QANR5L16QG12', 'AN-16-QG-12'],
    ['QANR5L15QOSD8', 'AN-15-QOSD-8'],
    ['QANR5L8QE19975', 'AN-8-QE-19975'],
    ['QANR5L17QE999999', 'AN-17-QE-999999'],
  ])('%s → %s, and back', (uid, id) => {
    expect(idFromAnUid(uid)).toBe(id);
    expect(anUid(id)).toBe(uid);
  });

  it.each([
    '',
    'QANR5L15QE',
    'QANR5L15XX1',
    'QANR5L15qe1',
    'qanr5l15qe1',
    ' QANR5L15QE1',
    'QANR5L15QE1 ',
    'QANR5L15QE1.pdf',
    'QANR5L15QE1234567',
    'QANR5L123QE1',
    'QANR4L15QE1',
    'QANR5LQE1',
    'QSNR5L15QE1',
    'AN-15-QE-1',
    'https://www.assemblee-nationale.fr/dyn/15/questions/QANR5L15QE19189',
    'QANR5L15QE1-header',
  ])('rejects %j', (uid) => {
    expect(idFromAnUid(uid)).toBeUndefined();
  });

  // A zero-padded uid would yield an id that does not round-trip (QANR5L15QE019189 → AN-15-QE-19189).
  it('rejects zero and zero-padded uids (non-canonical)', () => {
    for (const uid of ['QANR5L15QE0', 'QANR5L15QE019189', 'QANR5L05QE1', 'QANR5L0QE1']) {
      expect(idFromAnUid(uid), uid).toBeUndefined();
    }
  });
});

describe('page URLs', () => {
  it.each<[QuestionId | QuestionKey, string, string, string]>([
    [
      'AN-15-QE-19189',
      'https://www.assemblee-nationale.fr/dyn/15/questions/QANR5L15QE19189',
      'https://questions.assemblee-nationale.fr/q15/15-19189QE.htm',
      'https://www.assemblee-nationale.fr/dyn/opendata/QANR5L15QE19189.json',
    ],
    [
      'AN-14-QE-47351',
      'https://www.assemblee-nationale.fr/dyn/14/questions/QANR5L14QE47351',
      'https://questions.assemblee-nationale.fr/q14/14-47351QE.htm',
      'https://www.assemblee-nationale.fr/dyn/opendata/QANR5L14QE47351.json',
    ],
    [
      'AN-15-QOSD-8',
      'https://www.assemblee-nationale.fr/dyn/15/questions/QANR5L15QOSD8',
      'https://questions.assemblee-nationale.fr/q15/15-8QOSD.htm',
      'https://www.assemblee-nationale.fr/dyn/opendata/QANR5L15QOSD8.json',
    ],
    [
      { chamber: 'AN', legislature: 10, type: 'QG', number: 2052 },
      'https://www.assemblee-nationale.fr/dyn/10/questions/QANR5L10QG2052',
      'https://questions.assemblee-nationale.fr/q10/10-2052QG.htm',
      'https://www.assemblee-nationale.fr/dyn/opendata/QANR5L10QG2052.json',
    ],
  ])('%j', (id, dyn, old, opendata) => {
    expect(anDynUrl(id)).toBe(dyn);
    expect(anOldUrl(id)).toBe(old);
    expect(anOpenDataUrl(id)).toBe(opendata);
  });

  it('throws on something that is not a question id', () => {
    expect(() => anDynUrl('QANR5L15QE19189')).toThrow(TypeError);
    expect(() => anOldUrl('AN-15-QE-')).toThrow(TypeError);
    expect(() => anOpenDataUrl('')).toThrow(TypeError);
    expect(() => nosdeputesUrl('nope')).toThrow(TypeError);
  });
});

describe('nosdeputesUrl', () => {
  it.each<[QuestionId | QuestionKey, string | undefined]>([
    ['AN-13-QE-1234', 'https://2007-2012.nosdeputes.fr/13/question/QE/1234'],
    ['AN-14-QE-47351', 'https://2012-2017.nosdeputes.fr/14/question/QE/47351'],
    ['AN-15-QE-19189', 'https://2017-2022.nosdeputes.fr/15/question/QE/19189'],
    ['AN-16-QE-4020', 'https://2022-2024.nosdeputes.fr/16/question/QE/4020'],
    [{ chamber: 'AN', legislature: 16, type: 'QE', number: 12874 }, 'https://2022-2024.nosdeputes.fr/16/question/QE/12874'],
    ['AN-17-QE-1', undefined],
    ['AN-12-QE-1', undefined],
    ['AN-8-QE-19975', undefined],
    ['AN-15-QG-12', undefined],
    ['AN-16-QOSD-300', undefined],
  ])('%j → %s', (id, expected) => {
    expect(nosdeputesUrl(id)).toBe(expected);
  });
});

describe('nosdeputesHost', () => {
  it.each<[number, string | undefined]>([
    [12, undefined],
    [13, '2007-2012.nosdeputes.fr'],
    [14, '2012-2017.nosdeputes.fr'],
    [15, '2017-2022.nosdeputes.fr'],
    [16, '2022-2024.nosdeputes.fr'],
    [17, undefined],
  ])('%i → %s', (legislature, expected) => {
    expect(nosdeputesHost(legislature)).toBe(expected);
  });
});

describe('deputy URLs', () => {
  it.each<[string, number | undefined, string]>([
    ['elise-morvan', undefined, 'https://www.nosdeputes.fr/depute/elise-morvan'],
    ['elise-morvan', 17, 'https://www.nosdeputes.fr/depute/elise-morvan'],
    ['elise-morvan', 16, 'https://2022-2024.nosdeputes.fr/elise-morvan'],
    ['julien-dive', 15, 'https://2017-2022.nosdeputes.fr/julien-dive'],
    ['jean-lassalle', 14, 'https://2012-2017.nosdeputes.fr/jean-lassalle'],
    ['jean-pierre-brard', 13, 'https://2007-2012.nosdeputes.fr/jean-pierre-brard'],
    ['jean-pierre-brard', 12, 'https://www.nosdeputes.fr/depute/jean-pierre-brard'],
  ])('nosdeputesDeputyUrl(%s, %s) → %s', (slug, legislature, expected) => {
    expect(nosdeputesDeputyUrl(slug, legislature)).toBe(expected);
  });

  it.each([
    ['PA795321', 'https://www.assemblee-nationale.fr/dyn/deputes/PA795321'],
    ['PA1008', 'https://www.assemblee-nationale.fr/dyn/deputes/PA1008'],
  ])('anDeputyUrl(%s) → %s', (anId, expected) => {
    expect(anDeputyUrl(anId)).toBe(expected);
  });
});

describe('hosts', () => {
  it('lists exactly the hosts Vigie reads', () => {
    expect(AN_WWW).toBe('www.assemblee-nationale.fr');
    expect(AN_QUESTIONS).toBe('questions.assemblee-nationale.fr');
    expect(NOSDEPUTES_WWW).toBe('www.nosdeputes.fr');
    expect([...SITE_HOSTS].sort()).toStrictEqual([
      '2007-2012.nosdeputes.fr',
      '2012-2017.nosdeputes.fr',
      '2017-2022.nosdeputes.fr',
      '2022-2024.nosdeputes.fr',
      'archive.nossenateurs.fr',
      'questions.assemblee-nationale.fr',
      'senat.fr',
      'www.assemblee-nationale.fr',
      'www.nosdeputes.fr',
      'www.senat.fr',
      'www2.senat.fr',
    ]);
    expect(new Set(SITE_HOSTS).size).toBe(SITE_HOSTS.length);
  });

  it('the extension asks for the hosts the background reads, the sites and the Journal officiel index, nothing broader; the content script stays on the sites', async () => {
    expect(HOSTS).toStrictEqual([...SITE_HOSTS, 'echanges.dila.gouv.fr']);
    // senat.fr and www2.senat.fr serve the same pages; the background reads www.senat.fr only.
    expect(PERMISSION_HOSTS).toStrictEqual([
      ...SITE_HOSTS.filter((host) => host !== 'senat.fr' && host !== 'www2.senat.fr'),
      'echanges.dila.gouv.fr',
    ]);
    const { default: config } = await import('../../wxt.config');
    for (const browser of ['chrome', 'firefox']) {
      const manifest = (config.manifest as (env: { browser: string }) => { host_permissions: string[] })({ browser });
      expect(manifest.host_permissions).toStrictEqual(PERMISSION_HOSTS.map((host) => `https://${host}/*`));
    }
    expect(CONTENT_SCRIPT_MATCHES.some((pattern) => pattern.includes('dila'))).toBe(false);
    expect(new URL(folderUrl('AN')).hostname).toBe(DILA_HOST);
  });

  it('names each archive host after the years its legislature sat, from the calendar', () => {
    expect(NOSDEPUTES_ARCHIVE_HOSTS).toStrictEqual({
      '2007-2012.nosdeputes.fr': 13,
      '2012-2017.nosdeputes.fr': 14,
      '2017-2022.nosdeputes.fr': 15,
      '2022-2024.nosdeputes.fr': 16,
    });
    expect([...NOSDEPUTES_LEGACY_LEGISLATURES]).toStrictEqual([13, 14, 15, 16]);
  });

  it('builds every page URL on a supported https host', () => {
    const urls = [
      anDynUrl('AN-15-QE-19189'),
      anOldUrl('AN-15-QE-19189'),
      anOpenDataUrl('AN-15-QE-19189'),
      anDeputyUrl('PA1'),
      nosdeputesDeputyUrl('julien-dive'),
      nosdeputesDeputyUrl('julien-dive', 15),
      ...[13, 14, 15, 16].map((leg) => nosdeputesUrl(`AN-${leg}-QE-1`)!),
    ];
    for (const url of urls) {
      const parsed = new URL(url);
      expect(parsed.protocol, url).toBe('https:');
      expect(SITE_HOSTS, url).toContain(parsed.hostname);
    }
  });
});
