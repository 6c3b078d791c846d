/**
 * The one message protocol between Touchbase's contexts (content scripts, background,
 * extension pages). Senders build messages with the types below and send them with
 * `send` (./send.ts), which returns the reply type of the message sent; the background runs
 * `parseMessage` (strict zod schemas with the model's size limits) and `isTrustedSender`
 * before acting, and an unknown or malformed message is refused with a reason, never
 * half-handled.
 *
 * Content scripts import only the *types* of this file (and ./send.ts, which imports only
 * types), so zod never ends up in the code that runs inside Gmail.
 */
import { z } from '../domain/zod';
import { LIMITS } from '../domain/model';
import { mailListSnapshotSchema, threadSnapshotSchema } from '../domain/model-schema';
import { providerOfHost } from '../mail/hosts';
import type { CaptureResult } from '../db/capture';

const diagnosticsSchema = z.array(z.string().max(LIMITS.diagnostic)).max(LIMITS.diagnostics);

const tabId = z.number().int().nonnegative();

/** Every message any context may send. */
export const messageSchema = z.discriminatedUnion('type', [
  /** content script -> background: the thread on screen changed (null: no thread open) */
  z.strictObject({
    type: z.literal('thread:snapshot'),
    snapshot: threadSnapshotSchema.nullable(),
    diagnostics: diagnosticsSchema,
  }),
  /** content script -> background: the visible message list changed (null: none visible) */
  z.strictObject({
    type: z.literal('list:snapshot'),
    list: mailListSnapshotSchema.nullable(),
    diagnostics: diagnosticsSchema,
  }),
  /** extension page -> background: record the open thread of a tab for its (now tracked) client */
  z.strictObject({ type: z.literal('thread:capture'), tabId }),
  /** extension page -> background: recount the badge now */
  z.strictObject({ type: z.literal('badge:refresh') }),
  /**
   * extension page -> background: a template was put into this tab's reply for this client;
   * the next email seen sent to that client from that tab is recorded as sent from it
   */
  z.strictObject({
    type: z.literal('template:used'), tabId, templateId: z.number().int().positive(), clientId: z.number().int().positive(),
  }),
  /** options page -> background: connect sync (the server's fields are checked again there) */
  z.strictObject({
    type: z.literal('sync:connect'),
    url: z.string().max(LIMITS.url),
    database: z.string().max(240),
    user: z.string().max(200),
    password: z.string().max(1000),
    passphrase: z.string().max(1000),
  }),
  /** options page -> background: sync everything now, and answer when done */
  z.strictObject({ type: z.literal('sync:now') }),
  /** options page -> background: stop syncing and forget the server */
  z.strictObject({ type: z.literal('sync:disconnect') }),
  /** extension page -> background: where sync stands */
  z.strictObject({ type: z.literal('sync:status') }),
  /** options page -> background: a new passphrase (the current one given to check) */
  z.strictObject({ type: z.literal('sync:passphrase'), current: z.string().max(1000), next: z.string().max(1000) }),
  /** options page -> background: the new passphrase after a change on another browser */
  z.strictObject({ type: z.literal('sync:unlock'), passphrase: z.string().max(1000) }),
]);

export type Message = z.infer<typeof messageSchema>;
export type MessageType = Message['type'];
export type MessageOf<T extends MessageType> = Extract<Message, { type: T }>;

/** Where sync stands (lib/sync/engine.ts), for the options page and the panel. */
export interface SyncStatus {
  state: 'off' | 'connecting' | 'syncing' | 'idle' | 'offline' | 'error';
  /** documents waiting to go into the local mirror */
  pending: number;
  lastSyncedAt?: number;
  /** the last error, in words */
  error?: string;
  /** the passphrase was changed on another browser: nothing moves until the new one is given */
  locked?: boolean;
  server?: string;
  database?: string;
  user?: string;
}

/** The data each message is answered with when it succeeds. */
export interface ReplyData {
  'thread:snapshot': null;
  'list:snapshot': null;
  'thread:capture': CaptureResult;
  /** the number on the badge */
  'badge:refresh': number;
  'template:used': null;
  'sync:connect': SyncStatus;
  'sync:now': SyncStatus;
  'sync:disconnect': SyncStatus;
  'sync:status': SyncStatus;
  'sync:passphrase': SyncStatus;
  'sync:unlock': SyncStatus;
}

/** The answer to a message: its data, or why it was refused (nothing was changed then). */
export type Reply<T extends MessageType = MessageType> = { ok: true; data: ReplyData[T] } | { ok: false; error: string };

export type ParseResult = { ok: true; message: Message } | { ok: false; error: string };

export function parseMessage(raw: unknown): ParseResult {
  const r = messageSchema.safeParse(raw);
  if (r.success) return { ok: true, message: r.data };
  const first = r.error.issues[0];
  const where = first?.path.length ? ` at ${first.path.join('.')}` : '';
  return { ok: false, error: `refused message: ${first?.message ?? 'invalid'}${where}` };
}

export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
}

/**
 * Only this extension's own content scripts (on a mail host of lib/mail/hosts.ts) and own
 * pages may talk to us. `extensionOrigin` is `chrome-extension://<id>` (or `moz-extension://<uuid>`).
 */
export function isTrustedSender(
  message: Message,
  sender: SenderInfo,
  ownId: string,
  extensionOrigin: string,
): boolean {
  if (sender.id !== ownId) return false;
  if (message.type === 'thread:snapshot' || message.type === 'list:snapshot') {
    const url = safeUrl(sender.url);
    return sender.tab?.id !== undefined && url?.protocol === 'https:' && url.port === '' && providerOfHost(url.hostname) !== undefined;
  }
  // everything else comes from our own pages only (URL.origin is "null" for extension
  // schemes outside the browser, so compare the prefix)
  const base = extensionOrigin.replace(/\/$/, '') + '/';
  return typeof sender.url === 'string' && sender.url.startsWith(base);
}

function safeUrl(url: string | undefined): URL | null {
  if (!url) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
