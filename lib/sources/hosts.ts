/**
 * Every host Vigie touches: the sites whose pages it overlays and reads back (lib/sites), and the
 * Journal officiel index, which only the background fetches. `HOSTS` is the test browsers' host map
 * (harness/), so that nothing the extension may request escapes the fixture server; the manifest
 * asks permission for the hosts the background fetches from only (wxt.config.ts). The content
 * script's matches stay the sites'.
 */
import { FETCHED_SITE_HOSTS, SITE_HOSTS } from '../sites';
import { DILA_HOST } from './jo/folders';

export const HOSTS: readonly string[] = [...new Set([...SITE_HOSTS, DILA_HOST])];

export const PERMISSION_HOSTS: readonly string[] = [...new Set([...FETCHED_SITE_HOSTS, DILA_HOST])];
