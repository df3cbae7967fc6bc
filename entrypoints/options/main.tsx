import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsApp } from '../../components/options/OptionsApp';
import '../../components/pages.css';
import { loadPackedBackup, loadSettings, saveSettings, uiLanguage } from '../../lib/platform/storage';
import { backupInfo, unpackBackup } from '../../lib/backup';
import { request } from '../../lib/platform/client';
import { todayInParis } from '../../lib/dates';
import { SITES } from '../../lib/sites';
import { openVigieDb } from '../../lib/background/store/db';
import { exportFile } from '../../lib/background/store/pages';
import { download } from '../../lib/platform/download';

const lang = uiLanguage(await loadSettings());
document.documentElement.lang = lang;
document.title = lang === 'fr' ? 'Vigie — réglages' : 'Vigie — settings';
render(
  <OptionsApp
    request={request}
    settings={{ load: loadSettings, save: saveSettings }}
    lang={lang}
    download={download}
    exportList={async () => exportFile(await openVigieDb(), Date.now())}
    backupInfo={async () => backupInfo(await unpackBackup(await loadPackedBackup()))}
    today={todayInParis()}
    version={browser.runtime.getManifest().version}
    sites={SITES}
  />,
  document.getElementById('app')!,
);
