import { describe, expect, it } from 'vitest';
import {
  pareto, retention, retentionRates, customersAt, replySpeed, nearestRank, median, templateStats, portfolio, lastPeriods,
  secondSale, topReferrers, scoresOverTime,
} from '@/lib/domain/insights';
import { DEFAULT_SETTINGS } from '@/lib/domain/settings';
import type { Client, TouchKind } from '@/lib/domain/model';
import { answerTimes } from '@/lib/domain/insights/replySpeed';
import { REPLY_KINDS } from '@/lib/domain/response';

const H = 3_600_000;
const D = 24 * H;
const at = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h).getTime();

describe('pareto', () => {
  const c = (id: number, v: number) => ({ id, name: `C${id}`, lifetimeValue: v });
  it('flags the smallest set making 80 % of revenue', () => {
    // total 1000: 500 (50 %), 300 (80 %) -> the first two make exactly 80 %
    const p = pareto([c(1, 100), c(2, 500), c(3, 300), c(4, 100), c(5, 0)]);
    expect(p.total).toBe(1000);
    expect(p.keyIds).toEqual([2, 3]);
    expect(p.keyShare).toBe(0.8);
    expect(p.rows.map((r) => r.cumulativeShare)).toEqual([0.5, 0.8, 0.9, 1, 1]);
    expect(p.rows.at(-1)!.key).toBe(false); // no revenue: never key
  });
  it('breaks ties at the 80 % line by id and keeps the set smallest', () => {
    // four tied at 250: three make 75 %, so all four are needed (100 %)
    const p = pareto([c(4, 250), c(2, 250), c(3, 250), c(1, 250)]);
    expect(p.keyIds).toEqual([1, 2, 3, 4]);
    // 400, 200, 200, 200: 400+200 = 60 %, +200 = 80 % -> ids 1 (400), then 2 and 3 of the tied 200s, not 4
    const q = pareto([c(4, 200), c(1, 400), c(3, 200), c(2, 200)]);
    expect(q.keyIds).toEqual([1, 2, 3]);
  });
  it('handles a single client with one sale, and no revenue at all', () => {
    expect(pareto([c(1, 99)]).keyIds).toEqual([1]);
    const none = pareto([c(1, 0), c(2, 0)]);
    expect([none.total, none.keyIds, none.keyShare]).toEqual([0, [], 0]);
    expect(pareto([]).rows).toEqual([]);
  });
});

