/**
 * Sending a message of the protocol (./protocol.ts) to the background, typed: the reply is
 * the reply type of the message sent. It imports only types, so the content scripts can
 * use it without carrying zod.
 *
 * A transport failure (no background listening, the extension reloaded under a page)
 * rejects, so a content script can tell that its extension is gone; `trySend` is for the
 * pages, where a background that does not answer is not worth an error.
 */
import type { Message, Reply } from './protocol';

export async function send<M extends Message>(message: M): Promise<Reply<M['type']>> {
  const reply = (await browser.runtime.sendMessage(message)) as Reply<M['type']> | undefined;
  return reply ?? { ok: false, error: 'no answer from the background' };
}

/** `send` that never rejects: a transport failure is an `{ ok: false }` reply. */
export async function trySend<M extends Message>(message: M): Promise<Reply<M['type']>> {
  try {
    return await send(message);
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
