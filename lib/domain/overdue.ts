/**
 * "Who needs you now" for one client, the same rule lib/db answers from indexes for the
 * badge: not snoozed, and either the due date has passed (`nextDueAt < now`) or an email
 * has waited past the late threshold (`awaitingReplySince < lateReplyCutoff`). Both are
 * strict comparisons, matching Dexie's `below()`, so the count on the badge and the flag
 * on a client card never disagree. A client without a due date or a waiting email simply
 * fails that half of the test.
 */
import type { Client, Settings } from '../db/types';
import { lateReplyCutoff } from './response';

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
