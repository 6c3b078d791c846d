import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_TEMPLATES, situationsNow, suggestTemplates, daysUntilAnniversary, isRecentSale, lifecycleFacts, type SituationInput,
} from '@/lib/domain/templates';
import { STAGES, type Stage } from '@/lib/domain/model';
import { stageFromSales } from '@/lib/domain/stage';
import { DEFAULT_SETTINGS } from '@/lib/domain/settings';

const NOW = new Date(2026, 10, 22, 12, 0).getTime(); // 22 Nov 2026
const base = { stage: 'client' as const, saleCount: 3, importantDates: [] };

describe('isRecentSale', () => {
  it('is a sale under 30 days old, never one in the future', () => {
    expect(isRecentSale(NOW - 30 * 86_400_000 + 1, NOW)).toBe(true);
    expect(isRecentSale(NOW - 30 * 86_400_000, NOW)).toBe(false);
    expect(isRecentSale(undefined, NOW)).toBe(false);
    expect(isRecentSale(NOW + 1, NOW)).toBe(false);
  });
});

describe('situationsNow', () => {
  it('puts a late reply first, then a birthday within 7 days, then overdue', () => {
    const s = situationsNow({
      client: { ...base, importantDates: [{ label: 'Birthday', month: 11, day: 29 }] },
      replyLate: true, awaitingReply: true, overdue: true, now: NOW,
    });
    expect(s).toEqual(['late-reply', 'birthday', 'overdue']);
  });
  it('does not count a birthday 8 days away, or a reply that is not late', () => {
    expect(
      situationsNow({
        client: { ...base, importantDates: [{ label: 'Birthday', month: 11, day: 30 }] },
        replyLate: false, awaitingReply: true, overdue: false, now: NOW,
      }),
    ).toEqual([]);
  });
  it('knows a new customer and a former client', () => {
    expect(situationsNow({ client: { ...base, stage: 'customer', saleCount: 1 }, replyLate: false, awaitingReply: false, overdue: false, lastSaleAt: NOW - 5 * 86_400_000, now: NOW }))
      .toEqual(['after-purchase', 'new-customer']);
    expect(situationsNow({ client: { ...base, stage: 'former' }, replyLate: false, awaitingReply: false, overdue: false, now: NOW }))
      .toEqual(['former']);
  });
  it('counts days to an anniversary across the new year', () => {
    expect(daysUntilAnniversary(11, 22, NOW)).toBe(0);
    expect(daysUntilAnniversary(1, 2, NOW)).toBe(41);
    expect(daysUntilAnniversary(11, 21, NOW)).toBe(364);
  });
  it('puts 29 February on the 28th in a year without one, and on the 29th in a leap year', () => {
    expect(daysUntilAnniversary(2, 29, new Date(2027, 1, 28, 9).getTime())).toBe(0);
    expect(daysUntilAnniversary(2, 29, new Date(2027, 1, 21).getTime())).toBe(7);
    expect(daysUntilAnniversary(2, 29, new Date(2028, 1, 28).getTime())).toBe(1);
    // after 28 February 2027 the next is 29 February 2028
    expect(daysUntilAnniversary(2, 29, new Date(2027, 2, 1).getTime())).toBe(365);
    const leapBirthday = { ...base, importantDates: [{ label: 'Birthday', month: 2, day: 29 }] };
    expect(situationsNow({ client: leapBirthday, replyLate: false, awaitingReply: false, overdue: false, now: new Date(2027, 1, 25).getTime() })).toEqual(['birthday']);
  });
});

