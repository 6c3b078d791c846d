/**
 * The background's message handler. Every message is parsed against the protocol and its
 * sender checked before anything happens; a refused message gets `{ ok: false, error }`
 * and changes nothing.
 */
import { parseMessage, isTrustedSender, type Message, type SenderInfo } from '../messages';
import { captureThread } from '../db/capture';
import { getSettings, learnOwnAddresses } from '../db/settings';
import { loadTabThread, saveTabThread } from '../tab-threads';
import type { ThreadSnapshot } from '../mail/types';
import { refreshBadge } from './badge';

export type Reply = { ok: true; data?: unknown } | { ok: false; error: string };

export interface RouterContext {
  ownId: string;
  extensionOrigin: string;
  now?: () => number;
}

export async function handleMessage(raw: unknown, sender: SenderInfo, ctx: RouterContext): Promise<Reply> {
  const parsed = parseMessage(raw);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const msg = parsed.message;
  if (!isTrustedSender(msg, sender, ctx.ownId, ctx.extensionOrigin)) {
    return { ok: false, error: `refused message "${msg.type}" from an untrusted sender` };
  }
  const now = ctx.now?.() ?? Date.now();
  try {
    return await dispatch(msg, sender, now);
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

async function dispatch(msg: Message, sender: SenderInfo, now: number): Promise<Reply> {
  switch (msg.type) {
    case 'thread:snapshot': {
      const tabId = sender.tab!.id!;
      await saveTabThread({
        tabId,
        snapshot: msg.snapshot,
        diagnostics: msg.diagnostics,
        url: sender.tab?.url ?? sender.url,
        receivedAt: now,
      });
      if (msg.snapshot?.self) await learnOwnAddresses([msg.snapshot.self.email]);
      if (msg.snapshot && (await getSettings()).autoCapture) {
        const r = await captureWithTemplate(tabId, msg.snapshot, now);
        if (r.recorded) await refreshBadge();
      }
      return { ok: true };
    }
    case 'thread:get':
      return { ok: true, data: await loadTabThread(msg.tabId) };
    case 'thread:capture': {
      const t = await loadTabThread(msg.tabId);
      if (!t?.snapshot) return { ok: true, data: { recorded: 0, clientIds: [] } };
      const r = await captureWithTemplate(msg.tabId, t.snapshot, now);
      await refreshBadge();
      return { ok: true, data: r };
    }
    case 'template:used':
      await browser.storage.session.set({ [pendingKey(msg.tabId)]: { templateId: msg.templateId, since: now } });
      return { ok: true };
    case 'badge:refresh':
      return { ok: true, data: await refreshBadge() };
  }
}

const pendingKey = (tabId: number) => `pendingTemplate:${tabId}`;
/** a template inserted but never sent is forgotten after a day */
const PENDING_TTL = 24 * 3_600_000;

/** Captures the thread, crediting the first email sent after a template was used to it. */
async function captureWithTemplate(tabId: number, snapshot: ThreadSnapshot, now: number) {
  const key = pendingKey(tabId);
  const got = (await browser.storage.session.get(key))[key] as { templateId: number; since: number } | undefined;
  const template = got && now - got.since < PENDING_TTL ? got : undefined;
  const r = await captureThread(snapshot, now, { template });
  if (got && (r.templateUsed || !template)) await browser.storage.session.remove(key);
  return r;
}
