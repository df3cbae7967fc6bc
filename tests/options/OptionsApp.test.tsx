// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OptionsApp, type SettingsAccess } from '../../components/options/OptionsApp';
import { exportWatches } from '../../lib/exchange';
import { type Language } from '../../lib/i18n';
import { responseSchemas } from '../../lib/messages';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { SITES } from '../../lib/sites';
import { type WatchRecord } from '../../lib/records';
import { makeRecord, makeRef, NOW, TODAY } from '../store/helpers';
import { byText, choose, click, deferred, fakeBackground, norm, queryByText, settle, type FakeHandlers } from '../popup/fake';

const STORED: Settings = {
  notifications: false,
  frequency: 'weekly',
  sites: { nosdeputes: true, nosdeputesNew: false, an: true, anOld: true },
  language: 'fr',
  discreet: true,
};

const REF = makeRef({ number: 77, title: 'Transports scolaires' });
const WATCHES: WatchRecord[] = [
  makeRecord({ number: 4020, note: 'Relancer', lastCheckedAt: NOW - 1000 }),
  { id: REF.id, ref: REF, watchedAt: NOW, state: 'pending', failures: 0, seen: true },
];
const EXPORT = exportWatches(WATCHES, NOW);

/** Settings kept in memory, as storage.local would keep them; erasing resets them to the defaults. */
function memorySettings(initial: Settings = STORED) {
  let stored: Settings = structuredClone(initial);
  const access = {
    load: vi.fn(async () => structuredClone(stored)),
    save: vi.fn(async (settings: Settings) => {
      stored = structuredClone(settings);
      return structuredClone(stored);
    }),
    reset() {
      stored = structuredClone(DEFAULT_SETTINGS);
    },
  } satisfies SettingsAccess & { reset(): void };
  return access;
}

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

function background(handlers: FakeHandlers = {}) {
  return fakeBackground({
    'data.export': () => ({ file: EXPORT }),
    'data.import': (m) =>
      m.apply
        ? { added: ['AN-16-QE-77'], updated: ['AN-16-QE-4020', 'AN-16-QE-1'], unchanged: [], applied: true }
        : { added: ['AN-16-QE-77'], updated: ['AN-16-QE-4020', 'AN-16-QE-1'], unchanged: [], applied: false },
    'data.erase': () => ({ erased: true }),
    ...handlers,
  });
}

async function open(
  bg: ReturnType<typeof background>,
  settings: SettingsAccess = memorySettings(),
  download: (name: string, text: string) => void = vi.fn(),
  lang: Language = 'fr',
) {
  await act(() => {
    render(
      <OptionsApp request={bg.request} settings={settings} lang={lang} download={download} today={TODAY} version="0.1.0" sites={SITES} />,
      container,
    );
  });
  await settle();
}

const input = (selector: string) => {
  const found = container.querySelector<HTMLInputElement>(selector);
  expect(found, selector).not.toBeNull();
  return found!;
};
const savedStatus = () => norm(container.querySelector('form [role="status"]')?.textContent).trim();
const dataStatus = () => norm(container.querySelector('.data > [role="status"]')?.textContent).trim();
const alertText = () => norm(container.querySelector('[role="alert"]')?.textContent).trim();
const fileInput = () => input('input[type="file"]');

