/**
 * The page's side of follows: whether the people and the ministries the overlays show are
 * followed, the deputies' records, and the actions (follow a person or a ministry, read a record),
 * each one request to the background. Wired by start-overlays.ts into the overlays' state.
 */
import { deputyKey, type DeputyIdentity } from '../follows/identity';
import { MAX_IDENTITIES } from '../follows/limits';
import { type DeputyState } from '../follows/messages';
import { ministryKey, type MinistryTarget } from '../follows/ministry';
import { type Requester } from '../messages';
import { type FollowOverlayState, type FollowTargets } from './overlays';

export interface FollowStates {
  /** What the overlays show; undefined until the background has answered once. */
  state(): FollowOverlayState | undefined;
  /** The background could not be asked, and has never answered. */
  unavailable(): boolean;
  /** Asks again whether the targets are followed; the caller publishes (with the watches). */
  refresh(targets: FollowTargets): Promise<void>;
}

export function followStates(request: Requester, signal: AbortSignal, publish: () => void): FollowStates {
  let states: Map<string, DeputyState> | undefined;
  let failedToAsk = false;
  const ministries = new Map<string, boolean>();
  const busy = new Set<string>();
  const failed = new Set<string>();
  const sweeping = new Set<string>();
  const sweepFailed = new Set<string>();
  const changed = () => {
    if (!signal.aborted) publish();
  };

  /** One toggle at a time per key: busy while asked, failed when the background said nothing. */
  async function asking(key: string, ask: () => Promise<void>) {
    busy.add(key);
    failed.delete(key);
    changed();
    try {
      await ask();
    } catch {
      failed.add(key);
    } finally {
      busy.delete(key);
      changed();
    }
  }

  const toggle = (identity: DeputyIdentity, follow: boolean) =>
    asking(deputyKey(identity), async () => {
      const reply = await request({ type: 'follow.deputy', identity, follow });
      states ??= new Map();
      states.set(deputyKey(identity), { ...states.get(deputyKey(identity)), followed: reply.followed });
    });

  const toggleMinistry = (target: MinistryTarget, follow: boolean) =>
    asking(ministryKey(target), async () => {
      const reply = await request({ type: 'follow.ministry', target, follow });
      states ??= new Map();
      ministries.set(ministryKey(target), reply.followed);
    });

  async function askRecord(identity: DeputyIdentity) {
    const key = deputyKey(identity);
    sweeping.add(key);
    sweepFailed.delete(key);
    changed();
    try {
      const reply = await request({ type: 'deputy.record', identity });
      states ??= new Map();
      if (reply.record) states.set(key, { followed: states.get(key)?.followed ?? false, record: reply.record });
      if (reply.failed) sweepFailed.add(key);
    } catch {
      sweepFailed.add(key);
    } finally {
      sweeping.delete(key);
      changed();
    }
  }

  const view: FollowOverlayState = {
    get states() {
      return states ?? new Map();
    },
    ministries,
    busy,
    failed,
    sweeping,
    sweepFailed,
    toggle: (identity, follow) => void toggle(identity, follow),
    toggleMinistry: (target, follow) => void toggleMinistry(target, follow),
    askRecord: (identity) => void askRecord(identity),
  };

  return {
    state: () => (states ? view : undefined),
    unavailable: () => failedToAsk && !states,
    async refresh({ identities, ministries: titles }) {
      const unique = [...new Map(identities.map((identity) => [deputyKey(identity), identity])).values()].slice(0, MAX_IDENTITIES);
      const uniqueTitles = [...new Map(titles.map((target) => [ministryKey(target), target])).values()].slice(0, MAX_IDENTITIES);
      if ((!unique.length && !uniqueTitles.length) || signal.aborted) return;
      try {
        const reply = await request({
          type: 'follow.states',
          identities: unique,
          ...(uniqueTitles.length ? { ministries: uniqueTitles } : {}),
        });
        states = new Map([...(states ?? []), ...Object.entries(reply.states)]);
        for (const [key, followed] of Object.entries(reply.ministries ?? {})) ministries.set(key, followed);
        failedToAsk = false;
      } catch {
        failedToAsk = true;
        // No background: the overlays stand without the follow buttons.
      }
    },
  };
}
