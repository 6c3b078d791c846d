import { describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATES, situationsNow, suggestTemplates, daysUntilAnniversary, isRecentSale } from '@/lib/domain/templates';

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
