/**
 * The Today view's query: who needs the user now, in the order they need it.
 *   1. late replies (their email waited past the late threshold), the longest-waiting first;
 *   2. overdue clients, ranked by days overdue weighted by value (a key account or a big
 *      client two weeks late comes before a small prospect three weeks late);
 *   3. due soon, the soonest first;
 *   4. birthdays and other important dates in the next 7 days.
 * Sections 1-3 come from the due-date and waiting-reply indexes (only the rows in range
 * are read); snoozed clients are left out. Dates come from the `anniversaries` index
 * ("MM-DD" of each important date) for the eight days from today.
 */
import { differenceInCalendarDays } from 'date-fns';
import { lateReplyCutoff } from '../domain/response';
import { daysUntilAnniversary } from '../domain/templates/suggest';
import type { Client, ImportantDate, Settings } from './types';
import { db } from './schema';
import { getSettings } from './settings';
import { anniversaryKey } from './clients';

export interface TodayEntry {
  client: Client;
  /** late: hours waited; overdue: days overdue; due-soon: days until due; date: days until */
  amount: number;
  date?: ImportantDate;
}

export interface TodayList {
  lateReplies: TodayEntry[];
  overdue: TodayEntry[];
  dueSoon: TodayEntry[];
  dates: TodayEntry[];
}

/** "MM-DD" of today and the next 7 days */
function weekKeys(now: number): string[] {
  return Array.from({ length: 8 }, (_, i) => {
    const d = new Date(now);
    d.setDate(d.getDate() + i);
    return anniversaryKey(d.getMonth() + 1, d.getDate());
  });
}

const isSnoozed = (c: Client, now: number) => c.snoozedUntil !== undefined && c.snoozedUntil > now;

/** Value weight for ranking overdue clients: 1 for nothing sold, growing slowly with value. */
function weight(c: Client): number {
  return (c.keyAccount ? 2 : 1) * (1 + Math.log10(1 + Math.max(0, c.lifetimeValue) / 1000));
}

export async function listToday(now = Date.now(), settings?: Settings): Promise<TodayList> {
  return db.transaction('r', db.clients, db.settings, async () => {
    const s = settings ?? (await getSettings());
    const cutoff = lateReplyCutoff(now, s);
    const dueSoonLimit = now + (s.dueSoonDays + 1) * 86_400_000;
    const [late, pastDue, soon, withDates] = await Promise.all([
      db.clients.where('awaitingReplySince').below(cutoff).toArray(),
      db.clients.where('nextDueAt').below(now).toArray(),
      db.clients.where('nextDueAt').between(now, dueSoonLimit, true, true).toArray(),
      db.clients.where('anniversaries').anyOf(weekKeys(now)).distinct().toArray(),
    ]);
    const lateIds = new Set(late.map((c) => c.id));
    const lateReplies = late
      .filter((c) => !isSnoozed(c, now))
      .map((client) => ({ client, amount: Math.floor((now - client.awaitingReplySince!) / 3_600_000) }))
      .sort((a, b) => b.amount - a.amount);
    const overdue = pastDue
      .filter((c) => !isSnoozed(c, now) && !lateIds.has(c.id))
      .map((client) => ({ client, amount: Math.max(1, differenceInCalendarDays(now, client.nextDueAt!)) }))
      .sort((a, b) => b.amount * weight(b.client) - a.amount * weight(a.client) || b.client.lifetimeValue - a.client.lifetimeValue);
    const dueSoon = soon
      .filter((c) => !isSnoozed(c, now) && !lateIds.has(c.id))
      .map((client) => ({ client, amount: differenceInCalendarDays(client.nextDueAt!, now) }))
      .filter((e) => e.amount <= s.dueSoonDays)
      .sort((a, b) => a.client.nextDueAt! - b.client.nextDueAt!);
    const dates: TodayEntry[] = [];
    for (const client of withDates) {
      for (const d of client.importantDates) {
        const days = daysUntilAnniversary(d.month, d.day, now);
        if (days <= 7) dates.push({ client, amount: days, date: d });
      }
    }
    dates.sort((a, b) => a.amount - b.amount);
    return { lateReplies, overdue, dueSoon, dates };
  });
}
