/** User settings, in storage.local, validated with defaults: a bad or missing value never breaks Vigie. */
import * as z from 'zod/mini';

export { languageOf, SETTINGS_KEY, siteEnabled } from './page-settings';
import { SITE_ID } from './page-settings';

export const CHECK_FREQUENCIES = ['weekly', 'daily', 'every-day'] as const;
export type CheckFrequency = (typeof CHECK_FREQUENCIES)[number];

export const settingsSchema = z.object({
  notifications: z._default(z.boolean(), true),
  frequency: z._default(z.enum(CHECK_FREQUENCIES), 'daily'),
  /**
   * Sites the user turned off, by site id (lib/sites): every site is on unless said otherwise, so a
   * site added in an update is on, and this module need not load the site registry.
   */
  sites: z._default(z.record(z.string().check(z.regex(SITE_ID)), z.boolean()), {}),
  language: z._default(z.enum(['auto', 'fr', 'en']), 'auto'),
  /**
   * « Mode discret »: answers come from the Journal officiel's weekly index, the same download for
   * everyone, and a watched question is read at the Assemblée (which then learns it is watched)
   * only about once a month (lib/polling/index-schedule.ts). Off: the per-question reads of the
   * chosen frequency as well.
   */
  discreet: z._default(z.boolean(), true),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

/** Reads stored settings, keeping every valid field and defaulting the rest. */
export function readSettings(stored: unknown): Settings {
  const whole = settingsSchema.safeParse(stored ?? {});
  if (whole.success) return whole.data;
  const fields = stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    const one = settingsSchema.safeParse({ [key]: fields[key] });
    if (one.success) settings[key] = one.data[key];
  }
  return settings as Settings;
}
