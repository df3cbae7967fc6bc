import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '../../components/popup/PopupApp';
import '../../components/pages.css';
import { BADGE_CSS } from '../../components/styles';
import { loadSettings, uiLanguage } from '../../lib/platform/storage';
import { request } from '../../lib/platform/client';

document.head.append(Object.assign(document.createElement('style'), { textContent: BADGE_CSS }));
const lang = uiLanguage(await loadSettings());
document.documentElement.lang = lang;
render(
  <PopupApp request={request} lang={lang} openOptions={() => void browser.runtime.openOptionsPage()} />,
  document.getElementById('app')!,
);
