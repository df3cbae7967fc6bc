/** Asking the background, from a content script or an extension page. */
import { browser } from 'wxt/browser';
import { parseResponse, requestSchemas, type AnyRequest, type Requester } from '../messages';

export const request: Requester = async <M extends AnyRequest>(message: M) => {
  const outgoing = requestSchemas[message.type].parse(message);
  return parseResponse<M['type']>(message.type, await browser.runtime.sendMessage(outgoing));
};
