/**
 * The content script's only incoming message: text from our own side panel to put into
 * the open reply box. The sender is checked (this extension, and not a tab: content
 * scripts of other pages cannot send it) and the message validated by hand, with no zod
 * in the page; anything else is refused with a reason and changes nothing.
 */
import { insertIntoReply, parseComposeInsert, type InsertResult } from './compose';
import type { MailProvider } from './types';

type Reply = InsertResult | { ok: false; error: 'refused' };

interface RuntimeLike {
  id: string;
  onMessage: {
    addListener(cb: (msg: unknown, sender: { id?: string; tab?: unknown }) => Promise<Reply> | undefined): void;
    removeListener(cb: (msg: unknown, sender: { id?: string; tab?: unknown }) => Promise<Reply> | undefined): void;
  };
}

export function listenForCompose(runtime: RuntimeLike, provider: MailProvider, doc: Document, signal: AbortSignal): void {
  const listener = (raw: unknown, sender: { id?: string; tab?: unknown }): Promise<Reply> | undefined => {
    const msg = parseComposeInsert(raw);
    if (!msg) return undefined; // not ours to answer
    if (sender.id !== runtime.id || sender.tab !== undefined) return Promise.resolve({ ok: false, error: 'refused' });
    try {
      return Promise.resolve(insertIntoReply(doc, provider, msg.text));
    } catch {
      return Promise.resolve({ ok: false, error: 'no-reply-box' });
    }
  };
  runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => runtime.onMessage.removeListener(listener));
}
