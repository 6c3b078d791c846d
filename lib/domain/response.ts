/**
 * "Following up within 24 hours is ideal; a 48-hour turnaround is acceptable: beyond that
 * is pushing it." Who owes whom an answer, and for how long.
 *
 * Subtleties:
 *   - Any outbound touch answers the client's email, not only an email: a call, a meeting,
 *     a lunch or a message counts (REPLY_KINDS). Notes, sales, mail, gifts, a referral
 *     asked for or recorded and a satisfaction score answer nothing.
 *   - The wait starts at the EARLIEST unanswered inbound email, not the latest: a client who
 *     wrote twice has been waiting since the first one.
 *   - Ties: an outbound touch at the very same millisecond as an inbound one counts as
 *     answering it (recorded times are often rounded to the minute by the mail page).
 *   - Hour thresholds are WORKING time (ms that fall on the user's working days, Monday to
 *     Friday by default: lib/domain/working-time.ts), not calendar days: 23 h 59 m is on
 *     time, exactly 24 h is due, exactly 48 h is still due, anything over 48 h is late. An
 *     email of Friday 17:00 is on time until Monday 17:00 and late after Tuesday 17:00; one
 *     of Saturday starts its clock on Monday 00:00. With `workingDaysOnly` off, every hour
 *     counts (plain clock hours).
 *   - One rule decides: the working time waited, against `replyLateMs` / `replyOnTimeHours`.
 *     replyLevel grades it, lateReplyCutoff turns it into an index bound and needsYouAt
 *     (lib/domain/overdue.ts) into a moment; all three agree to the millisecond.
 *   - A waiting time is never negative (a clock that ran ahead counts as 0).
 *   - "No reply needed": an email from the client the user marked so is HANDLED. It closes
 *     the conversation like an answer (nothing before it waits any more), but it is not a
 *     touch of the user's: nobody waits on anybody after it, so the state is 'none', not
 *     'waiting-on-them', and reply-speed insights leave it out.
 */
import type { Settings, Touchpoint, TouchKind } from './model';
import { earliestStartWithin, workingMsBetween, workingWeekOf } from './working-time';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/**
 * Touches by the user that answer the client's email: the ones where the two spoke or
 * wrote (a lunch is a meeting over food). A letter, a gift, a sale, asking for a referral
 * and the records (note, referral, score) answer nothing.
 */
export const REPLY_KINDS: readonly TouchKind[] = Object.freeze(['email-out', 'call', 'meeting', 'message', 'lunch'] as TouchKind[]);

export type TouchDirection = 'inbound' | 'outbound' | 'handled' | 'neutral';

/** The direction of a touch; an email from the client marked "no reply needed" is 'handled'. */
export function touchDirection(kind: TouchKind, noReplyNeeded?: boolean): TouchDirection {
  if (kind === 'email-in') return noReplyNeeded ? 'handled' : 'inbound';
  if (REPLY_KINDS.includes(kind)) return 'outbound';
  return 'neutral';
}

/** Shared by awaitingReplySince and replyStatus: the earliest inbound after the latest answer (or handled email). */
function earliestUnansweredInbound(events: { at: number; direction: string }[]): number | undefined {
  let latestOutbound = -Infinity;
  for (const e of events) if ((e.direction === 'outbound' || e.direction === 'handled') && e.at > latestOutbound) latestOutbound = e.at;
  let since: number | undefined;
  for (const e of events) {
    // strictly after: an outbound at the same ms answers the inbound
    if (e.direction === 'inbound' && e.at > latestOutbound && (since === undefined || e.at < since)) since = e.at;
  }
  return since;
}

/**
 * Since when the client has been waiting for the user's answer: the earliest 'email-in'
 * after the latest outbound touch (or email marked "no reply needed"), in any input order;
 * undefined when nothing is unanswered.
 */
export function awaitingReplySince(touchpoints: Pick<Touchpoint, 'at' | 'kind' | 'noReplyNeeded'>[]): number | undefined {
  return earliestUnansweredInbound(touchpoints.map((t) => ({ at: t.at, direction: touchDirection(t.kind, t.noReplyNeeded) })));
}

