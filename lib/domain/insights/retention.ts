/**
 * Repeat-purchase retention, as the retention articles compute it ("look at your
 * retention rate. Has it changed over time?"): of the clients who bought in the previous
 * period, the share who bought again in this one. When nobody bought in the previous
 * period the rate is unknown (null), not 0. Beside it, the net customer change:
 * new customers (their first sale ever falls in this period) minus lost ones (bought in
 * the previous period, not in this one). The period that holds `now` is not over: its
 * figures are marked incomplete, so a quarter in progress is never read as a collapse.
 */
import type { Touchpoint } from '../model';
import { lastPeriods, periodOf, type PeriodKind } from './periods';

export interface RetentionPoint {
  key: string;
  label: string;
  buyers: number;
  previousBuyers: number;
  retained: number;
  /** 0..1, null when the previous period had no buyers */
  rate: number | null;
  newCustomers: number;
  lost: number;
  netChange: number;
  /** false for the period still running (its figures are so far, not final) */
  complete: boolean;
}

export function retention(
  sales: Pick<Touchpoint, 'clientId' | 'at' | 'kind'>[],
  now: number,
  kind: PeriodKind = 'quarter',
  count = 8,
): RetentionPoint[] {
  const buyersBy = new Map<string, Set<number>>();
  const firstSale = new Map<number, number>();
  for (const s of sales) {
    if (s.kind !== 'sale') continue;
    const k = periodOf(s.at, kind).key;
    if (!buyersBy.has(k)) buyersBy.set(k, new Set());
    buyersBy.get(k)!.add(s.clientId);
    firstSale.set(s.clientId, Math.min(firstSale.get(s.clientId) ?? Infinity, s.at));
  }
  return lastPeriods(now, kind, count).map((p) => {
    const prev = periodOf(p.start - 1, kind);
    const buyers = buyersBy.get(p.key) ?? new Set<number>();
    const before = buyersBy.get(prev.key) ?? new Set<number>();
    const retained = [...before].filter((c) => buyers.has(c)).length;
    const newCustomers = [...buyers].filter((c) => {
      const f = firstSale.get(c)!;
      return f >= p.start && f < p.end;
    }).length;
    const lost = before.size - retained;
    return {
      key: p.key,
      label: p.label,
      buyers: buyers.size,
      previousBuyers: before.size,
      retained,
      rate: before.size ? retained / before.size : null,
      newCustomers,
      lost,
      netChange: newCustomers - lost,
      complete: p.end <= now,
    };
  });
}