/** What the browser does when the user picks a file: `files` set, then `change`. */
async function pickFile(target: HTMLInputElement, content: string, name = 'vigie.json') {
  const file = new File([content], name, { type: 'application/json' });
  Object.defineProperty(target, 'files', { value: [file], configurable: true });
  await act(() => {
    target.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
}

async function toggle(target: HTMLInputElement) {
  await act(() => {
    target.click();
  });
  await settle();
}

describe('OptionsApp: settings', () => {
  it('shows the loaded settings', async () => {
    const settings = memorySettings();
    await open(background(), settings);
    expect(settings.load).toHaveBeenCalledTimes(1);
    expect(input('input[name="notifications"]').checked).toBe(false);
    const radios = [...container.querySelectorAll<HTMLInputElement>('input[name="frequency"]')];
    expect(radios.map((r) => [r.value, r.checked])).toEqual([
      ['weekly', true],
      ['daily', false],
      ['every-day', false],
    ]);
    expect(radios.map((r) => norm(r.parentElement!.textContent).trim())).toEqual([
      'Hebdomadaire : le jour de parution du JO',
      'Normale : le jour du JO et un rattrapage en fin de semaine (recommandé)',
      'Quotidienne : chaque jour',
    ]);
    expect(radios.every((r) => r.getAttribute('aria-describedby') === 'frequency-help')).toBe(true);
    expect(['nosdeputes', 'nosdeputesNew', 'an', 'anOld'].map((f) => input(`input[name="site-${f}"]`).checked)).toEqual([
      true,
      false,
      true,
      true,
    ]);
    const language = container.querySelector<HTMLSelectElement>('select[name="language"]')!;
    expect(language.value).toBe('fr');
    expect([...language.options].map((o) => [o.value, o.textContent])).toEqual([
      ['auto', 'Celle du navigateur'],
      ['fr', 'Français'],
      ['en', 'English'],
    ]);
    expect(savedStatus()).toBe('');
    expect(settings.save).not.toHaveBeenCalled();
  });

  it('saves the whole settings object on every change, and says so', async () => {
    const settings = memorySettings();
    await open(background(), settings);

    await toggle(input('input[name="notifications"]'));
    expect(settings.save).toHaveBeenLastCalledWith({ ...STORED, notifications: true });
    expect(savedStatus()).toBe('Réglages enregistrés.');
    expect(input('input[name="notifications"]').checked).toBe(true);

    await toggle(input('input[name="frequency"][value="every-day"]'));
    expect(settings.save).toHaveBeenLastCalledWith({ ...STORED, notifications: true, frequency: 'every-day' });
    expect(input('input[name="frequency"][value="every-day"]').checked).toBe(true);
    expect(input('input[name="frequency"][value="weekly"]').checked).toBe(false);

    await toggle(input('input[name="site-an"]'));
    const sites = { nosdeputes: true, nosdeputesNew: false, an: false, anOld: true };
    expect(settings.save).toHaveBeenLastCalledWith({ ...STORED, notifications: true, frequency: 'every-day', sites });
    expect(input('input[name="site-an"]').checked).toBe(false);

    await choose(container.querySelector<HTMLSelectElement>('select[name="language"]')!, 'en');
    expect(settings.save).toHaveBeenLastCalledWith({ notifications: true, frequency: 'every-day', sites, language: 'en', discreet: true });
    expect(settings.save).toHaveBeenCalledTimes(4);
    expect(await settings.load()).toEqual({ notifications: true, frequency: 'every-day', sites, language: 'en', discreet: true });
    expect(savedStatus()).toBe('Réglages enregistrés.');
  });

  it('« Mode discret »: on by default, said in plain words next to the switch, and saved when turned off', async () => {
    const settings = memorySettings(DEFAULT_SETTINGS);
    await open(background(), settings);
    const discreet = input('input[name="discreet"]');
    expect(discreet.checked).toBe(true);
    expect(norm(discreet.parentElement!.textContent).trim()).toBe('Mode discret (recommandé)');
    const help = container.querySelector(`#${discreet.getAttribute('aria-describedby')}`)!;
    const words = norm(help.textContent);
    // What each position does, what it reveals and to whom, and what it costs.
    expect(words).toContain('Activé : Vigie apprend les réponses en téléchargeant chaque semaine le Journal officiel');
    expect(words).toContain('echanges.dila.gouv.fr');
    expect(words).toContain('personne ne sait quelles questions vous suivez');
    expect(words).toContain('qu’environ une fois par mois');
    expect(words).toContain('jusqu’à un mois plus tard');
    expect(words).toContain('Désactivé : Vigie interroge aussi l’Assemblée sur chaque question suivie');
    expect(words).toContain('l’Assemblée voit alors quelles questions vous suivez');
    await toggle(discreet);
    expect(settings.save).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, discreet: false });
    expect(input('input[name="discreet"]').checked).toBe(false);
  });

  it('shows what the store kept, not what was asked', async () => {
    const settings = memorySettings();
    settings.save.mockImplementation(async (s: Settings) => ({ ...s, frequency: 'daily' }));
    await open(background(), settings);
    await toggle(input('input[name="frequency"][value="every-day"]'));
    expect(settings.save).toHaveBeenLastCalledWith({ ...STORED, frequency: 'every-day' });
    expect(input('input[name="frequency"][value="daily"]').checked).toBe(true);
  });

  // Bug: `update` spreads the settings of its render; a second change made before the first save
  // resolves is saved over the stale object, losing the first change.
  it('keeps both of two quick changes made while the first is still saving', async () => {
    const settings = memorySettings();
    const first = deferred<Settings>();
    settings.save.mockImplementationOnce(async () => first.promise);
    await open(background(), settings);
    await act(() => {
      input('input[name="notifications"]').click();
    });
    await act(() => {
      input('input[name="site-anOld"]').click();
    });
    first.resolve({ ...STORED, notifications: true });
    await settle();
    expect(settings.save).toHaveBeenCalledTimes(2);
    expect(settings.save).toHaveBeenLastCalledWith({ ...STORED, notifications: true, sites: { ...STORED.sites, anOld: false } });
  });
});