describe('retention, as the articles define it', () => {
  const sale = (clientId: number, t: number) => ({ clientId, at: t, kind: 'sale' as const });
  const none: { id: number; formerSince?: number }[] = [];

  it("gives the articles' example: 100 customers, 15 lost, 20 new: retention 85 %, net gain 5 %, acquisition 20 %", () => {
    const r = retentionRates(100, 100 - 15 + 20, 20);
    expect(r.retention).toBeCloseTo(0.85);
    expect(r.netGain).toBeCloseTo(0.05);
    expect(r.acquisition).toBeCloseTo(0.2);
  });

  it('computes it from sales per year: 100 bought in 2024, 85 of them again in 2025, 20 new in 2025', () => {
    const sales = [];
    for (let id = 1; id <= 100; id++) sales.push(sale(id, at(2024, 6, 1 + (id % 28))));
    for (let id = 1; id <= 85; id++) sales.push(sale(id, at(2025, 3, 1 + (id % 28))));
    for (let id = 101; id <= 120; id++) sales.push(sale(id, at(2025, 9, 1 + (id % 28))));
    const years = retention(sales, none, at(2026, 5, 10), 'year', 3);
    expect(years.map((y) => y.key)).toEqual(['2024', '2025', '2026']);
    const last = years[1];
    expect(last).toMatchObject({ startCustomers: 100, endCustomers: 105, newCustomers: 20, complete: true });
    expect(last.retention).toBeCloseTo(0.85);
    expect(last.netGain).toBeCloseTo(0.05);
    expect(last.acquisition).toBeCloseTo(0.2);
    // 2024: nobody was a customer on 1 January 2024, so the rates are unknown, not 0
    expect(years[0]).toMatchObject({ startCustomers: 0, endCustomers: 100, newCustomers: 100, retention: null, acquisition: null, netGain: null });
  });

  it('S = 0 gives unknown, never 0 %', () => {
    expect(retentionRates(0, 5, 5)).toEqual({ retention: null, acquisition: null, netGain: null });
    expect(retention([], none, at(2026, 5, 10), 'quarter', 2).every((p) => p.retention === null && p.startCustomers === 0)).toBe(true);
  });

  it('measures the running period at now, marked as running', () => {
    // 10 customers from 2025 (September); by 10 May 2026, 4 bought again, 2 are new, and
    // the other 6 still count: their September sale is within the 365 days before now
    const sales = [];
    for (let id = 1; id <= 10; id++) sales.push(sale(id, at(2025, 9, 15)));
    for (let id = 1; id <= 4; id++) sales.push(sale(id, at(2026, 2, 1)));
    sales.push(sale(11, at(2026, 4, 1)), sale(12, at(2026, 5, 10, 9)));
    const NOW = at(2026, 5, 10, 12);
    const y = retention(sales, none, NOW, 'year', 1)[0];
    expect(y).toMatchObject({ key: '2026', end: NOW, complete: false, startCustomers: 10, endCustomers: 12, newCustomers: 2 });
    expect(y.retention).toBe(1);
    expect(y.netGain).toBeCloseTo(0.2);
    // a sale at the very moment counts
    expect(retention([sale(1, NOW)], none, NOW, 'year', 1)[0].endCustomers).toBe(1);
    // later that year, the 6 have gone 365 days without a sale: lost
    const later = retention(sales, none, at(2026, 10, 1), 'year', 1)[0];
    expect(later).toMatchObject({ startCustomers: 10, endCustomers: 6, newCustomers: 2 });
    expect(later.retention).toBeCloseTo(0.4);
  });

  it('counts a client marked former as lost from then, whatever they bought in the year before', () => {
    const sales = [sale(1, at(2025, 11, 1)), sale(2, at(2025, 11, 1))];
    const q = retention(sales, [{ id: 1, formerSince: at(2026, 2, 1) }], at(2026, 5, 10), 'quarter', 2);
    // Q1 2026: both customers on 1 January; client 1 marked former in February
    expect(q[0]).toMatchObject({ key: '2026-Q1', startCustomers: 2, endCustomers: 1 });
    expect(q[0].retention).toBe(0.5);
    expect(customersAt(sales, [{ id: 1, formerSince: at(2026, 2, 1) }], at(2026, 1, 15))).toBe(2);
    expect(customersAt(sales, [{ id: 1, formerSince: at(2026, 2, 1) }], at(2026, 2, 15))).toBe(1);
  });

  it('lists quarters across the year boundary', () => {
    expect(lastPeriods(at(2026, 2, 1), 'quarter', 3).map((p) => p.label)).toEqual(['Q3 2025', 'Q4 2025', 'Q1 2026']);
  });
});

