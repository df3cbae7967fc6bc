/**
 * Asking the background, from a content script or an extension page. The background validates
 * every request on arrival and every result before it answers (lib/messages.ts `route`); this side
 * checks the envelope and trusts the extension's own reply, so that no page loads the schemas.
 */
import { type AnyRequest, type Envelope, type Requester, type ResponseOf } from '../messages';
import { extension } from './extension';

function isEnvelope(reply: unknown): reply is Envelope {
  if (!reply || typeof reply !== 'object') return false;
  const { ok, error } = reply as { ok?: unknown; error?: unknown };
  return ok === true || (ok === false && typeof error === 'string');
}

export const request: Requester = async <M extends AnyRequest>(message: M) => {
  const reply: unknown = await extension.runtime.sendMessage(message);
  if (!isEnvelope(reply)) throw new Error(`Invalid reply to ${message.type}`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.result as ResponseOf<M['type']>;
};