describe('OptionsApp: export', () => {
  it('downloads the export as vigie-questions-<today>.json and counts it', async () => {
    const download = vi.fn();
    const bg = background();
    await open(bg, memorySettings(), download);
    await click(byText(container, 'button', 'Exporter ma liste (JSON)'));
    expect(bg.calls).toEqual([{ type: 'data.export' }]);
    expect(download).toHaveBeenCalledTimes(1);
    const [name, text] = download.mock.calls[0] as [string, string];
    expect(name).toBe('vigie-questions-2024-06-01.json');
    // The result as the client hands it back, pretty-printed.
    expect(text).toBe(JSON.stringify(responseSchemas['data.export'].parse({ file: EXPORT }).file, null, 2));
    expect(JSON.parse(text)).toEqual(EXPORT);
    expect(dataStatus()).toBe('2 questions exportées.');
  });
});

describe('OptionsApp: import', () => {
  it('refuses a file that is not JSON without asking the background', async () => {
    const bg = background();
    await open(bg);
    await pickFile(fileInput(), '{ this is not json', 'notes.txt');
    expect(alertText()).toBe('Ce fichier n’est pas du JSON lisible.');
    expect(bg.calls).toEqual([]);
    expect(container.querySelector('.preview')).toBeNull();
  });

  it('does nothing when no file was chosen', async () => {
    const bg = background();
    await open(bg);
    Object.defineProperty(fileInput(), 'files', { value: [], configurable: true });
    await act(() => {
      fileInput().dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    expect(bg.calls).toEqual([]);
    expect(container.querySelector('[role="alert"]')).toBeNull();
  });

  it('previews a JSON file, then « Importer » applies it and says how many', async () => {
    const bg = background();
    await open(bg);
    await pickFile(fileInput(), JSON.stringify(EXPORT));
    const file = JSON.parse(JSON.stringify(EXPORT));
    expect(bg.calls).toEqual([{ type: 'data.import', file, apply: false }]);
    const preview = container.querySelector('.preview')!;
    expect(preview.tagName).toBe('FIELDSET');
    expect(norm(preview.querySelector('p')!.textContent)).toBe('1 à ajouter, 2 à mettre à jour, 0 inchangée(s).');
    expect(container.querySelector('[role="alert"]')).toBeNull();

    await click(byText(preview, 'button', 'Importer'));
    expect(bg.calls).toEqual([
      { type: 'data.import', file, apply: false },
      { type: 'data.import', file, apply: true },
    ]);
    expect(dataStatus()).toBe('Import terminé : 3 questions ajoutées ou mises à jour.');
    expect(container.querySelector('.preview')).toBeNull();
  });

  it('« Annuler » drops the preview and sends nothing more', async () => {
    const bg = background();
    await open(bg);
    await pickFile(fileInput(), JSON.stringify(EXPORT));
    expect(bg.calls).toHaveLength(1);
    await click(byText(container.querySelector('.preview')!, 'button', 'Annuler'));
    expect(container.querySelector('.preview')).toBeNull();
    expect(bg.calls).toHaveLength(1);
    expect(dataStatus()).toBe('');
  });

  it('uses the singular for one question', async () => {
    const bg = background({
      'data.import': (m) => ({ added: ['AN-16-QE-77'], updated: [], unchanged: ['AN-16-QE-4020'], applied: m.apply }),
    });
    await open(bg);
    await pickFile(fileInput(), JSON.stringify(EXPORT));
    expect(norm(container.querySelector('.preview p')!.textContent)).toBe('1 à ajouter, 0 à mettre à jour, 1 inchangée(s).');
    await click(byText(container, 'button', 'Importer'));
    expect(dataStatus()).toBe('Import terminé : 1 question ajoutée ou mise à jour.');
  });

  it.each([
    ['import:not-vigie', 'Ce fichier n’est pas un export de Vigie.'],
    ['import:unsupported-version', 'Ce fichier vient d’une version de Vigie que celle-ci ne sait pas lire.'],
    ['import:invalid: x', 'Ce fichier est abîmé ou modifié : rien n’a été importé.'],
    ['import:invalid: watches.0.seen Invalid input', 'Ce fichier est abîmé ou modifié : rien n’a été importé.'],
  ])('explains a refused file (%s)', async (error, message) => {
    const bg = background({
      'data.import': () => {
        throw new Error(error);
      },
    });
    await open(bg);
    await pickFile(fileInput(), JSON.stringify({ format: 'other' }));
    expect(bg.calls).toEqual([{ type: 'data.import', file: { format: 'other' }, apply: false }]);
    expect(alertText()).toBe(message);
    expect(container.querySelector('.preview')).toBeNull();
  });

  it('explains a file refused only when applied, and drops the preview', async () => {
    const bg = background({
      'data.import': (m) => {
        if (m.apply) throw new Error('import:invalid: AN-16-QE-4020');
        return { added: [], updated: ['AN-16-QE-4020'], unchanged: [], applied: false };
      },
    });
    await open(bg);
    await pickFile(fileInput(), JSON.stringify(EXPORT));
    await click(byText(container, 'button', 'Importer'));
    expect(alertText()).toBe('Ce fichier est abîmé ou modifié : rien n’a été importé.');
    expect(container.querySelector('.preview')).toBeNull();
    expect(dataStatus()).toBe('');
  });

  it('a new file clears the previous error and status', async () => {
    const bg = background();
    await open(bg);
    await pickFile(fileInput(), 'nope');
    expect(alertText()).toBe('Ce fichier n’est pas du JSON lisible.');
    await pickFile(fileInput(), JSON.stringify(EXPORT));
    expect(container.querySelector('[role="alert"]')).toBeNull();
    expect(container.querySelector('.preview')).not.toBeNull();
  });

  /** A file input whose value the test can read back, as a browser's holds the chosen path. */
  function trackValue(target: HTMLInputElement) {
    let value = 'C:\\fakepath\\vigie.json';
    Object.defineProperty(target, 'value', {
      get: () => value,
      set: (v: string) => {
        value = v;
      },
      configurable: true,
    });
    return () => value;
  }

  it('clears the file input after reading a JSON file, so the same file can be chosen again', async () => {
    await open(background());
    const value = trackValue(fileInput());
    await pickFile(fileInput(), JSON.stringify(EXPORT));
    expect(value()).toBe('');
  });

  // Bug: chooseFile returns on a JSON parse error before its `finally { input.value = '' }`, so after
  // fixing the file the user cannot pick it again (no `change` for the same selection).
  it('clears the file input after a file that is not JSON too', async () => {
    await open(background());
    const value = trackValue(fileInput());
    await pickFile(fileInput(), 'not json');
    expect(alertText()).toBe('Ce fichier n’est pas du JSON lisible.');
    expect(value()).toBe('');
  });
});

describe('OptionsApp: erase', () => {
  it('asks first; « Non, garder » keeps everything', async () => {
    const bg = background();
    await open(bg);
    expect(container.querySelector('[role="alertdialog"]')).toBeNull();
    await click(byText(container, 'button', 'Effacer toutes mes données'));
    const dialog = container.querySelector('[role="alertdialog"]')!;
    expect(dialog).not.toBeNull();
    expect(dialog.getAttribute('aria-labelledby')).toBe('erase-question');
    expect(norm(dialog.querySelector('#erase-question')!.textContent)).toBe(
      'Tout effacer : questions suivies, notes, historique et réglages ? C’est définitif.',
    );
    expect(queryByText(container, 'button', 'Effacer toutes mes données')).toBeUndefined();
    expect(bg.calls).toEqual([]);

    await click(byText(dialog, 'button', 'Non, garder'));
    expect(container.querySelector('[role="alertdialog"]')).toBeNull();
    expect(queryByText(container, 'button', 'Effacer toutes mes données')).toBeDefined();
    expect(bg.calls).toEqual([]);
    expect(dataStatus()).toBe('');
  });

  it('« Oui, tout effacer » erases, says so and shows the settings as they now are', async () => {
    const settings = memorySettings();
    const bg = background({
      'data.erase': () => {
        settings.reset();
        return { erased: true };
      },
    });
    await open(bg, settings);
    expect(input('input[name="notifications"]').checked).toBe(false);
    await click(byText(container, 'button', 'Effacer toutes mes données'));
    await click(byText(container, 'button', 'Oui, tout effacer'));
    expect(bg.calls).toEqual([{ type: 'data.erase' }]);
    expect(dataStatus()).toBe('Toutes les données de Vigie ont été effacées.');
    expect(container.querySelector('[role="alertdialog"]')).toBeNull();
    expect(settings.load).toHaveBeenCalledTimes(2);
    expect(input('input[name="notifications"]').checked).toBe(true);
    expect(input('input[name="frequency"][value="daily"]').checked).toBe(true);
    expect(input('input[name="site-nosdeputesNew"]').checked).toBe(true);
  });
});

describe('OptionsApp: English', () => {
  it('speaks English when lang is en', async () => {
    const settings = memorySettings();
    const bg = background({
      'data.import': () => {
        throw new Error('import:not-vigie');
      },
    });
    await open(bg, settings, vi.fn(), 'en');
    expect(norm(container.querySelector('h1')!.textContent)).toBe('Vigie — settings');
    expect(norm(input('input[name="discreet"]').parentElement!.textContent).trim()).toBe('Discreet mode (recommended)');
    expect(norm(container.querySelector('#discreet-help')!.textContent)).toContain('the Assemblée then sees which questions you watch');
    await toggle(input('input[name="notifications"]'));
    expect(savedStatus()).toBe('Settings saved.');
    await pickFile(fileInput(), 'nope');
    expect(alertText()).toBe('This file is not readable JSON.');
    await pickFile(fileInput(), '{}');
    expect(alertText()).toBe('This file is not a Vigie export.');
    await click(byText(container, 'button', 'Erase all my data'));
    expect(byText(container, 'button', 'Yes, erase everything')).toBeTruthy();
    expect(byText(container, 'button', 'No, keep it')).toBeTruthy();
  });
});
