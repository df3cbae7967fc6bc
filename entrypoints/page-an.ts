/** The page module of the Assemblée nationale's sites, its current one and the old questions site (lib/sites/page-modules.ts). */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startPage } from '../lib/content/start-page';
import { anDynSite } from '../lib/sites/an-dyn';
import { anOldSite } from '../lib/sites/an-old';

export default defineUnlistedScript(() => startPage([anDynSite, anOldSite]));
