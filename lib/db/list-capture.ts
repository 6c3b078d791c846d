/**
 * Recording what the message list shows, for tracked clients only (a list never creates a
 * client). The list is where a client's email sits when the user has not opened it, the
 * one most likely to be forgotten, so:
 *   - an UNREAD row whose latest sender is a client is an email from them at the row's
 *     date: recorded once (`email-in`, with the row's subject), so it waits, turns due and
 *     late, counts on the badge and sits in Today like any other;
 *   - a row whose latest sender is the user answers it: an `email-out` is recorded for each
 *     client of the row that has an email waiting in that same conversation.
 * Nothing is recorded twice: a row whose email the history already holds (from the thread,
 * or an earlier list) within a couple of minutes adds nothing, and when the thread is opened
 * its real message takes the list record's place (lib/db/capture.ts). Rows without a
 * readable full date are skipped: a wrong date is worse than none.
 */
import type { MailListSnapshot } from '../domain/model';
import { SAME_EMAIL_MS } from '../domain/thread';
import { ownAddressesOf } from '../domain/settings';
import { validateTouchpoint } from '../domain/touchpoints';
import { db } from './schema';
import { getSettings } from './settings';
import { recomputeClient } from './derived';
import { HistoryBatch } from './history-batch';
import { LIST_KEY_PREFIX, threadKeyOf, type CaptureResult } from './capture';
import { unansweredEmails } from './triage';

export async function captureList(list: MailListSnapshot, now = Date.now()): Promise<CaptureResult> {
  return db.transaction('rw', db.clients, db.histories, db.historyParts, db.digests, db.settings, async () => {
    const settings = await getSettings();
    if (!settings.autoCapture) return { recorded: 0, clientIds: [] };
    const own = new Set(ownAddressesOf(settings));
    const emails = new Set<string>();
    for (const r of list.rows) for (const p of [...r.participants, ...(r.latestFrom ? [r.latestFrom] : [])]) emails.add(p.email);
    const clients = await db.clients.where('emails').anyOf([...emails].filter((e) => !own.has(e))).toArray();
    if (clients.length === 0) return { recorded: 0, clientIds: [] };
    const byEmail = new Map<string, number>();
    for (const c of clients) for (const e of c.emails) byEmail.set(e, c.id!);

    const batch = new HistoryBatch((t) => (t.messageKey ? [t.messageKey] : []), now);
    await batch.load(byEmail.values());
    const touched = new Set<number>();
    let recorded = 0;
    const near = (at: number) => (t: { at: number }) => Math.abs(t.at - at) <= SAME_EMAIL_MS;
    for (const row of list.rows) {
      const from = row.latestFrom?.email;
      const at = row.latestAt ? Date.parse(row.latestAt) : NaN;
      if (!from || !Number.isFinite(at) || at > now + 3_600_000) continue;
      const threadKey = threadKeyOf({ provider: list.provider, threadId: row.threadId, subject: row.subject });
      const record = (clientId: number, kind: 'email-in' | 'email-out') => {
        const tp = validateTouchpoint(
          {
            clientId, kind, source: 'detected', at, threadKey,
            ...(row.subject ? { subject: row.subject } : {}),
            messageKey: `${LIST_KEY_PREFIX}${threadKey}:${row.latestAt}:${kind}:${clientId}`.slice(0, 600),
          },
          now,
        );
        if (batch.has(clientId, tp)) return;
        batch.add(clientId, tp);
        touched.add(clientId);
        recorded++;
      };
      if (own.has(from)) {
        for (const p of row.participants) {
          const clientId = byEmail.get(p.email);
          if (clientId === undefined || own.has(p.email)) continue;
          const items = batch.items(clientId);
          const waitingHere = unansweredEmails([...items]).some((t) => t.threadKey === threadKey && t.at <= at);
          const answeredThen = items.some((t) => t.kind === 'email-out' && near(at)(t));
          if (waitingHere && !answeredThen) record(clientId, 'email-out');
        }
      } else if (row.unread) {
        const clientId = byEmail.get(from);
        if (clientId === undefined) continue;
        const items = batch.items(clientId);
        if (items.some((t) => t.kind === 'email-in' && near(at)(t))) continue;
        record(clientId, 'email-in');
      }
    }
    for (const [id, stored] of await batch.writeAll()) await recomputeClient(id, settings, now, stored);
    return { recorded, clientIds: [...touched] };
  });
}
