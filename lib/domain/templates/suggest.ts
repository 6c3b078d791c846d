/**
 * Which templates fit now. The client's situation is worked out from the same rules the
 * status badges use (reply status, cadence status, stage, sales, important dates), and
 * each situation brings the templates tagged with it, most urgent situation first.
 */
import { differenceInCalendarDays } from 'date-fns';
import type { Client, Template, TemplateSituation } from '../model';

export interface SituationInput {
  client: Pick<Client, 'stage' | 'saleCount' | 'importantDates'>;
  replyLate: boolean;
  awaitingReply: boolean;
  overdue: boolean;
  /** the client's latest sale, if any */
  lastSaleAt?: number;
  now: number;
}

/** A sale this many days old or newer is a recent one: time for a thank-you. */
export const RECENT_SALE_DAYS = 30;

export function isRecentSale(lastSaleAt: number | undefined, now: number): boolean {
  return lastSaleAt !== undefined && lastSaleAt <= now && now - lastSaleAt < RECENT_SALE_DAYS * 86_400_000;
}

/** Days until the next occurrence of a month/day (0 = today). */
export function daysUntilAnniversary(month: number, day: number, now: number): number {
  const today = new Date(now);
  let next = new Date(today.getFullYear(), month - 1, day);
  if (differenceInCalendarDays(next, today) < 0) next = new Date(today.getFullYear() + 1, month - 1, day);
  return differenceInCalendarDays(next, today);
}

export function situationsNow(s: SituationInput): TemplateSituation[] {
  const out: TemplateSituation[] = [];
  if (s.awaitingReply && s.replyLate) out.push('late-reply');
  const birthday = s.client.importantDates.some(
    (d) => /birth/i.test(d.label) && daysUntilAnniversary(d.month, d.day, s.now) <= 7,
  );
  if (birthday) out.push('birthday');
  if (s.client.stage === 'former') out.push('former');
  if (isRecentSale(s.lastSaleAt, s.now)) out.push('after-purchase');
  if (s.client.stage === 'customer' && s.client.saleCount === 1) out.push('new-customer');
  if (s.overdue) out.push('overdue');
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
