import { useEffect, useRef, useState } from 'preact/hooks';
import { type Requester } from '../../lib/messages';
import { formatters, type Language } from '../../lib/i18n';
import { APP_MESSAGES } from '../../lib/i18n-app';
import { checkImportFile, importChunks } from '../../lib/exchange';
import { MAX_FOLLOWS_PER_MESSAGE } from '../../lib/follows/messages';
import { type Follow } from '../../lib/follows/schemas';
import { parseJson } from '../../lib/objects';
import { type BackupInfo } from '../../lib/backup';
import { todayInParis } from '../../lib/dates';
import { CHECK_FREQUENCIES, siteEnabled, type Settings } from '../../lib/settings';

export interface SettingsAccess {
  load(): Promise<Settings>;
  save(settings: Settings): Promise<Settings>;
}

export interface OptionsAppProps {
  request: Requester;
  settings: SettingsAccess;
  lang: Language;
  /** Saves a file the user downloads (an object URL and an `<a download>` in the browser). */
  download(name: string, data: Blob): void;
  /** The export file, written page by page from the store, and how many watches it holds. */
  exportList(): Promise<{ file: Blob; watches: number }>;
  /** The backup copy of the list (lib/backup.ts): when it was made and how many questions it holds. */
  backupInfo?(): Promise<BackupInfo | undefined>;
  today: string;
  /** The installed version, as the build stamped it in the manifest. */
  version: string;
  /** The sites Vigie reads (lib/sites), each with its own switch. */
  sites: readonly { id: string; name: Record<Language, string> }[];
}

interface ImportPreview extends ImportCounts {
  importId: string;
}

type ImportCounts = { added: number; updated: number; unchanged: number };

type ImportErrorKey = keyof (typeof APP_MESSAGES)['fr']['importErrors'];

/** What went wrong, in the words that say truthfully whether anything was written. */
function fileErrorKey(error: string): ImportErrorKey {
  return error === 'not-vigie' || error === 'unsupported-version' ? error : 'invalid';
}

const refused = (error: unknown) => error instanceof Error && error.message.startsWith('import:refused');

