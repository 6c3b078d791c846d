/**
 * Who needs the user now, answered from indexes only: the keys of clients whose due date
 * has passed, plus those whose waiting email is older than the late threshold, minus the
 * snoozed ones. No client record is read to count them, so the badge stays cheap at
 * any size.
 */
import { lateReplyCutoff } from '../domain/response';
import type { Client, Settings } from './types';
import { db } from './schema';
import { getSettings } from './settings';

export async function overdueClientIds(now = Date.now(), settings?: Settings): Promise<number[]> {
  return db.transaction('r', db.clients, db.settings, async () => {
    const s = settings ?? (await getSettings());
    const [due, late, snoozed] = await Promise.all([
      db.clients.where('nextDueAt').below(now).primaryKeys(),
      db.clients.where('awaitingReplySince').below(lateReplyCutoff(now, s)).primaryKeys(),
      db.clients.where('snoozedUntil').above(now).primaryKeys(),
    ]);
    const sleeping = new Set(snoozed);
    return [...new Set([...due, ...late])].filter((id) => !sleeping.has(id));
  });
}

export async function countOverdue(now = Date.now(), settings?: Settings): Promise<number> {
  return (await overdueClientIds(now, settings)).length;
}

/** Overdue clients, the longest-waiting first. */
export async function listOverdue(now = Date.now(), settings?: Settings): Promise<Client[]> {
  const ids = await overdueClientIds(now, settings);
  const clients = (await db.clients.bulkGet(ids)).filter((c): c is Client => !!c);
  const urgency = (c: Client) => Math.min(c.nextDueAt ?? Infinity, (c.awaitingReplySince ?? Infinity) + 0);
  return clients.sort((a, b) => urgency(a) - urgency(b));
}
