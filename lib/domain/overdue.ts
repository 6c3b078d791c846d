/**
 * "Who needs you now" for one client, the same rule lib/db answers from indexes for the
 * badge: not snoozed, and either the due date has passed (`nextDueAt < now`) or an email
 * has waited past the late threshold in working time (`awaitingReplySince <
 * lateReplyCutoff`). Both are strict comparisons, matching Dexie's `below()`, so the count
 * on the badge and the flag on a client card never disagree. A client without a due date or a waiting email simply
 * fails that half of the test.
 */
import type { Client, Settings } from './model';
import { lateReplyCutoff, replyLateMs } from './response';
import { addWorkingMs, workingWeekOf } from './working-time';

/**
 * The moment the client starts to need the user, as one number: the earlier of the due
 * date and the moment the waiting email turns late, but not before the snooze ends.
 * `needsYouAt < now` holds exactly when `isOverdue(client, now, settings)` does (times are
 * whole milliseconds; a snooze ending at `now` no longer counts, hence the `- 1`), so an
 * index on it answers the badge with a single count. It depends on the late threshold and
 * the working week, so changing either setting recomputes every client.
 *
 * For the email that moment is the last one at which it has waited no more than the late
 * threshold of working time: one ms before the first moment it has waited one ms more
 * (`addWorkingMs(since, late + 1) - 1`). Not `addWorkingMs(since, late)`: when the
 * threshold runs out at the end of a Friday, the email stays merely due over the whole
 * weekend and turns late on Monday 00:00 + 1 ms, so this gives Monday 00:00, not Friday 24:00.
 */
export function needsYouAt(
  client: Pick<Client, 'nextDueAt' | 'awaitingReplySince' | 'snoozedUntil'>,
  settings: Pick<Settings, 'replyLateHours' | 'workingDays' | 'workingDaysOnly'>,
): number | undefined {
  const since = client.awaitingReplySince;
  const late = since === undefined ? undefined : addWorkingMs(since, replyLateMs(settings) + 1, workingWeekOf(settings)) - 1;
  const due = [client.nextDueAt, late].filter((t): t is number => t !== undefined);
  if (!due.length) return undefined;
  const at = Math.min(...due);
  return client.snoozedUntil === undefined ? at : Math.max(at, client.snoozedUntil - 1);
}

export function isSnoozed(client: Pick<Client, 'snoozedUntil'>, now: number): boolean {
  return client.snoozedUntil !== undefined && client.snoozedUntil > now;
}

/** The waiting email is over the late threshold. Says nothing about snoozing (see isOverdue). */
export function isLateReply(client: Pick<Client, 'awaitingReplySince'>, now: number, settings: Settings): boolean {
  return client.awaitingReplySince !== undefined && client.awaitingReplySince < lateReplyCutoff(now, settings);
}

/** The due date has passed. Says nothing about snoozing (see isOverdue). */
export function isPastDue(client: Pick<Client, 'nextDueAt'>, now: number): boolean {
  return client.nextDueAt !== undefined && client.nextDueAt < now;
}

export function isOverdue(
  client: Pick<Client, 'nextDueAt' | 'awaitingReplySince' | 'snoozedUntil'>,
  now: number,
  settings: Settings,
): boolean {
  if (isSnoozed(client, now)) return false;
  return isPastDue(client, now) || isLateReply(client, now, settings);
}