describe('the lifecycle situations (issue 16)', () => {
  const D = 86_400_000;
  const none = { replyLate: false, awaitingReply: false, overdue: false, now: NOW };
  it('due soon: a check-in or something of value; overdue takes its place', () => {
    expect(situationsNow({ client: base, ...none, dueSoon: true })).toEqual(['check-in', 'value']);
    expect(situationsNow({ client: base, ...none, dueSoon: true, overdue: true })).toEqual(['overdue']);
  });
  it('after a sale: thank-you for 30 days, feedback from day 30 for two weeks, the expectation check six months on', () => {
    const at = (days: number) => situationsNow({ client: base, ...none, lastSaleAt: NOW - days * D });
    expect(at(0)).toEqual(['after-purchase']);
    expect(at(29)).toEqual(['after-purchase']);
    expect(at(30)).toEqual(['feedback']);
    expect(at(43)).toEqual(['feedback']);
    expect(at(44)).toEqual([]);
    // 22 May 2026 + 6 months = 22 Nov 2026 (today)
    expect(situationsNow({ client: base, ...none, lastSaleAt: new Date(2026, 4, 22, 9).getTime() })).toEqual(['half-year']);
    expect(situationsNow({ client: base, ...none, lastSaleAt: new Date(2026, 4, 9).getTime() })).toEqual(['half-year']);
    expect(situationsNow({ client: base, ...none, lastSaleAt: new Date(2026, 4, 8).getTime() })).toEqual([]);
  });
  it('a referral ask after the second sale or a score of 9-10, until the user asks', () => {
    const second = { client: base, ...none, secondSaleAt: NOW - 3 * D, lastSaleAt: NOW - 3 * D };
    expect(situationsNow(second)).toEqual(['after-purchase', 'referral']);
    expect(situationsNow({ ...second, referralAskedAt: NOW - D })).toEqual(['after-purchase']);
    expect(situationsNow({ ...second, secondSaleAt: NOW - 40 * D, lastSaleAt: undefined })).toEqual([]);
    const score = (n: number, referralAskedAt?: number) =>
      situationsNow({ client: { ...base, stage: 'customer', saleCount: 1 }, ...none, lastScore: { at: NOW - 2 * D, score: n }, referralAskedAt });
    expect(score(9)).toEqual(['referral', 'new-customer']);
    expect(score(10)).toEqual(['referral', 'new-customer']);
    expect(score(8)).toEqual(['new-customer']);
    // asked before the score: ask again; asked after it: done
    expect(score(10, NOW - 10 * D)).toEqual(['referral', 'new-customer']);
    expect(score(10, NOW - D)).toEqual(['new-customer']);
  });
  it('a holiday the user picked, in the coming week; a dormant client is one to revive', () => {
    const xmas = [{ label: 'Christmas', month: 12, day: 25 }];
    expect(situationsNow({ client: base, ...none, holidays: xmas, now: new Date(2026, 11, 18).getTime() })).toEqual(['holiday']);
    expect(situationsNow({ client: base, ...none, holidays: xmas, now: new Date(2026, 11, 17).getTime() })).toEqual([]);
    expect(situationsNow({ client: base, ...none, holidays: [{ label: 'Leap', month: 2, day: 29 }], now: new Date(2027, 1, 28).getTime() })).toEqual(['holiday']);
    expect(situationsNow({ client: base, ...none, dormant: true })).toEqual(['former']);
  });
  it('reads the moments from a history', () => {
    expect(lifecycleFacts([
      { kind: 'sale', at: 30 }, { kind: 'score', at: 40, score: 6 }, { kind: 'sale', at: 10 }, { kind: 'score', at: 50, score: 10 },
      { kind: 'referral-ask', at: 45 }, { kind: 'sale', at: 20 },
    ])).toEqual({ lastSaleAt: 30, secondSaleAt: 20, lastScore: { at: 50, score: 10 }, referralAskedAt: 45 });
    expect(lifecycleFacts([])).toEqual({});
  });
});

describe('every built-in template is reachable', () => {
  /**
   * Every situation situationsNow can produce, over a wide grid of clients (each stage with
   * a sales count that gives it, or set by hand to former), replies, due states, sales at
   * each moment of the lifecycle, scores, birthdays and holidays: a built-in whose
   * situations none of these produce (for a stage it suits, among the three the panel
   * shows) would never be suggested.
   */
  function* scenarios(): Generator<{ input: SituationInput; stage: Stage }> {
    const D = 86_400_000;
    const saleTimes = [undefined, NOW - 2 * D, NOW - 33 * D, new Date(2026, 4, 20).getTime(), NOW - 400 * D];
    for (const saleCount of [0, 1, 2, 3]) {
      for (const stage of [stageFromSales(saleCount), 'former' as Stage]) {
        for (const flags of Array.from({ length: 16 }, (_, i) => i)) {
          for (const lastSaleAt of saleCount ? saleTimes : [undefined]) {
            for (const extras of Array.from({ length: 8 }, (_, i) => i)) {
              yield {
                stage,
                input: {
                  client: { stage, saleCount, importantDates: extras & 1 ? [{ label: 'Birthday', month: 11, day: 25 }] : [] },
                  replyLate: !!(flags & 1), awaitingReply: !!(flags & 1), overdue: !!(flags & 2), dueSoon: !!(flags & 4), dormant: !!(flags & 8),
                  lastSaleAt,
                  secondSaleAt: saleCount >= 2 ? lastSaleAt : undefined,
                  lastScore: extras & 2 ? { at: NOW - D, score: 10 } : undefined,
                  holidays: extras & 4 ? [{ label: 'Christmas', month: 11, day: 28 }] : DEFAULT_SETTINGS.holidays,
                  now: NOW,
                },
              };
            }
          }
        }
      }
    }
  }

  it('each has a situation situationsNow produces, for a stage it suits', () => {
    const reached = new Set<string>();
    for (const { input, stage } of scenarios()) {
      for (const t of suggestTemplates([...BUILT_IN_TEMPLATES], situationsNow(input), stage, 3)) reached.add(t.builtInKey);
    }
    const unreached = BUILT_IN_TEMPLATES.map((t) => t.builtInKey).filter((k) => !reached.has(k));
    expect(unreached).toEqual([]);
    expect(STAGES.length).toBe(4);
  });
});

describe('suggestTemplates', () => {
  const all = [...BUILT_IN_TEMPLATES];
  it("offers the late-reply apology first when a reply is late, then How'm I doing? when overdue", () => {
    const picked = suggestTemplates(all, ['late-reply', 'overdue'], 'client');
    expect(picked.map((t) => t.builtInKey)).toEqual(['late-reply', 'how-am-i-doing', 'useful-article']);
  });
  it('offers the second-sale follow-up to a new customer, never the plan review to a prospect', () => {
    expect(suggestTemplates(all, ['new-customer'], 'customer').map((t) => t.builtInKey)).toContain('second-sale');
    expect(suggestTemplates(all, ['overdue'], 'prospect').map((t) => t.builtInKey)).not.toContain('plan-review');
  });
  it('offers nothing when nothing fits', () => {
    expect(suggestTemplates(all, [], 'client')).toEqual([]);
  });
});