describe('the second sale, referrers and satisfaction', () => {
  const sale = (clientId: number, t: number) => ({ clientId, at: t, kind: 'sale' as const });
  const NOW = at(2026, 11, 22);
  it('the share of first-time buyers who bought again within 90 days and within a year, counting only closed windows', () => {
    const s = secondSale([
      sale(1, at(2025, 1, 10)), sale(1, at(2025, 2, 1)), // again after 22 days
      sale(2, at(2025, 1, 10)), sale(2, at(2025, 9, 1)), // again after ~8 months
      sale(3, at(2025, 3, 1)), // never again
      sale(4, at(2026, 7, 1)), sale(4, at(2026, 8, 1)), // again in 31 days; its year is not over
      sale(5, at(2026, 11, 1)), // 21 days ago: its 90 days are not over
    ], NOW);
    expect(s.within90).toEqual({ of: 4, bought: 2, share: 0.5 });
    expect(s.withinYear).toEqual({ of: 3, bought: 2, share: 2 / 3 });
    expect(secondSale([], NOW).within90.share).toBeNull();
  });
  it('ranks the top referrers, with how many of those they referred bought', () => {
    const clients = [
      { id: 1, name: 'Dana', saleCount: 2 }, { id: 2, name: 'Ola', saleCount: 1 },
      { id: 3, name: 'Ravi', saleCount: 1 }, { id: 4, name: 'Kim', saleCount: 0 },
    ];
    const refs = [
      { clientId: 1, kind: 'referral' as const, referredClientId: 3 },
      { clientId: 1, kind: 'referral' as const, referredClientId: 4 },
      { clientId: 1, kind: 'referral' as const },
      { clientId: 2, kind: 'referral' as const },
      { clientId: 2, kind: 'note' as const },
    ];
    expect(topReferrers(refs, clients)).toEqual([
      { clientId: 1, name: 'Dana', referred: 3, bought: 1 },
      { clientId: 2, name: 'Ola', referred: 1, bought: 0 },
    ]);
    expect(topReferrers(refs, clients, 1)).toHaveLength(1);
  });
  it('gives the satisfaction scores per quarter: average, promoters and detractors', () => {
    const sc = (score: number, t: number) => ({ kind: 'score' as const, score, at: t });
    const q = scoresOverTime([sc(10, at(2026, 7, 2)), sc(9, at(2026, 8, 2)), sc(6, at(2026, 9, 2)), sc(8, at(2026, 11, 1))], NOW, 'quarter', 2);
    expect(q[0]).toMatchObject({ key: '2026-Q3', answers: 3, complete: true });
    expect(q[0].average).toBeCloseTo(25 / 3);
    expect(q[0].promoters).toBeCloseTo(2 / 3);
    expect(q[0].detractors).toBeCloseTo(1 / 3);
    expect(q[1]).toMatchObject({ key: '2026-Q4', answers: 1, average: 8, promoters: 0, detractors: 0, complete: false });
    expect(scoresOverTime([], NOW, 'quarter', 1)[0]).toMatchObject({ answers: 0, average: null });
  });
});

describe('reply speed', () => {
  it('measures each client email to the first answer, per month, with median and p90', () => {
    const tps = [
      // client 1, October: answered after 2 h and after 30 h (by a call)
      { clientId: 1, kind: 'email-in' as const, at: at(2026, 10, 1, 9) },
      { clientId: 1, kind: 'email-out' as const, at: at(2026, 10, 1, 11) },
      { clientId: 1, kind: 'email-in' as const, at: at(2026, 10, 5, 9) },
      { clientId: 1, kind: 'note' as const, at: at(2026, 10, 5, 10) }, // a note answers nothing
      { clientId: 1, kind: 'call' as const, at: at(2026, 10, 6, 15) },
      // client 2, October: 10 h; November: still unanswered
      { clientId: 2, kind: 'email-in' as const, at: at(2026, 10, 20, 8) },
      { clientId: 2, kind: 'meeting' as const, at: at(2026, 10, 20, 18) },
      { clientId: 2, kind: 'email-in' as const, at: at(2026, 11, 20, 8) },
    ];
    const r = replySpeed(tps);
    expect(r.months.map((m) => m.key)).toEqual(['2026-10', '2026-11']);
    // October times: 2, 10, 30 -> median 10, p90 nearest-rank ceil(0.9*3)=3rd = 30; within 24 h: 2 of 3
    expect(r.months[0]).toMatchObject({ answered: 3, unanswered: 0, medianHours: 10, p90Hours: 30 });
    expect(r.months[0].within24Share).toBeCloseTo(2 / 3);
    expect(r.months[1]).toMatchObject({ answered: 0, unanswered: 1, medianHours: null, p90Hours: null, within24Share: null });
  });
  it('uses nearest-rank percentiles and the usual median', () => {
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(nearestRank([5], 0.9)).toBe(5);
    expect(nearestRank([], 0.9)).toBeNull();
    expect(median([1, 3])).toBe(2);
  });
});

