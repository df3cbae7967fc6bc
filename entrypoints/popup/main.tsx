import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '../../components/popup/PopupApp';
import '../../components/pages.css';
import { loadSettings, uiLanguage } from '../../lib/background/settings-store';
import { request } from '../../lib/client';

const lang = uiLanguage(await loadSettings());
document.documentElement.lang = lang;
render(<PopupApp request={request} lang={lang} openOptions={() => void browser.runtime.openOptionsPage()} />, document.getElementById('app')!);
