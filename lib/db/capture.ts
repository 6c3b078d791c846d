/**
 * Recording what the open thread shows: each dated message between the user and a
 * tracked client becomes an `email-in` or `email-out` touchpoint, once. The message key
 * (provider, thread, message id or date+sender, client) names its client, and is unique
 * in that client's history, so seeing the same thread again, in any tab, records nothing
 * new. Each client's history is read once and written once per capture. Undated messages and
 * messages of unknown direction are skipped: a wrong date is worse than none.
 */
import { LIMITS, type ThreadSnapshot, type Touchpoint } from '../domain/model';
import { SAME_EMAIL_MS } from '../domain/thread';
import { ownAddressesOf } from '../domain/settings';
import { db } from './schema';
import { getSettings } from './settings';
import { recomputeClient } from './derived';
import { validateTouchpoint } from '../domain/touchpoints';
import { HistoryBatch } from './history-batch';

export interface CaptureResult {
  recorded: number;
  clientIds: number[];
  /** an outbound email was recorded as sent from the pending template */
  templateUsed?: boolean;
}

export interface CaptureOptions {
  /**
   * A template the user put into this thread's reply for a client: the first email sent to
   * that client at or after `since` is recorded with its id (the page shows minutes, so a
   * minute of slack); an email to anybody else is not.
   */
  template?: { templateId: number; clientId: number; since: number };
}

export function threadKeyOf(s: Pick<ThreadSnapshot, 'provider' | 'threadId' | 'subject'>): string {
  return `${s.provider}:${s.threadId ?? 'subject:' + s.subject.toLowerCase()}`.slice(0, LIMITS.key);
}

/**
 * Emails recorded from the message list (lib/db/list-capture.ts) carry a message key with
 * this prefix: when the thread is opened, its real message takes the place of such a record.
 */
export const LIST_KEY_PREFIX = 'list:';
export const isListRecord = (t: Pick<Touchpoint, 'messageKey'>) => t.messageKey?.startsWith(LIST_KEY_PREFIX) === true;

export async function captureThread(
  snapshot: ThreadSnapshot,
  now = Date.now(),
  opts: CaptureOptions = {},
): Promise<CaptureResult> {
  const threadKey = threadKeyOf(snapshot);
  return db.transaction('rw', db.clients, db.histories, db.historyParts, db.digests, db.settings, async () => {
    const settings = await getSettings();
    if (!settings.autoCapture) return { recorded: 0, clientIds: [] };
    const own = new Set(ownAddressesOf(settings));
    if (snapshot.self) own.add(snapshot.self.email);
    const emails = [...new Set(snapshot.participants.map((p) => p.email))].filter((e) => !own.has(e));
    if (emails.length === 0) return { recorded: 0, clientIds: [] };
    const clients = await db.clients.where('emails').anyOf(emails).toArray();
    const byEmail = new Map<string, number>();
    for (const c of clients) for (const e of c.emails) byEmail.set(e, c.id!);

    // a message is recorded once per client: its key is what tells it is already there
    const batch = new HistoryBatch((t) => (t.messageKey ? [t.messageKey] : []), now);
    await batch.load(byEmail.values());
    const touched = new Set<number>();
    let recorded = 0;
    let templateUsed = false;
    for (const m of snapshot.messages) {
      if (!m.sentAt || m.direction === 'unknown') continue;
      const at = Date.parse(m.sentAt);
      if (!Number.isFinite(at) || at > now + 60 * 60 * 1000) continue;
      const targets =
        m.direction === 'inbound'
          ? [byEmail.get(m.from.email)]
          : m.to.map((p) => byEmail.get(p.email));
      for (const clientId of new Set(targets)) {
        if (clientId === undefined) continue;
        const id = m.id ?? `${m.sentAt}|${m.from.email}`;
        const messageKey = `${threadKey}:${id}:${clientId}`.slice(0, 600);
        const fromTemplate =
          m.direction === 'outbound' &&
          opts.template !== undefined &&
          clientId === opts.template.clientId &&
          at >= opts.template.since - 60_000;
        const tp = validateTouchpoint(
          {
            clientId,
            kind: m.direction === 'inbound' ? 'email-in' : 'email-out',
            source: fromTemplate ? 'template' : 'detected',
            ...(fromTemplate ? { templateId: opts.template!.templateId } : {}),
            at,
            subject: snapshot.subject.slice(0, 500),
            threadKey,
            messageKey,
          },
          now,
        );
        if (batch.has(clientId, tp)) continue;
        // the same email seen in the message list before: the thread's record replaces it,
        // keeping the user's "no reply needed" (one email in the history, never two)
        const fromList = batch.take(
          clientId,
          (t) => isListRecord(t) && t.kind === tp.kind && Math.abs(t.at - tp.at) <= SAME_EMAIL_MS,
        );
        if (fromList?.noReplyNeeded && tp.kind === 'email-in') tp.noReplyNeeded = true;
        if (fromTemplate) templateUsed = true;
        batch.add(clientId, tp);
        touched.add(clientId);
        recorded++;
      }
    }
    for (const [id, stored] of await batch.writeAll()) await recomputeClient(id, settings, now, stored);
    return { recorded, clientIds: [...touched], templateUsed };
  });
}
