/**
 * The background's message handler. Every message is parsed against the protocol and its
 * sender checked before anything happens; a refused message gets `{ ok: false, error }`
 * and changes nothing.
 */
import {
  parseMessage, isTrustedSender, type Message, type MessageType, type Reply, type SenderInfo,
} from '../messages/protocol';
import type { SyncEngine } from '../sync/engine';
import {
  forgetPendingTemplate, loadPendingTemplate, loadTabThread, savePendingTemplate, saveTabThread,
} from '../messages/session';
import { captureThread, type CaptureResult } from '../db/capture';
import { captureList } from '../db/list-capture';
import { getSettings, learnOwnAddresses } from '../db/settings';
import type { ThreadSnapshot } from '../domain/model';
import { refreshBadge } from './badge';

/** What the router asks of sync. */
export type SyncControl = Pick<SyncEngine, 'connect' | 'syncNow' | 'disconnect' | 'status' | 'changePassphrase' | 'unlock'>;

export interface RouterContext {
  ownId: string;
  extensionOrigin: string;
  now?: () => number;
  sync?: SyncControl;
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
    return await dispatch(msg, sender, now, ctx);
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

const ok = <T extends MessageType>(data: Extract<Reply<T>, { ok: true }>['data']): Reply<T> => ({ ok: true, data });

async function dispatch(msg: Message, sender: SenderInfo, now: number, ctx: RouterContext): Promise<Reply> {
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
      return ok<'thread:snapshot'>(null);
    }
    case 'list:snapshot': {
      if (msg.list && msg.list.rows.length && (await getSettings()).autoCapture) {
        const r = await captureList(msg.list, now);
        if (r.recorded) await refreshBadge();
      }
      return ok<'list:snapshot'>(null);
    }
    case 'thread:capture': {
      const t = await loadTabThread(msg.tabId);
      if (!t?.snapshot) return ok<'thread:capture'>({ recorded: 0, clientIds: [] });
      const r = await captureWithTemplate(msg.tabId, t.snapshot, now);
      await refreshBadge();
      return ok<'thread:capture'>(r);
    }
    case 'template:used':
      await savePendingTemplate(msg.tabId, { templateId: msg.templateId, clientId: msg.clientId, since: now });
      return ok<'template:used'>(null);
    case 'badge:refresh':
      return ok<'badge:refresh'>(await refreshBadge());
    case 'sync:connect': {
      const { type: _t, passphrase, ...config } = msg;
      return ok<'sync:connect'>(await syncOf(ctx).connect(config, passphrase));
    }
    case 'sync:now':
      return ok<'sync:now'>(await syncOf(ctx).syncNow());
    case 'sync:disconnect':
      return ok<'sync:disconnect'>(await syncOf(ctx).disconnect());
    case 'sync:status':
      return ok<'sync:status'>(syncOf(ctx).status());
    case 'sync:passphrase':
      return ok<'sync:passphrase'>(await syncOf(ctx).changePassphrase(msg.current, msg.next));
    case 'sync:unlock':
      return ok<'sync:unlock'>(await syncOf(ctx).unlock(msg.passphrase));
  }
}

function syncOf(ctx: RouterContext): SyncControl {
  if (!ctx.sync) throw new Error('Sync is not available in this browser.');
  return ctx.sync;
}

/** a template inserted but never sent is forgotten after a day */
const PENDING_TTL = 24 * 3_600_000;

/** Captures the thread, crediting the first email sent after a template was used to it. */
async function captureWithTemplate(tabId: number, snapshot: ThreadSnapshot, now: number): Promise<CaptureResult> {
  const pending = await loadPendingTemplate(tabId);
  const template = pending && now - pending.since < PENDING_TTL ? pending : undefined;
  const r = await captureThread(snapshot, now, { template });
  if (pending && (r.templateUsed || !template)) await forgetPendingTemplate(tabId);
  return r;
}
