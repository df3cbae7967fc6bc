import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsApp } from '../../components/options/OptionsApp';
import '../../components/pages.css';
import { loadSettings, saveSettings, uiLanguage } from '../../lib/platform/storage';
import { request } from '../../lib/platform/client';
import { todayInParis } from '../../lib/dates';
import { SITES } from '../../lib/sites';

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const lang = uiLanguage(await loadSettings());
document.documentElement.lang = lang;
document.title = lang === 'fr' ? 'Vigie — réglages' : 'Vigie — settings';
render(
  <OptionsApp
    request={request}
    settings={{ load: loadSettings, save: saveSettings }}
    lang={lang}
    download={download}
    today={todayInParis()}
    version={browser.runtime.getManifest().version}
    sites={SITES}
  />,
  document.getElementById('app')!,
);