describe('templates that work', () => {
  it('counts uses and answers within 7 days', () => {
    const tps = [
      { clientId: 1, kind: 'email-out' as const, at: at(2026, 10, 1), templateId: 1 },
      { clientId: 1, kind: 'email-in' as const, at: at(2026, 10, 3) }, // answered in 2 days
      { clientId: 2, kind: 'email-out' as const, at: at(2026, 10, 1), templateId: 1 },
      { clientId: 2, kind: 'email-in' as const, at: at(2026, 10, 9) }, // 8 days: too late
      { clientId: 3, kind: 'email-out' as const, at: at(2026, 10, 1), templateId: 2 },
    ];
    expect(templateStats([{ id: 1, name: "How'm I doing?" }, { id: 2, name: 'Plan review' }, { id: 3, name: 'Unused' }], tps)).toEqual([
      { templateId: 1, name: "How'm I doing?", used: 2, answered: 1, answerRate: 0.5 },
      { templateId: 2, name: 'Plan review', used: 1, answered: 0, answerRate: 0 },
    ]);
  });
});

describe('portfolio', () => {
  it('counts clients by stage, overdue and due soon', () => {
    const NOW = at(2026, 11, 22);
    const c = (stage: Client['stage'], nextDueAt: number, extra: Partial<Client> = {}) =>
      ({ stage, nextDueAt, emails: [], name: '', tags: [], importantDates: [], notes: '', saleCount: 0, lifetimeValue: 0, createdAt: 0, updatedAt: 0, ...extra }) as Client;
    const clients = [c('client', NOW - D), c('client', NOW + 2 * D), c('prospect', NOW + 30 * D), c('former', NOW - D, { snoozedUntil: NOW + D }), c('customer', NOW + 30 * D, { awaitingReplySince: NOW - 3 * D })];
    // in clock hours the customer's email (Thursday noon) has waited 72 h on Sunday noon: late
    expect(portfolio(clients, NOW, { ...DEFAULT_SETTINGS, workingDaysOnly: false })).toEqual({ byStage: { prospect: 1, customer: 1, client: 2, former: 1 }, overdue: 2, dueSoon: 1, total: 5 });
    // in working hours (Monday to Friday) only Thursday's and Friday's 36 count: not late yet
    expect(portfolio(clients, NOW, DEFAULT_SETTINGS)).toEqual({ byStage: { prospect: 1, customer: 1, client: 2, former: 1 }, overdue: 1, dueSoon: 1, total: 5 });
  });
});

describe('answer times over long histories', () => {
  // the definition, written the slow and obvious way: the first reply after each email
  const naive = (tps: { clientId: number; at: number; kind: TouchKind }[]) => {
    const out: { at: number; hours: number | null }[] = [];
    const byClient = new Map<number, typeof tps>();
    for (const t of tps) byClient.set(t.clientId, [...(byClient.get(t.clientId) ?? []), t]);
    for (const list of byClient.values()) {
      const sorted = [...list].sort((a, b) => a.at - b.at);
      sorted.forEach((t, i) => {
        if (t.kind !== 'email-in') return;
        const answer = sorted.slice(i + 1).find((x) => REPLY_KINDS.includes(x.kind));
        out.push({ at: t.at, hours: answer ? (answer.at - t.at) / 3_600_000 : null });
      });
    }
    return out;
  };

  it('match the definition on random histories, ties in time included', () => {
    let seed = 11;
    const r = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
    const kinds: TouchKind[] = ['email-in', 'email-out', 'call', 'note', 'sale', 'meeting'];
    const tps = Array.from({ length: 3000 }, () => ({
      clientId: 1 + Math.floor(r() * 5), at: Math.floor(r() * 400) * 3_600_000, kind: kinds[Math.floor(r() * kinds.length)],
    }));
    const got = answerTimes(tps);
    expect(got.length).toBeGreaterThan(300);
    expect(got).toEqual(naive(tps));
  });

  it('a client with 20,000 touchpoints: each of their emails answered an hour later', () => {
    const tps = Array.from({ length: 20_000 }, (_, i) => ({ clientId: 1, at: i * 3_600_000, kind: (i % 2 ? 'email-out' : 'email-in') as TouchKind }));
    const got = answerTimes(tps);
    expect(got).toHaveLength(10_000);
    expect(got.every((t) => t.hours === 1)).toBe(true);
  });
});
