import { useEffect, useRef, useState } from 'preact/hooks';
import { type Requester } from '../../lib/messages';
import { formatters, type Language } from '../../lib/i18n';
import { APP_MESSAGES } from '../../lib/i18n-app';
import { parseJson } from '../../lib/objects';
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
  download(name: string, text: string): void;
  today: string;
  /** The installed version, as the build stamped it in the manifest. */
  version: string;
  /** The sites Vigie reads (lib/sites), each with its own switch. */
  sites: readonly { id: string; name: Record<Language, string> }[];
}

interface ImportPreview {
  file: unknown;
  added: number;
  updated: number;
  unchanged: number;
}

type ImportErrorKey = keyof (typeof APP_MESSAGES)['fr']['importErrors'];

function importErrorKey(message: string): ImportErrorKey {
  const code = /^import:([a-z-]+)/.exec(message)?.[1];
  return code === 'not-vigie' || code === 'unsupported-version' ? code : 'invalid';
}

export function OptionsApp({ request, settings: access, lang, download, today, version, sites }: OptionsAppProps) {
  const t = APP_MESSAGES[lang];
  const f = formatters(lang);
  const [settings, setSettings] = useState<Settings | undefined>();
  const [saved, setSaved] = useState('');
  const [dataStatus, setDataStatus] = useState('');
  const [importError, setImportError] = useState('');
  const [preview, setPreview] = useState<ImportPreview | undefined>();
  const [confirmErase, setConfirmErase] = useState(false);

  // The latest settings, ahead of React state: two quick changes must both be kept.
  const current = useRef<Settings>();
  const show = (value: Settings) => {
    current.current = value;
    setSettings(value);
  };

  useEffect(() => {
    void access.load().then(show);
  }, []);

  const update = async (change: Partial<Settings>) => {
    if (!current.current) return;
    const next = { ...current.current, ...change };
    show(next);
    const saved = await access.save(next);
    // What the store kept (validated, defaults filled), unless a newer change is on its way.
    if (current.current === next) show(saved);
    setSaved(t.saved);
  };

  const exportList = async () => {
    const { file } = await request({ type: 'data.export' });
    download(`vigie-questions-${today}.json`, JSON.stringify(file, null, 2));
    setDataStatus(t.exported(f.count(file.watches.length)));
  };

  const chooseFile = async (input: HTMLInputElement) => {
    setImportError('');
    setPreview(undefined);
    setDataStatus('');
    const chosen = input.files?.[0];
    // Cleared at once, so choosing the same file again after fixing it fires a change.
    input.value = '';
    if (!chosen) return;
    const file = parseJson(await chosen.text());
    if (file === undefined) {
      setImportError(t.importErrors.json);
      return;
    }
    try {
      const plan = await request({ type: 'data.import', file, apply: false });
      setPreview({ file, added: plan.added.length, updated: plan.updated.length, unchanged: plan.unchanged.length });
    } catch (error) {
      setImportError(t.importErrors[importErrorKey(error instanceof Error ? error.message : '')]);
    }
  };

  const applyImport = async () => {
    if (!preview) return;
    try {
      const result = await request({ type: 'data.import', file: preview.file, apply: true });
      setDataStatus(t.imported(f.count(result.added.length + result.updated.length)));
    } catch (error) {
      setImportError(t.importErrors[importErrorKey(error instanceof Error ? error.message : '')]);
    }
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
          <button type="button" onClick={exportList}>
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
            <button type="button" onClick={() => setPreview(undefined)}>
              {t.importCancel}
            </button>
          </fieldset>
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
