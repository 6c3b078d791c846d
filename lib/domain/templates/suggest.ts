/**
 * Which templates fit now. The client's situation is worked out from the same rules the
 * status badges use (reply status, cadence status, stage, sales, important dates), and
 * each situation brings the templates tagged with it, most urgent situation first.
 */
import { addDays, addMonths, differenceInCalendarDays } from 'date-fns';
import type { Client, Holiday, Template, TemplateSituation, Touchpoint } from '../model';

export interface SituationInput {
  client: Pick<Client, 'stage' | 'saleCount' | 'importantDates'>;
  replyLate: boolean;
  awaitingReply: boolean;
  overdue: boolean;
  /** due soon and not overdue: time for a check-in or something of value */
  dueSoon?: boolean;
  /** no sale for the dormant time (lib/domain/dormant.ts): time to revive */
  dormant?: boolean;
  /** the client's latest sale, if any */
  lastSaleAt?: number;
  /** the client's second sale, if they made one (a referral ask follows it) */
  secondSaleAt?: number;
  /** their latest answer to "How'm I doing?" */
  lastScore?: { at: number; score: number };
  /** when the user last asked them for a referral */
  referralAskedAt?: number;
  /** the holidays the user greets clients on (settings) */
  holidays?: Holiday[];
  now: number;
}

const DAY_MS = 86_400_000;

/** A sale this many days old or newer is a recent one: time for a thank-you. */
export const RECENT_SALE_DAYS = 30;
/** Feedback is asked for from 30 days after the latest sale, for two weeks. */
export const FEEDBACK_AFTER_DAYS = 30;
/** The expectation check comes six months after the latest sale, for two weeks. */
export const EXPECTATION_CHECK_MONTHS = 6;
/** How long after its moment a suggestion stands: the feedback, the expectation check, a referral ask. */
export const SUGGESTION_DAYS = 14;
/** "Promoters": a satisfaction score this high is a moment to ask for a referral. */
export const PROMOTER_SCORE = 9;
/** A referral ask stands this many days after the second sale or a promoter's score. */
export const REFERRAL_ASK_DAYS = 30;

export function isRecentSale(lastSaleAt: number | undefined, now: number): boolean {
  return lastSaleAt !== undefined && lastSaleAt <= now && now - lastSaleAt < RECENT_SALE_DAYS * DAY_MS;
}

/** Whether `now` is within SUGGESTION_DAYS from `from` (calendar days, `from`'s day counting as 0). */
function within(from: number, now: number, days = SUGGESTION_DAYS): boolean {
  const d = differenceInCalendarDays(now, from);
  return d >= 0 && d < days;
}

/**
 * The day a month/day falls on in `year`: 29 February falls on 28 February in a year
 * without one (so a leap-day birthday is never skipped three years in four).
 */
export function anniversaryIn(year: number, month: number, day: number): Date {
  const last = new Date(year, month, 0).getDate();
  return new Date(year, month - 1, Math.min(day, last));
}

/** Days until the next occurrence of a month/day (0 = today); 29 February is the 28th in other years. */
export function daysUntilAnniversary(month: number, day: number, now: number): number {
  const today = new Date(now);
  let next = anniversaryIn(today.getFullYear(), month, day);
  if (differenceInCalendarDays(next, today) < 0) next = anniversaryIn(today.getFullYear() + 1, month, day);
  return differenceInCalendarDays(next, today);
}

/** What a client's history says about the moments of the lifecycle: their sales, scores and asks. */
export function lifecycleFacts(history: Pick<Touchpoint, 'at' | 'kind' | 'score'>[]): Pick<SituationInput, 'lastSaleAt' | 'secondSaleAt' | 'lastScore' | 'referralAskedAt'> {
  const sales = history.filter((t) => t.kind === 'sale').map((t) => t.at).sort((a, b) => a - b);
  let lastScore: SituationInput['lastScore'];
  let referralAskedAt: number | undefined;
  for (const t of history) {
    if (t.kind === 'score' && t.score !== undefined && (!lastScore || t.at > lastScore.at)) lastScore = { at: t.at, score: t.score };
    if (t.kind === 'referral-ask' && (referralAskedAt === undefined || t.at > referralAskedAt)) referralAskedAt = t.at;
  }
  const out: ReturnType<typeof lifecycleFacts> = {};
  if (sales.length) out.lastSaleAt = sales[sales.length - 1];
  if (sales.length >= 2) out.secondSaleAt = sales[1];
  if (lastScore) out.lastScore = lastScore;
  if (referralAskedAt !== undefined) out.referralAskedAt = referralAskedAt;
  return out;
}

/**
 * The situations of the client now, most urgent first; each brings the templates tagged
 * with it (docs/ARCHITECTURE.md, the rules table):
 *   - a late reply: the apology;
 *   - a birthday or a holiday the user picked, in the coming 7 days: the greeting;
 *   - a former or dormant client: revive them;
 *   - after the latest sale: a thank-you for 30 days, then feedback (0-10) from day 30 for
 *     two weeks, then the expectation check six months on, for two weeks;
 *   - a referral ask in the 30 days after the second sale or a score of 9-10, unless the
 *     user asked since;
 *   - a customer with one sale: the second-sale follow-up;
 *   - overdue; due soon: a check-in or something of value.
 */
export function situationsNow(s: SituationInput): TemplateSituation[] {
  const out: TemplateSituation[] = [];
  const soon = (month: number, day: number) => daysUntilAnniversary(month, day, s.now) <= 7;
  if (s.awaitingReply && s.replyLate) out.push('late-reply');
  if (s.client.importantDates.some((d) => /birth/i.test(d.label) && soon(d.month, d.day))) out.push('birthday');
  if ((s.holidays ?? []).some((h) => soon(h.month, h.day))) out.push('holiday');
  if (s.client.stage === 'former' || s.dormant) out.push('former');
  const sale = s.lastSaleAt !== undefined && s.lastSaleAt <= s.now ? s.lastSaleAt : undefined;
  if (isRecentSale(sale, s.now)) out.push('after-purchase');
  const promoter = s.lastScore && s.lastScore.score >= PROMOTER_SCORE ? s.lastScore.at : undefined;
  const trigger = [s.secondSaleAt, promoter].filter((t): t is number => t !== undefined && within(t, s.now, REFERRAL_ASK_DAYS));
  if (trigger.length && !(s.referralAskedAt !== undefined && s.referralAskedAt >= Math.max(...trigger))) out.push('referral');
  if (sale !== undefined && within(addDays(sale, FEEDBACK_AFTER_DAYS).getTime(), s.now)) out.push('feedback');
  if (sale !== undefined && within(addMonths(sale, EXPECTATION_CHECK_MONTHS).getTime(), s.now)) out.push('half-year');
  if (s.client.stage === 'customer' && s.client.saleCount === 1) out.push('new-customer');
  if (s.overdue) out.push('overdue');
  else if (s.dueSoon) out.push('check-in', 'value');
  return out;
}

/** Up to `max` templates for the situations, in situation order, then stage fit. */
export function suggestTemplates<T extends Pick<Template, 'situations' | 'stages'>>(
  templates: T[],
  situations: TemplateSituation[],
  stage: Client['stage'],
  max = 3,
): T[] {
  const picked: T[] = [];
  const fits = (t: T) => t.stages.length === 0 || t.stages.includes(stage);
  for (const s of situations) {
    for (const t of templates) {
      if (picked.length >= max) return picked;
      if (t.situations.includes(s) && fits(t) && !picked.includes(t)) picked.push(t);
    }
  }
  return picked;
}
