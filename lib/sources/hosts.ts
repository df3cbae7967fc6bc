/**
 * Every host Vigie reads: the sites whose pages it overlays and reads back (lib/sites), and the
 * Journal officiel index, which only the background fetches. One list for the manifest's host
 * permissions (wxt.config.ts) and for the test browsers' host maps (harness/), so that nothing the
 * extension may request escapes the fixture server. The content script's matches stay the sites'.
 */
import { SITE_HOSTS } from '../sites';
import { DILA_HOST } from './jo/folders';

export const HOSTS: readonly string[] = [...new Set([...SITE_HOSTS, DILA_HOST])];