export function OptionsApp({ request, settings: access, lang, download, exportList, backupInfo, today, version, sites }: OptionsAppProps) {
  const t = APP_MESSAGES[lang];
  const f = formatters(lang);
  const [settings, setSettings] = useState<Settings | undefined>();
  const [saved, setSaved] = useState('');
  const [dataStatus, setDataStatus] = useState('');
  const [importError, setImportError] = useState('');
  const [preview, setPreview] = useState<ImportPreview | undefined>();
  const [confirmErase, setConfirmErase] = useState(false);
  const [backup, setBackup] = useState<BackupInfo | undefined>();

  // The latest settings, ahead of React state: two quick changes must both be kept.
  const current = useRef<Settings>();
  /** The follows of the file being imported, restored when the user confirms. */
  const importedFollows = useRef<Follow[]>([]);
  const show = (value: Settings) => {
    current.current = value;
    setSettings(value);
  };

  useEffect(() => {
    void access.load().then(show);
    void backupInfo?.().then(setBackup, () => undefined);
  }, []);

  const restoreBackup = async () => {
    try {
      const { restored } = await request({ type: 'backup.restore' });
      setDataStatus(t.backupRestored(f.count(restored)));
    } catch {
      setDataStatus(t.actionFailed);
    }
  };

  const update = async (change: Partial<Settings>) => {
    if (!current.current) return;
    const next = { ...current.current, ...change };
    show(next);
    const saved = await access.save(next);
    // What the store kept (validated, defaults filled), unless a newer change is on its way.
    if (current.current === next) show(saved);
    setSaved(t.saved);
  };

  const exportToFile = async () => {
    try {
      const { file, watches } = await exportList();
      download(`vigie-questions-${today}.json`, file);
      setDataStatus(t.exported(f.count(watches)));
    } catch {
      setDataStatus(t.exportFailed);
    }
  };

  const chooseFile = async (input: HTMLInputElement) => {
    setImportError('');
    setPreview(undefined);
    setDataStatus('');
    const chosen = input.files?.[0];
    // Cleared at once, so choosing the same file again after fixing it fires a change.
    input.value = '';
    if (!chosen) return;
    const raw = parseJson(await chosen.text());
    if (raw === undefined) {
      setImportError(t.importErrors.json);
      return;
    }
    const checked = checkImportFile(raw);
    if (!checked.ok) {
      setImportError(t.importErrors[fileErrorKey(checked.error)]);
      return;
    }
    // Sent in chunks and staged: the list changes only when the user confirms.
    importedFollows.current = checked.file.follows ?? [];
    const importId = crypto.randomUUID();
    const counts: ImportCounts = { added: 0, updated: 0, unchanged: 0 };
    try {
      for (const watches of importChunks(checked.file.watches)) {
        const staged = await request({ type: 'import.stage', importId, watches });
        counts.added += staged.added;
        counts.updated += staged.updated;
        counts.unchanged += staged.unchanged;
      }
      setPreview({ importId, ...counts });
    } catch (error) {
      void request({ type: 'import.discard', importId }).catch(() => undefined);
      setImportError(refused(error) ? t.importErrors.refused : t.importErrors.unsent);
    }
  };

  const applyImport = async () => {
    if (!preview) return;
    try {
      const result = await request({ type: 'import.commit', importId: preview.importId });
      for (let start = 0; start < importedFollows.current.length; start += MAX_FOLLOWS_PER_MESSAGE) {
        await request({ type: 'follow.restore', follows: importedFollows.current.slice(start, start + MAX_FOLLOWS_PER_MESSAGE) });
      }
      importedFollows.current = [];
      setDataStatus(t.imported(f.count(result.added + result.updated)));
    } catch (error) {
      setImportError(refused(error) ? t.importErrors.refused : t.importErrors.unfinished);
    }
    setPreview(undefined);
  };

  const cancelImport = async () => {
    if (preview) void request({ type: 'import.discard', importId: preview.importId }).catch(() => undefined);
    setPreview(undefined);
  };

  const erase = async () => {
    await request({ type: 'data.erase' });
    setConfirmErase(false);
    show(await access.load());
    setDataStatus(t.erased);
  };

  return (
    <main class="options">
      <h1>{t.optionsTitle}</h1>
      {settings && (
        <form onSubmit={(e) => e.preventDefault()}>
          <fieldset>
            <legend>{t.notificationsLegend}</legend>
            <label class="check">
              <input
                type="checkbox"
                name="notifications"
                checked={settings.notifications}
                onChange={(e) => update({ notifications: e.currentTarget.checked })}
              />
              {t.notificationsLabel}
            </label>
          </fieldset>
          <fieldset>
            <legend>{t.frequencyLegend}</legend>
            <p class="help" id="frequency-help">
              {t.frequencyHelp}
            </p>
            {CHECK_FREQUENCIES.map((frequency) => (
              <label class="check" key={frequency}>
                <input
                  type="radio"
                  name="frequency"
                  value={frequency}
                  checked={settings.frequency === frequency}
                  aria-describedby="frequency-help"
                  onChange={() => update({ frequency })}
                />
                {t.frequencies[frequency]}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t.privacyLegend}</legend>
            <label class="check">
              <input
                type="checkbox"
                name="discreet"
                checked={settings.discreet}
                aria-describedby="discreet-help"
                onChange={(e) => update({ discreet: e.currentTarget.checked })}
              />
              {t.discreetLabel}
            </label>
            <div class="help" id="discreet-help">
              <p>{t.discreetOn}</p>
              <p>{t.discreetOff}</p>
            </div>
          </fieldset>
          <fieldset>
            <legend>{t.sitesLegend}</legend>
            {sites.map((site) => (
              <label class="check" key={site.id}>
                <input
                  type="checkbox"
                  name={`site-${site.id}`}
                  checked={siteEnabled(settings, site.id)}
                  onChange={(e) => update({ sites: { ...settings.sites, [site.id]: e.currentTarget.checked } })}
                />
                {site.name[lang]}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t.languageLegend}</legend>
            <select
              name="language"
              aria-label={t.languageLegend}
              value={settings.language}
              onChange={(e) => update({ language: e.currentTarget.value as Settings['language'] })}
            >
              {(['auto', 'fr', 'en'] as const).map((value) => (
                <option key={value} value={value}>
                  {t.languages[value]}
                </option>
              ))}
            </select>
          </fieldset>
          <p class="status" role="status">
            {saved}
          </p>
        </form>
      )}

      <section class="data" aria-labelledby="data-title">
        <h2 id="data-title">{t.dataTitle}</h2>
        <p>{t.dataText}</p>
        <p>
          <button type="button" onClick={exportToFile}>
            {t.exportButton}
          </button>
        </p>
        <p>
          <label class="file">
            {t.importLabel} <input type="file" accept="application/json,.json" onChange={(e) => void chooseFile(e.currentTarget)} />
          </label>
        </p>
        {importError && (
          <p class="error" role="alert">
            {importError}
          </p>
        )}
        {preview && (
          <fieldset class="preview" aria-label={t.importLabel}>
            <p>{t.importPreview(f.count(preview.added), f.count(preview.updated), f.count(preview.unchanged))}</p>
            <button type="button" class="primary" onClick={applyImport}>
              {t.importApply}
            </button>{' '}
            <button type="button" onClick={cancelImport}>
              {t.importCancel}
            </button>
          </fieldset>
        )}
        {backup && (
          <p>
            {t.backupText(formatters(lang).date(todayInParis(new Date(backup.at))), f.count(backup.watches))}{' '}
            <button type="button" onClick={restoreBackup}>
              {t.backupRestore}
            </button>
          </p>
        )}
        <p class="status" role="status">
          {dataStatus}
        </p>
        {!confirmErase ? (
          <p>
            <button type="button" class="danger" onClick={() => setConfirmErase(true)}>
              {t.eraseButton}
            </button>
          </p>
        ) : (
          <div class="confirm" role="alertdialog" aria-labelledby="erase-question">
            <p id="erase-question">{t.eraseConfirm}</p>
            <button type="button" class="danger" onClick={erase}>
              {t.eraseYes}
            </button>{' '}
            <button type="button" onClick={() => setConfirmErase(false)}>
              {t.eraseNo}
            </button>
          </div>
        )}
      </section>
      <footer class="muted">Vigie {version}</footer>
    </main>
  );
}
