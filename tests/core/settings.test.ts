/** Stored settings are read field by field: a bad or missing value takes its default, the others are kept. */
import { describe, expect, it } from 'vitest';
import { readPageSettings } from '../../lib/page-settings';
import { DEFAULT_SETTINGS, readSettings, type Settings } from '../../lib/settings';

describe('readSettings', () => {
  it('defaults: notifications on, the normal frequency, every site, the browser’s language, discreet mode on', () => {
    expect(DEFAULT_SETTINGS).toEqual({ notifications: true, frequency: 'daily', sites: {}, language: 'auto', discreet: true });
  });

  const kept: Settings = { notifications: false, frequency: 'weekly', sites: { an: false }, language: 'en', discreet: false };

  it.each<[string, unknown, Settings]>([
    ['nothing stored', undefined, DEFAULT_SETTINGS],
    ['not an object', 'discreet', DEFAULT_SETTINGS],
    ['every field valid', kept, kept],
    [
      'settings of a version before « Mode discret »: on, the rest kept',
      { notifications: false, frequency: 'weekly', sites: { an: false }, language: 'en' },
      { ...kept, discreet: true },
    ],
    ['discreet not a boolean: its default, the rest kept', { ...kept, discreet: 'no' }, { ...kept, discreet: true }],
    ['another field broken: discreet off is kept', { ...kept, frequency: 'hourly' }, { ...kept, frequency: 'daily' }],
  ])('%s', (_label, stored, settings) => {
    expect(readSettings(stored)).toEqual(settings);
  });
});

describe('the page’s reading of the settings', () => {
  it.each([
    undefined,
    null,
    'settings',
    {},
    { language: 'en', sites: { nosdeputes: false } },
    { language: 'de', sites: { nosdeputes: false } },
    { language: 'fr', sites: { 'no-such site': false } },
    { language: 'auto', sites: { nosdeputes: 'off' } },
    { language: 'en', sites: [] },
    { language: 'en', sites: { andyn: true, nosdeputes: false }, frequency: 'hourly', notifications: 3 },
  ])('reads %j as readSettings does', (stored) => {
    const { language, sites } = readSettings(stored);
    expect(readPageSettings(stored)).toStrictEqual({ language, sites });
  });
});