export type ReplyLevel = 'on-time' | 'due' | 'late';

/**
 * The late threshold in whole ms: a wait is late when its working time is strictly over
 * it. Waits are whole ms, so over `replyLateHours` h is the same as over its floor (a
 * fractional setting such as 1/3 h makes no fractional bound or moment).
 */
export function replyLateMs(settings: Pick<Settings, 'replyLateHours'>): number {
  return Math.floor(settings.replyLateHours * HOUR_MS);
}

/** How long the email has waited in working time (see lib/domain/working-time.ts). */
export function workingWaitMs(since: number, now: number, settings: Pick<Settings, 'workingDays' | 'workingDaysOnly'>): number {
  return workingMsBetween(since, now, workingWeekOf(settings));
}

/** The grade of a wait of `workingMs` of WORKING time (workingWaitMs), not clock time. */
export function replyLevel(workingMs: number, settings: Settings): ReplyLevel {
  if (workingMs < settings.replyOnTimeHours * HOUR_MS) return 'on-time';
  if (workingMs <= replyLateMs(settings)) return 'due';
  return 'late';
}

/** `waitedMs` is clock time, for display; `level` grades the working time (workingWaitMs). */
export type ReplyStatus =
  | { state: 'none' }
  | { state: 'awaiting-you'; since: number; waitedMs: number; level: ReplyLevel }
  | { state: 'waiting-on-them'; since: number; waitedMs: number; nudge: boolean };

export type ReplyEvent = { at: number; direction: TouchDirection | 'unknown' };

/**
 * The state of a conversation (e.g. the open thread's messages, or a client's history
 * mapped through touchDirection). Only inbound, outbound and handled events count. When the
 * latest inbound and outbound share a millisecond, the outbound is taken as the later one (the
 * tie rule above), so the user is not asked to answer what they already answered.
 * `nudge` is true once the user's own last message has gone unanswered for
 * `nudgeAfterDays` × 24 h or more.
 */
export function replyStatus(events: ReplyEvent[], now: number, settings: Settings): ReplyStatus {
  const directed = events.filter((e) => e.direction === 'inbound' || e.direction === 'outbound' || e.direction === 'handled');
  if (directed.length === 0) return { state: 'none' };
  let latestIn = -Infinity;
  let latestOut = -Infinity;
  let latestHandled = -Infinity;
  for (const e of directed) {
    if (e.direction === 'inbound') latestIn = Math.max(latestIn, e.at);
    else if (e.direction === 'outbound') latestOut = Math.max(latestOut, e.at);
    else latestHandled = Math.max(latestHandled, e.at);
  }
  if (latestIn > Math.max(latestOut, latestHandled)) {
    const since = earliestUnansweredInbound(directed) as number; // exists: latestIn qualifies
    const waitedMs = Math.max(0, now - since);
    return { state: 'awaiting-you', since, waitedMs, level: replyLevel(workingWaitMs(since, now, settings), settings) };
  }
  // the conversation was closed by an email that needed no reply: nobody waits
  if (latestHandled > latestOut) return { state: 'none' };
  const waitedMs = Math.max(0, now - latestOut);
  return {
    state: 'waiting-on-them',
    since: latestOut,
    waitedMs,
    nudge: waitedMs >= settings.nudgeAfterDays * DAY_MS,
  };
}

/**
 * A client whose `awaitingReplySince` is strictly below this time has waited more than
 * `replyLateHours` of working time, i.e. replyLevel would say 'late', and no other client
 * has. lib/db uses it as an index bound (`below(cutoff)`). Over a weekend the bound stops
 * at the end of Friday: an email of Saturday has waited no longer than one of Monday 00:00.
 */
export function lateReplyCutoff(now: number, settings: Settings): number {
  return earliestStartWithin(now, replyLateMs(settings), workingWeekOf(settings));
}
