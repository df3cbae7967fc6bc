import { render } from 'preact';
import { browser } from 'wxt/browser';
import { POPUP_VIEWS, PopupShell, type PopupView } from '../../components/popup/PopupShell';
import '../../components/pages.css';
import { BADGE_CSS } from '../../components/styles';
import { loadPackedBackup, loadSettings, uiLanguage } from '../../lib/platform/storage';
import { backupInfo, unpackBackup } from '../../lib/backup';
import { request } from '../../lib/platform/client';
import { download } from '../../lib/platform/download';
import { openVigieDb } from '../../lib/background/store/db';
import { watchListReader } from '../../lib/background/store/pages';
import { followsReader } from '../../lib/background/store/follows';

document.head.append(Object.assign(document.createElement('style'), { textContent: BADGE_CSS }));
const lang = uiLanguage(await loadSettings());
document.documentElement.lang = lang;
// The popup reads the list from the store itself: no message carries it, and the worker need not wake.
const db = await openVigieDb();
const view = location.hash.slice(1);
render(
  <PopupShell
    initial={(POPUP_VIEWS as readonly string[]).includes(view) ? (view as PopupView) : undefined}
    follows={followsReader(db)}
    request={request}
    list={watchListReader(db)}
    lang={lang}
    openOptions={() => void browser.runtime.openOptionsPage()}
    download={download}
    backupInfo={async () => backupInfo(await unpackBackup(await loadPackedBackup()))}
  />,
  document.getElementById('app')!,
);
