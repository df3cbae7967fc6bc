/** The page module of senat.fr (lib/sites/page-modules.ts). */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startPage } from '../lib/content/start-page';
import { senatSite } from '../lib/sites/senat';

export default defineUnlistedScript(() => startPage([senatSite]));
