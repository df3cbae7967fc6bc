/** The page module of the NosSénateurs.fr archive (lib/sites/page-modules.ts). */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startPage } from '../lib/content/start-page';
import { nossenateursSite } from '../lib/sites/nossenateurs';

export default defineUnlistedScript(() => startPage([nossenateursSite]));
