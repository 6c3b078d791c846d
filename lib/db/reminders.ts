/**
 * The reads behind the reminders (lib/background/reminders.ts). The key-account check runs
 * every minute, so it is one bounded range of the `awaitingReplySince` index: the emails
 * that came in the last two weeks and have waited the on-time threshold of working time,
 * the newest first, at most `limit` of them. Key accounts and snoozes are checked on the
 * records read (IndexedDB cannot index a boolean); an email waiting longer than two weeks
 * was alerted long ago, or the client was not a key account while it could have been.
 */
import type { Client, Settings } from '../domain/model';
import { HOUR_MS, replyLevel, workingWaitMs } from '../domain/response';
import { isSnoozed } from '../domain/overdue';
import { earliestStartWithin, workingWeekOf } from '../domain/working-time';
import { db } from './schema';

const DAY_MS = 24 * HOUR_MS;

/** How far back the minute check looks for waiting emails. */
export const KEY_ALERT_LOOKBACK_MS = 14 * DAY_MS;

/**
 * Key accounts, not snoozed, whose email has waited at least `replyOnTimeHours` of working
 * time (replyLevel is no longer 'on-time': the rule of lib/domain/response.ts), among the
 * emails of the last `lookbackMs`, the most recent first.
 */
export async function keyAccountsWaiting(
  now: number,
  settings: Settings,
  { lookbackMs = KEY_ALERT_LOOKBACK_MS, limit = 200 }: { lookbackMs?: number; limit?: number } = {},
): Promise<Client[]> {
  // waited >= the threshold (whole ms) <=> waited > threshold - 1 <=> since < this bound
  const onTimeMs = Math.ceil(settings.replyOnTimeHours * HOUR_MS);
  const upper = earliestStartWithin(now, onTimeMs - 1, workingWeekOf(settings));
  const lower = now - lookbackMs;
  if (!(upper > lower)) return [];
  const rows = await db.clients.where('awaitingReplySince').between(lower, upper, true, false).reverse().limit(limit).toArray();
  return rows.filter(
    (c) =>
      c.keyAccount === true &&
      !isSnoozed(c, now) &&
      replyLevel(workingWaitMs(c.awaitingReplySince!, now, settings), settings) !== 'on-time',
  );
}
