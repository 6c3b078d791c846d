import { describe, expect, it } from 'vitest';
import { pareto, retention, replySpeed, nearestRank, median, templateStats, portfolio, lastPeriods } from '@/lib/domain/insights';
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

describe('retention per quarter', () => {
  const sale = (clientId: number, t: number) => ({ clientId, at: t, kind: 'sale' as const });
  const NOW = at(2026, 11, 22);
  it('computes the repeat rate and net change over the last 8 quarters', () => {
    const sales = [
      sale(1, at(2026, 4, 10)), sale(2, at(2026, 5, 1)), sale(3, at(2026, 6, 30)), // Q2: buyers 1, 2, 3 (all new)
      sale(1, at(2026, 7, 5)), sale(3, at(2026, 9, 1)), sale(4, at(2026, 8, 8)), // Q3: 1, 3 again; 4 new; 2 lost
      sale(4, at(2026, 10, 2)), // Q4: 4 again; 1 and 3 lost
      sale(9, at(2024, 1, 1)), // long before: outside the window
    ];
    const r = retention(sales, NOW);
    expect(r.map((p) => p.key)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    const [q2, q3, q4] = r.slice(5);
    // Q2: nobody bought in Q1 -> the rate is unknown, not 0; three new customers
    expect(q2).toMatchObject({ buyers: 3, previousBuyers: 0, rate: null, newCustomers: 3, lost: 0, netChange: 3 });
    // Q3: of 3 buyers in Q2, 2 bought again -> 2/3; 1 new (client 4); 1 lost (client 2) -> net 0
    expect(q3).toMatchObject({ buyers: 3, previousBuyers: 3, retained: 2, newCustomers: 1, lost: 1, netChange: 0 });
    expect(q3.rate).toBeCloseTo(2 / 3);
    // Q4: of 3 buyers in Q3, only 4 bought again -> 1/3; 0 new; 2 lost -> net -2
    expect(q4).toMatchObject({ retained: 1, newCustomers: 0, lost: 2, netChange: -2 });
    // empty quarters stay empty
    expect(r[0]).toMatchObject({ buyers: 0, previousBuyers: 0, rate: null, netChange: 0 });
    // only the quarter that holds today is still running
    expect(r.map((p) => p.complete)).toEqual([true, true, true, true, true, true, true, false]);
    expect(retention(sales, at(2027, 1, 1)).find((p) => p.key === '2026-Q4')?.complete).toBe(true);
  });
  it('computes it per year too', () => {
    const r = retention([sale(1, at(2025, 3, 1)), sale(2, at(2025, 6, 1)), sale(1, at(2026, 2, 1))], NOW, 'year', 2);
    expect(r.map((p) => [p.key, p.rate, p.netChange])).toEqual([['2025', null, 2], ['2026', 0.5, -1]]);
  });
  it('lists quarters across the year boundary', () => {
    expect(lastPeriods(at(2026, 2, 1), 'quarter', 3).map((p) => p.label)).toEqual(['Q3 2025', 'Q4 2025', 'Q1 2026']);
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
