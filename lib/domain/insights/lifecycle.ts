/**
 * The lifecycle after the first sale, for the Insights page:
 *   - the second sale: of the first-time buyers, the share who bought again within 90
 *     days and within a year ("the most important thing is getting the second sale ... as
 *     soon as possible"). A buyer counts only once their window is over (a first sale 30
 *     days ago has not had its 90 days yet), so the share is never pulled down by buyers
 *     who still have time;
 *   - the top referrers: who referred the most people, and how many of those bought;
 *   - satisfaction over time: the 0-10 answers to "How'm I doing?" per quarter, their
 *     average and the share of 9-10s (promoters) and 0-6s (detractors).
 */
import { addDays } from 'date-fns';
import type { Client, Touchpoint } from '../model';
import { lastPeriods, periodOf, type PeriodKind } from './periods';
import { saleTimesByClient } from './sales';

export interface RepeatShare {
  /** buyers whose window is over */
  of: number;
  /** of them, those who bought again within it */
  bought: number;
  share: number | null;
}

export interface SecondSale {
  within90: RepeatShare;
  withinYear: RepeatShare;
}

const share = (bought: number, of: number): RepeatShare => ({ of, bought, share: of ? bought / of : null });

export function secondSale(sales: Pick<Touchpoint, 'clientId' | 'at' | 'kind'>[], now: number, windowDays = 90): SecondSale {
  let of90 = 0, in90 = 0, ofYear = 0, inYear = 0;
  for (const [first, second] of saleTimesByClient(sales).values()) {
    const end90 = addDays(first, windowDays).getTime();
    const endYear = addDays(first, 365).getTime();
    if (end90 <= now) {
      of90++;
      if (second !== undefined && second <= end90) in90++;
    }
    if (endYear <= now) {
      ofYear++;
      if (second !== undefined && second <= endYear) inYear++;
    }
  }
  return { within90: share(in90, of90), withinYear: share(inYear, ofYear) };
}

export interface Referrer {
  clientId: number;
  name: string;
  /** referrals recorded */
  referred: number;
  /** of the people referred who became clients, those who bought */
  bought: number;
}

/** The clients who referred the most people, most first (ties: the most who bought, then by name). */
export function topReferrers(
  referrals: Pick<Touchpoint, 'clientId' | 'kind' | 'referredClientId'>[],
  clients: Pick<Client, 'id' | 'name' | 'saleCount'>[],
  max = 10,
): Referrer[] {
  const byId = new Map(clients.map((c) => [c.id, c]));
  const out = new Map<number, Referrer>();
  for (const r of referrals) {
    if (r.kind !== 'referral') continue;
    const who = byId.get(r.clientId);
    if (!who) continue;
    const row = out.get(r.clientId) ?? { clientId: r.clientId, name: who.name, referred: 0, bought: 0 };
    row.referred++;
    if (r.referredClientId !== undefined && (byId.get(r.referredClientId)?.saleCount ?? 0) > 0) row.bought++;
    out.set(r.clientId, row);
  }
  return [...out.values()]
    .sort((a, b) => b.referred - a.referred || b.bought - a.bought || a.name.localeCompare(b.name))
    .slice(0, max);
}

export interface ScorePoint {
  key: string;
  label: string;
  answers: number;
  /** the mean score, 0-10 */
  average: number | null;
  /** the share of 9-10s */
  promoters: number | null;
  /** the share of 0-6s */
  detractors: number | null;
  complete: boolean;
}

/** The satisfaction scores per quarter (or year), the last `count`, oldest first. */
export function scoresOverTime(
  scores: Pick<Touchpoint, 'at' | 'kind' | 'score'>[],
  now: number,
  kind: PeriodKind = 'quarter',
  count = 8,
): ScorePoint[] {
  const byPeriod = new Map<string, number[]>();
  for (const s of scores) {
    if (s.kind !== 'score' || s.score === undefined) continue;
    const k = periodOf(s.at, kind).key;
    const list = byPeriod.get(k);
    if (list) list.push(s.score);
    else byPeriod.set(k, [s.score]);
  }
  return lastPeriods(now, kind, count).map((p) => {
    const list = byPeriod.get(p.key) ?? [];
    const n = list.length;
    return {
      key: p.key,
      label: p.label,
      answers: n,
      average: n ? list.reduce((a, b) => a + b, 0) / n : null,
      promoters: n ? list.filter((x) => x >= 9).length / n : null,
      detractors: n ? list.filter((x) => x <= 6).length / n : null,
      complete: p.end <= now,
    };
  });
}
