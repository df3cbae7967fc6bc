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
import { readFirstScreen } from '../../lib/background/store/first-page';
import { todayInParis } from '../../lib/dates';
import { followsReader } from '../../lib/background/store/follows';

document.head.append(Object.assign(document.createElement('style'), { textContent: BADGE_CSS }));
// The popup reads the list from the store itself: no message carries it, and the worker need not wake.
// The database opens and the first rows are read while the settings are, not after; those rows are
// in the first render, and a store that cannot give them leaves the popup to read the whole list.
const opening = openVigieDb().then(async (db) => ({ db, firstScreen: await readFirstScreen(db, todayInParis()).catch(() => undefined) }));
const [settings, { db, firstScreen }] = await Promise.all([loadSettings(), opening]);
const lang = uiLanguage(settings);
document.documentElement.lang = lang;
const view = location.hash.slice(1);
render(
  <PopupShell
    initial={(POPUP_VIEWS as readonly string[]).includes(view) ? (view as PopupView) : undefined}
    follows={followsReader(db)}
    request={request}
    list={watchListReader(db)}
    firstScreen={firstScreen}
    lang={lang}
    openOptions={() => void browser.runtime.openOptionsPage()}
    download={download}
    backupInfo={async () => backupInfo(await unpackBackup(await loadPackedBackup()))}
  />,
  document.getElementById('app')!,
);
