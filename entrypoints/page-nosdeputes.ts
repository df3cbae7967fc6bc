/** The page module of NosDéputés.fr: the archives of legislatures 13 to 16 and the new site (lib/sites/page-modules.ts). */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startPage } from '../lib/content/start-page';
import { nosdeputesSite } from '../lib/sites/nosdeputes';
import { nosdeputesNewSite } from '../lib/sites/nosdeputes-new';

export default defineUnlistedScript(() => startPage([nosdeputesSite, nosdeputesNewSite]));
