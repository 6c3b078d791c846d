import { beforeEach, describe, expect, it } from 'vitest';
import { createClient, logTouchpoint, updateClient } from '@/lib/db';
import { listToday } from '@/lib/db/today';
import { DEFAULT_SETTINGS } from '@/lib/domain/settings';
import { resetDb, DAY, HOUR } from './helpers';

const NOW = new Date(2026, 10, 22, 12, 0).getTime(); // a Sunday
/** plain clock hours: the ages below were chosen before replies counted working days only */
const CLOCK = { ...DEFAULT_SETTINGS, workingDaysOnly: false };

beforeEach(resetDb);

async function client(name: string, lastContactDaysAgo: number, opts: { sales?: number[]; inboundHoursAgo?: number } = {}) {
  const c = await createClient({ name, emails: [`${name.toLowerCase()}@acme.com`] }, NOW - 400 * DAY);
  for (const amount of opts.sales ?? []) {
    await logTouchpoint({ clientId: c.id!, kind: 'sale', amount, at: NOW - 300 * DAY }, NOW);
  }
  await logTouchpoint({ clientId: c.id!, kind: 'call', at: NOW - lastContactDaysAgo * DAY }, NOW);
  if (opts.inboundHoursAgo !== undefined) {
    await logTouchpoint({ clientId: c.id!, kind: 'email-in', at: NOW - opts.inboundHoursAgo * HOUR }, NOW);
  }
  return c;
}

