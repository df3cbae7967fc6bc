import { defineContentScript } from 'wxt/utils/define-content-script';
import { detectPage } from '../lib/pages';

export default defineContentScript({
  matches: ['https://www.nosdeputes.fr/*'],
  main() {
    detectPage(location.href);
  },
});
