/**
 * The Today view's query: who needs the user now, in the order they need it.
 *   1. late replies (their email waited past the late threshold, in working hours:
 *      lateReplyCutoff), the longest-waiting first;
 *   2. overdue clients, ranked by days overdue weighted by value (a key account or a big
 *      client two weeks late comes before a small prospect three weeks late);
 *   3. due soon, the soonest first;
 *   4. dormant: customers and clients with no sale for the dormant time (12 months), the
 *      most recently dormant first, to revive, mark former or snooze the flag (they leave
 *      the overdue and due-soon sections: reviving is what they need);
 *   5. birthdays and other important dates in the next 7 days.
 * Sections 1-4 come from the due-date, waiting-reply and `dormantAt` indexes (only the rows
 * in range are read); snoozed clients are left out. Dates come from the `anniversaries`
 * index ("MM-DD" of each important date) for the eight days from today; a 29 February is
 * looked for on the 28th in a year without one.
 *
 * The view shows the first rows of each section until asked for all. Late replies are
 * the longest section in a busy mailbox and already in index order (longest waiting
 * first), so with a `limit` only their first rows are read and their total is an index
 * count. Overdue is ranked by days and value, which no index holds, and due soon must
 * leave out the late replies, so their records in range are read (Chromium reads an index
 * entry and its record at nearly the same cost, so keys alone would save little).
 */
import { addDays, addMonths, differenceInCalendarDays, startOfDay } from 'date-fns';
import { lateReplyCutoff } from '../domain/response';
import { daysUntilAnniversary } from '../domain/templates/suggest';
import type { Client, ImportantDate, Settings } from '../domain/model';
import { db } from './schema';
import { getSettings } from './settings';
import { anniversaryKey } from '../domain/clients';

export interface TodayEntry {
  client: Client;
  /** late: clock hours waited; overdue: days overdue; due-soon: days until due; dormant: months since the last sale; date: days until */
  amount: number;
  date?: ImportantDate;
}

export interface TodayList {
  lateReplies: TodayEntry[];
  overdue: TodayEntry[];
  dueSoon: TodayEntry[];
  dormant: TodayEntry[];
  dates: TodayEntry[];
  /** how many each section holds in all (more than its entries when a limit applied) */
  totals: { lateReplies: number; overdue: number; dueSoon: number; dormant: number; dates: number };
}

/** Whole months from `from` to `to` (date-fns' differenceInMonths, without its weight in the panel). */
export function wholeMonths(from: number, to: number): number {
  const a = new Date(from);
  const b = new Date(to);
  let m = (b.getFullYear() - a.getFullYear()) * 12 + b.getMonth() - a.getMonth();
  if (m > 0 && addMonths(a, m).getTime() > to) m--;
  return Math.max(0, m);
}

const isLeapYear = (y: number) => new Date(y, 1, 29).getDate() === 29;

/** "MM-DD" of today and the next 7 days; a 28 February of a year without a 29th stands for both */
export function weekKeys(now: number): string[] {
  return Array.from({ length: 8 }, (_, i) => {
    const d = new Date(now);
    d.setDate(d.getDate() + i);
    const key = anniversaryKey(d.getMonth() + 1, d.getDate());
    return key === '02-28' && !isLeapYear(d.getFullYear()) ? [key, '02-29'] : [key];
  }).flat();
}

const isSnoozed = (c: Client, now: number) => c.snoozedUntil !== undefined && c.snoozedUntil > now;

/** Value weight for ranking overdue clients: 1 for nothing sold, growing slowly with value. */
function weight(c: Client): number {
  return (c.keyAccount ? 2 : 1) * (1 + Math.log10(1 + Math.max(0, c.lifetimeValue) / 1000));
}

export async function listToday(now = Date.now(), settings?: Settings, limit = Infinity): Promise<TodayList> {
  return db.transaction('r', db.clients, db.settings, async () => {
    const s = settings ?? (await getSettings());
    const cutoff = lateReplyCutoff(now, s);
    // due soon = due on one of the next `dueSoonDays` calendar days (today included)
    const soonEnd = startOfDay(addDays(now, s.dueSoonDays + 1)).getTime();
    const lateRange = () => db.clients.where('awaitingReplySince').below(cutoff);
    const dormantRange = () => db.clients.where('dormantAt').below(now);
    const [sleeping, lateCount, dormantCount, pastDue, soon, withDates] = await Promise.all([
      db.clients.where('snoozedUntil').above(now).toArray(),
      lateRange().count(),
      dormantRange().count(),
      db.clients.where('nextDueAt').below(now).toArray(),
      db.clients.where('nextDueAt').between(now, soonEnd, true, false).toArray(),
      db.clients.where('anniversaries').anyOf(weekKeys(now)).distinct().toArray(),
    ]);
    // a late reply is listed once, as a late reply, whatever its due date
    const isLate = (c: Client) => c.awaitingReplySince !== undefined && c.awaitingReplySince < cutoff;
    const snoozed = new Set(sleeping.map((c) => c.id));
    const awake = (c: Client) => !snoozed.has(c.id);
    // the first rows in index order (longest waiting first), skipping the snoozed ones
    const snoozedLate = sleeping.filter(isLate).length;
    const late = (await (Number.isFinite(limit) ? lateRange().limit(limit + snoozedLate) : lateRange()).toArray())
      .filter(awake)
      .slice(0, limit);
    const lateReplies = late.map((client) => ({ client, amount: Math.floor((now - client.awaitingReplySince!) / 3_600_000) }));
    // the most recently dormant first: the likeliest to come back
    const isDormant = (c: Client) => c.dormantAt !== undefined && c.dormantAt < now;
    const snoozedDormant = sleeping.filter(isDormant).length;
    const dormantRead = dormantRange().reverse();
    const dormant = (await (Number.isFinite(limit) ? dormantRead.limit(limit + snoozedDormant) : dormantRead).toArray())
      .filter(awake)
      .slice(0, limit)
      .map((client) => ({ client, amount: wholeMonths(client.lastSaleAt ?? client.dormantAt!, now) }));
    const overdue = pastDue
      .filter((c) => awake(c) && !isLate(c) && !isDormant(c))
      .map((client) => ({ client, amount: Math.max(1, differenceInCalendarDays(now, client.nextDueAt!)) }))
      .sort((a, b) => b.amount * weight(b.client) - a.amount * weight(a.client) || b.client.lifetimeValue - a.client.lifetimeValue);
    const dueSoon = soon
      .filter((c) => awake(c) && !isLate(c) && !isDormant(c))
      .map((client) => ({ client, amount: differenceInCalendarDays(client.nextDueAt!, now) }));
    const dates: TodayEntry[] = [];
    for (const client of withDates) {
      for (const d of client.importantDates) {
        const days = daysUntilAnniversary(d.month, d.day, now);
        if (days <= 7) dates.push({ client, amount: days, date: d });
      }
    }
    dates.sort((a, b) => a.amount - b.amount);
    return {
      lateReplies,
      overdue: overdue.slice(0, limit),
      dueSoon: dueSoon.slice(0, limit),
      dormant,
      dates: dates.slice(0, limit),
      totals: {
        lateReplies: lateCount - snoozedLate,
        overdue: overdue.length,
        dueSoon: dueSoon.length,
        dormant: dormantCount - snoozedDormant,
        dates: dates.length,
      },
    };
  });
}