describe('listToday', () => {
  it('orders late replies, then overdue by days and value, then due soon, then dates', async () => {
    await client('Late', 5, { inboundHoursAgo: 72 });
    await client('Later', 5, { inboundHoursAgo: 100 });
    await client('NotLate', 5, { inboundHoursAgo: 47 });
    await client('Small', 14 + 20); // prospect 20 days overdue, no sales
    await client('Big', 42 + 12, { sales: [50_000, 50_000] }); // client 12 days overdue, worth 100k
    await client('Tiny', 42 + 3, { sales: [10, 10] }); // 3 days overdue
    await client('Soon', 12); // prospect due in 2 days
    const bday = await client('Birthday', 1);
    await updateClient(bday.id!, { importantDates: [{ label: 'Birthday', month: 11, day: 25 }] }, NOW);
    const snoozed = await client('Snoozed', 60);
    await updateClient(snoozed.id!, { snoozedUntil: NOW + DAY }, NOW);

    const t = await listToday(NOW, CLOCK);
    expect(t.lateReplies.map((e) => [e.client.name, e.amount])).toEqual([['Later', 100], ['Late', 72]]);
    // in working hours (the default), on Sunday noon the email of Thursday noon has waited
    // 36 h: not late; the one of Wednesday 08:00 has waited 64 h: late (its amount stays clock hours)
    expect((await listToday(NOW)).lateReplies.map((e) => [e.client.name, e.amount])).toEqual([['Later', 100]]);
    // Big: 12 days x weight(100k) ≈ 12 x 3.0 = 36 beats Small: 20 x 1 = 20
    expect(t.overdue.map((e) => e.client.name)).toEqual(['Big', 'Small', 'Tiny']);
    expect(t.overdue.map((e) => e.amount)).toEqual([12, 20, 3]);
    expect(t.dueSoon.map((e) => [e.client.name, e.amount])).toEqual([['Soon', 2]]);
    expect(t.dates.map((e) => [e.client.name, e.amount, e.date?.label])).toEqual([['Birthday', 3, 'Birthday']]);
  });

  it('is empty for an empty database', async () => {
    expect(await listToday(NOW)).toEqual({
      lateReplies: [], overdue: [], dueSoon: [], dormant: [], dates: [], totals: { lateReplies: 0, overdue: 0, dueSoon: 0, dormant: 0, dates: 0 },
    });
  });

  it('with a limit, gives the most urgent rows of each section and the full counts', async () => {
    for (let i = 0; i < 4; i++) await client(`Late${i}`, 5, { inboundHoursAgo: 60 + i * 10 });
    for (let i = 0; i < 4; i++) await client(`Over${i}`, 14 + 5 + i); // prospects 5..8 days overdue
    for (let i = 0; i < 4; i++) await client(`Soon${i}`, 14 - 3 + (i % 3)); // due in 3, 2, 1, 3 days
    const snoozedLate = await client('SnoozedLate', 5, { inboundHoursAgo: 200 });
    await updateClient(snoozedLate.id!, { snoozedUntil: NOW + DAY }, NOW);
    const snoozedSoon = await client('SnoozedSoon', 13);
    await updateClient(snoozedSoon.id!, { snoozedUntil: NOW + DAY }, NOW);
    // a late reply that is also due soon is listed once, as a late reply
    await client('LateAndSoon', 12, { inboundHoursAgo: 50 });

    const all = await listToday(NOW, CLOCK);
    const top = await listToday(NOW, CLOCK, 2);
    expect(all.totals).toEqual({ lateReplies: 5, overdue: 4, dueSoon: 4, dormant: 0, dates: 0 });
    expect(top.totals).toEqual(all.totals);
    expect(all.lateReplies.map((e) => e.client.name)).toEqual(['Late3', 'Late2', 'Late1', 'Late0', 'LateAndSoon']);
    expect(top.lateReplies.map((e) => e.client.name)).toEqual(['Late3', 'Late2']);
    expect(top.overdue.map((e) => e.client.name)).toEqual(['Over3', 'Over2']);
    expect(all.dueSoon.map((e) => [e.client.name, e.amount])).toEqual([['Soon2', 1], ['Soon1', 2], ['Soon0', 3], ['Soon3', 3]]);
    expect(top.dueSoon).toEqual(all.dueSoon.slice(0, 2));
  });

  it('counts a client due on the last day of the due-soon window, not the day after', async () => {
    await client('Edge', 14 - 3); // due in 3 calendar days (the default window is 3)
    await client('After', 14 - 4); // due in 4
    const t = await listToday(NOW);
    expect(t.dueSoon.map((e) => [e.client.name, e.amount])).toEqual([['Edge', 3]]);
    expect(t.totals.dueSoon).toBe(1);
  });

  it('has a section of its own for dormant customers and clients, the most recently dormant first', async () => {
    // bought 14 and 20 months ago, nothing since (and overdue too: they are listed as dormant, once)
    const a = await createClient({ name: 'Quiet', emails: ['quiet@acme.com'] }, NOW - 900 * DAY);
    await logTouchpoint({ clientId: a.id!, kind: 'sale', amount: 10, at: NOW - 425 * DAY }, NOW);
    const b = await createClient({ name: 'Silent', emails: ['silent@acme.com'] }, NOW - 900 * DAY);
    await logTouchpoint({ clientId: b.id!, kind: 'sale', amount: 10, at: NOW - 700 * DAY }, NOW);
    await logTouchpoint({ clientId: b.id!, kind: 'sale', amount: 10, at: NOW - 610 * DAY }, NOW);
    // bought 11 months ago: not yet; a former client: never; a snoozed flag: not now
    const c = await createClient({ name: 'Recent', emails: ['recent@acme.com'] }, NOW - 900 * DAY);
    await logTouchpoint({ clientId: c.id!, kind: 'sale', amount: 10, at: NOW - 330 * DAY }, NOW);
    const d = await createClient({ name: 'Gone', emails: ['gone@acme.com'], stageOverride: 'former' }, NOW - 900 * DAY);
    await logTouchpoint({ clientId: d.id!, kind: 'sale', amount: 10, at: NOW - 500 * DAY }, NOW);
    const e = await createClient({ name: 'Later', emails: ['later@acme.com'] }, NOW - 900 * DAY);
    await logTouchpoint({ clientId: e.id!, kind: 'sale', amount: 10, at: NOW - 500 * DAY }, NOW);
    await updateClient(e.id!, { dormantSnoozedUntil: NOW + 90 * DAY }, NOW);

    const t = await listToday(NOW);
    expect(t.dormant.map((x) => [x.client.name, x.amount])).toEqual([['Quiet', 13], ['Silent', 20]]);
    expect(t.totals.dormant).toBe(2);
    expect(t.overdue.map((x) => x.client.name)).toEqual(['Later', 'Gone', 'Recent']);
    expect((await listToday(NOW, undefined, 1)).dormant.map((x) => x.client.name)).toEqual(['Quiet']);
    // with a shorter dormant time, Recent is dormant too (and the settings write re-derives it)
    const { updateSettings } = await import('@/lib/db/settings');
    await updateSettings({ dormantMonths: 10 });
    expect((await listToday(NOW)).dormant.map((x) => x.client.name)).toEqual(['Recent', 'Quiet', 'Silent']);
  });

  it('shows a 29 February birthday on 28 February in a year without one', async () => {
    const leap = await createClient({ name: 'Leap', emails: ['leap@acme.com'] }, NOW - 10 * DAY);
    await updateClient(leap.id!, { importantDates: [{ label: 'Birthday', month: 2, day: 29 }] }, NOW);
    const feb25 = new Date(2027, 1, 25, 9).getTime();
    expect((await listToday(feb25)).dates.map((x) => [x.client.name, x.amount])).toEqual([['Leap', 3]]);
    expect((await listToday(new Date(2027, 1, 28, 9).getTime())).dates.map((x) => x.amount)).toEqual([0]);
    // in a leap year, on the 29th itself
    expect((await listToday(new Date(2028, 1, 25, 9).getTime())).dates.map((x) => x.amount)).toEqual([4]);
    expect((await listToday(new Date(2027, 2, 1, 9).getTime())).dates).toEqual([]);
  });
});

describe('wholeMonths', () => {
  it('counts whole months as date-fns does', async () => {
    const { differenceInMonths } = await import('date-fns');
    const { wholeMonths } = await import('@/lib/db/today');
    const base = new Date(2025, 0, 31, 12).getTime();
    for (let d = 0; d < 800; d += 7) {
      const to = base + d * DAY + (d % 3) * HOUR;
      expect(wholeMonths(base, to)).toBe(differenceInMonths(to, base));
    }
  });
});
