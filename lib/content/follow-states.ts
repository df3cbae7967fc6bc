/**
 * The page's side of follows: whether the deputies the overlays show are followed, their records,
 * and the two actions (follow, read the record), each one request to the background. Wired by
 * start-overlays.ts into the overlays' state.
 */
import { deputyKey, type DeputyIdentity } from '../follows/identity';
import { MAX_IDENTITIES } from '../follows/limits';
import { type DeputyState } from '../follows/messages';
import { type Requester } from '../messages';
import { type FollowOverlayState } from './overlays';

export interface FollowStates {
  /** What the overlays show; undefined until the background has answered once. */
  state(): FollowOverlayState | undefined;
  refresh(identities: readonly DeputyIdentity[]): Promise<void>;
}

export function followStates(request: Requester, signal: AbortSignal, publish: () => void): FollowStates {
  let states: Map<string, DeputyState> | undefined;
  const busy = new Set<string>();
  const failed = new Set<string>();
  const sweeping = new Set<string>();
  const sweepFailed = new Set<string>();
  const changed = () => {
    if (!signal.aborted) publish();
  };

  async function toggle(identity: DeputyIdentity, follow: boolean) {
    const key = deputyKey(identity);
    busy.add(key);
    failed.delete(key);
    changed();
    try {
      const reply = await request({ type: 'follow.deputy', identity, follow });
      states ??= new Map();
      states.set(key, { ...states.get(key), followed: reply.followed });
    } catch {
      failed.add(key);
    } finally {
      busy.delete(key);
      changed();
    }
  }

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
    busy,
    failed,
    sweeping,
    sweepFailed,
    toggle: (identity, follow) => void toggle(identity, follow),
    askRecord: (identity) => void askRecord(identity),
  };

  return {
    state: () => (states ? view : undefined),
    async refresh(identities) {
      const unique = [...new Map(identities.map((identity) => [deputyKey(identity), identity])).values()].slice(0, MAX_IDENTITIES);
      if (!unique.length || signal.aborted) return;
      try {
        const reply = await request({ type: 'follow.states', identities: unique });
        states = new Map([...(states ?? []), ...Object.entries(reply.states)]);
        changed();
      } catch {
        // No background: the overlays stand without the follow button.
      }
    },
  };
}
