/**
 * The notification and toolbar shell, on the fake browser of wxt/testing: clicking a notification
 * opens the question and marks it seen; notifications off still updates the badge.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { browser } from 'wxt/browser';
import { announce, onNotificationClicked, refreshBadge } from '../../lib/background/notify';
import { detectChange } from '../../lib/polling/changes';
import { SETTINGS_KEY } from '../../lib/settings';
import { type Db } from '../../lib/background/store/db';
import { getWatches, setWatched, updateWatch } from '../../lib/background/store/watches';
import { freshIndexedDb, makeQuestion, NOW, openTestDb, TODAY } from '../store/helpers';

let db: Db;
let badge: string[];

beforeEach(async () => {
  fakeBrowser.reset();
  freshIndexedDb();
  db = await openTestDb();
  badge = [];
  // The fake browser has no toolbar action nor UI language: record the one, fix the other.
  Object.assign(browser.i18n, { getUILanguage: () => 'fr-FR' });
  Object.assign(browser, {
    action: {
      setBadgeText: vi.fn(async ({ text }: { text: string }) => {
        badge.push(text);
      }),
      setBadgeBackgroundColor: vi.fn(async () => undefined),
    },
  });
});

async function answeredChange() {
  const pending = makeQuestion();
  await setWatched(db, { id: pending.id, question: pending, watched: true }, NOW, TODAY);
  const before = (await getWatches(db, [pending.id])).get(pending.id)!;
  const answered = makeQuestion({ answeredOn: '2024-05-28', answerText: 'Réponse.' });
  await updateWatch(db, pending.id, (r) => ({ ...r, question: answered, state: 'answered', seen: false }));
  return detectChange(before, answered, '2024-06-01')!;
}

describe('notifications and the toolbar badge', () => {
  it('announces a change with a notification and counts it on the badge', async () => {
    const change = await answeredChange();
    await announce(db, [change]);
    expect(await browser.notifications.getAll()).toEqual({
      [`vigie:q:${change.question.id}`]: expect.objectContaining({ title: `Réponse publiée — Question n° ${change.question.number}` }),
    });
    expect(badge).toEqual(['1']);
  });

  it('with notifications off, only the badge says it', async () => {
    await browser.storage.local.set({ [SETTINGS_KEY]: { notifications: false } });
    const change = await answeredChange();
    await announce(db, [change]);
    expect(await browser.notifications.getAll()).toEqual({});
    expect(badge).toEqual(['1']);
  });

  it('a click opens the question on the Assemblée’s site, marks it seen and clears the badge', async () => {
    const change = await answeredChange();
    await announce(db, [change]);
    await onNotificationClicked(db, `vigie:q:${change.question.id}`);
    const tabs = await browser.tabs.query({});
    expect(tabs.map((t) => t.url)).toContain(change.question.urls.an);
    expect((await getWatches(db, [change.question.id])).get(change.question.id)!.seen).toBe(true);
    expect(badge.at(-1)).toBe('');
    expect(await browser.notifications.getAll()).toEqual({});
  });

  it('refreshBadge shows nothing when every change has been seen', async () => {
    await refreshBadge(db);
    expect(badge).toEqual(['']);
  });
});
