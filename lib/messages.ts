/**
 * The one message protocol between Touchbase's contexts (content scripts, background,
 * extension pages). Senders build messages with the types below; every receiver runs
 * `parseMessage` (strict zod schemas with size limits) and `isTrustedSender` before acting,
 * and an unknown or malformed message is refused with a reason, never half-handled.
 *
 * Content scripts import only the *types* of this file (`import type`), so zod never ends
 * up in the code that runs inside Gmail.
 */
import { z } from 'zod';
import type { ThreadSnapshot } from './mail/types';

export const LIMITS = {
  email: 254,
  name: 200,
  subject: 500,
  id: 200,
  participants: 100,
  messages: 500,
  diagnostics: 20,
  diagnostic: 200,
  url: 2048,
} as const;

const emailSchema = z
  .string()
  .max(LIMITS.email)
  .regex(/^[^\s@<>"',;:()\[\]\\]+@[^\s@<>"',;:()\[\]\\]+\.[^\s@<>"',;:()\[\]\\]+$/, 'not an email address')
  .refine((s) => s === s.toLowerCase(), 'address must be lower-case');

const personSchema = z.strictObject({
  email: emailSchema,
  name: z.string().max(LIMITS.name).optional(),
});

const isoDate = z
  .string()
  .max(40)
  .refine((s) => !Number.isNaN(Date.parse(s)), 'not a date');

export const threadSnapshotSchema = z.strictObject({
  provider: z.enum(['gmail', 'outlook']),
  threadId: z.string().max(LIMITS.id).optional(),
  subject: z.string().max(LIMITS.subject),
  self: personSchema.optional(),
  correspondent: personSchema.optional(),
  participants: z.array(personSchema).max(LIMITS.participants),
  messages: z
    .array(
      z.strictObject({
        id: z.string().max(LIMITS.id).optional(),
        from: personSchema,
        to: z.array(personSchema).max(LIMITS.participants),
        sentAt: isoDate.optional(),
        direction: z.enum(['inbound', 'outbound', 'unknown']),
      }),
    )
    .max(LIMITS.messages),
}) satisfies z.ZodType<ThreadSnapshot>;

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
  /** extension page -> background: the snapshot it holds for a tab */
  z.strictObject({ type: z.literal('thread:get'), tabId }),
  /** extension page -> background: record the open thread of a tab for its (now tracked) client */
  z.strictObject({ type: z.literal('thread:capture'), tabId }),
  /** extension page -> background: recount the badge now */
  z.strictObject({ type: z.literal('badge:refresh') }),
  /**
   * extension page -> background: a template was put into this tab's reply; the next
   * outbound email seen in that thread is recorded as sent from it
   */
  z.strictObject({ type: z.literal('template:used'), tabId, templateId: z.number().int().positive() }),
]);

export type Message = z.infer<typeof messageSchema>;
export type MessageOf<T extends Message['type']> = Extract<Message, { type: T }>;

/** What the background keeps per tab and answers `thread:get` with. */
export interface TabThread {
  tabId: number;
  snapshot: ThreadSnapshot | null;
  diagnostics: string[];
  url?: string;
  receivedAt: number;
}

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

/** The hosts our content scripts run on; a tab message from anywhere else is refused. */
export const MAIL_ORIGINS = [
  'https://mail.google.com',
  'https://outlook.live.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook.cloud.microsoft',
];

/**
 * Only this extension's own content scripts (on a mail host) and own pages may talk to us.
 * `extensionOrigin` is `chrome-extension://<id>` (or `moz-extension://<uuid>`).
 */
export function isTrustedSender(
  message: Message,
  sender: SenderInfo,
  ownId: string,
  extensionOrigin: string,
): boolean {
  if (sender.id !== ownId) return false;
  const origin = safeOrigin(sender.url);
  if (message.type === 'thread:snapshot') {
    return sender.tab?.id !== undefined && origin !== null && MAIL_ORIGINS.includes(origin);
  }
  // everything else comes from our own pages only (URL.origin is "null" for extension
  // schemes outside the browser, so compare the prefix)
  const base = extensionOrigin.replace(/\/$/, '') + '/';
  return typeof sender.url === 'string' && sender.url.startsWith(base);
}

function safeOrigin(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
