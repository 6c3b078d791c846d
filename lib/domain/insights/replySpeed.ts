/**
 * How fast the user answers clients. Each email from a client is answered by the first
 * outbound touch after it (an email, a call, a meeting, a message: REPLY_KINDS), and the
 * time between is its answer time; an email with no answer yet is counted as unanswered.
 * Per month of the client's email: the median and the 90th percentile (nearest-rank: the
 * smallest time with at least 90 % of answers at or below it) and the share answered
 * within 24 hours.
 */
import { format } from 'date-fns';
import type { Settings, Touchpoint } from '../model';
import { workingClock, workingWeekOf, type WorkingWeek } from '../working-time';
import { REPLY_KINDS } from '../response';

export interface ReplyMonth {
  key: string;
  label: string;
  answered: number;
  unanswered: number;
  medianHours: number | null;
  p90Hours: number | null;
  within24Share: number | null;
}

export function nearestRank(sorted: number[], p: number): number | null {
  if (!sorted.length) return null;
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}

export function median(sorted: number[]): number | null {
  if (!sorted.length) return null;
  const m = sorted.length >> 1;
  return sorted.length % 2 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
}

/**
 * Each client email and its answer time in hours: working hours of `week` (the same clock
 * as the reply status), or clock hours without one. An email marked "no reply needed" is
 * left out: it was handled, not answered.
 */
export function answerTimes(
  tps: Pick<Touchpoint, 'clientId' | 'at' | 'kind' | 'noReplyNeeded'>[],
  week?: WorkingWeek,
): { at: number; hours: number | null }[] {
  // one working-time clock for every span (the day walk once for the whole range, not once
  // per email): clock(b) - clock(a) is workingMsBetween(a, b, week)
  let lo = Infinity;
  let hi = -Infinity;
  if (week) {
    for (const t of tps) {
      if (t.at < lo) lo = t.at;
      if (t.at > hi) hi = t.at;
    }
  }
  const clock = week ? workingClock(lo, hi, week) : null;
  const hoursBetween = (a: number, b: number) =>
    (clock && Number.isFinite(a) && Number.isFinite(b) ? (b > a ? clock(b) - clock(a) : 0) : Math.max(0, b - a)) / 3_600_000;
  const byClient = new Map<number, Pick<Touchpoint, 'clientId' | 'at' | 'kind' | 'noReplyNeeded'>[]>();
  for (const t of tps) {
    if (!byClient.has(t.clientId)) byClient.set(t.clientId, []);
    byClient.get(t.clientId)!.push(t);
  }
  const out: { at: number; hours: number | null }[] = [];
  for (const list of byClient.values()) {
    list.sort((a, b) => a.at - b.at);
    // walking back from the newest, the first reply after each email is the latest one seen:
    // one pass, where looking ahead from every email cost the square of a long history
    let nextReply: number | undefined;
    const answered: { at: number; hours: number | null }[] = [];
    for (let i = list.length - 1; i >= 0; i--) {
      const t = list[i];
      if (t.kind === 'email-in' && t.noReplyNeeded) continue; // handled without an answer: not timed
      if (t.kind === 'email-in') answered.push({ at: t.at, hours: nextReply === undefined ? null : hoursBetween(t.at, nextReply) });
      else if (REPLY_KINDS.includes(t.kind)) nextReply = t.at;
    }
    for (let i = answered.length - 1; i >= 0; i--) out.push(answered[i]);
  }
  return out;
}

/** format(t, 'yyyy-MM') without date-fns' formatter, which is slow in a loop over every email */
export function monthKey(t: number): string {
  const d = new Date(t);
  const y = d.getFullYear();
  const m = d.getMonth() + 1;
  return y >= 0 && y <= 9999 ? `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}` : format(t, 'yyyy-MM');
}

/**
 * Reply speed per month. With the user's settings, times are working hours and "within 24 h"
 * is within their on-time threshold, the same rule as the panel and the badge; without, clock
 * hours and 24.
 */
export function replySpeed(
  tps: Pick<Touchpoint, 'clientId' | 'at' | 'kind' | 'noReplyNeeded'>[],
  settings?: Pick<Settings, 'workingDays' | 'workingDaysOnly' | 'replyOnTimeHours'>,
): { months: ReplyMonth[]; within24Share: number | null; medianHours: number | null } {
  const times = answerTimes(tps, settings ? workingWeekOf(settings) : undefined);
  const onTime = settings?.replyOnTimeHours ?? 24;
  const byMonth = new Map<string, { label: string; hours: number[]; unanswered: number }>();
  for (const t of times) {
    const key = monthKey(t.at);
    let m = byMonth.get(key);
    if (!m) byMonth.set(key, (m = { label: format(t.at, 'MMM yyyy'), hours: [], unanswered: 0 }));
    if (t.hours === null) m.unanswered++;
    else m.hours.push(t.hours);
  }
  const months = [...byMonth.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, m]) => {
      const s = [...m.hours].sort((a, b) => a - b);
      return {
        key,
        label: m.label,
        answered: s.length,
        unanswered: m.unanswered,
        medianHours: median(s),
        p90Hours: nearestRank(s, 0.9),
        within24Share: s.length ? s.filter((h) => h <= onTime).length / s.length : null,
      };
    });
  const all = times.filter((t) => t.hours !== null).map((t) => t.hours!).sort((a, b) => a - b);
  return { months, within24Share: all.length ? all.filter((h) => h <= onTime).length / all.length : null, medianHours: median(all) };
}
