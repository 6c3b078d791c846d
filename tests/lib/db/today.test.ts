import { beforeEach, describe, expect, it } from 'vitest';
import { createClient, logTouchpoint, updateClient } from '@/lib/db';
import { listToday } from '@/lib/db/today';
import { resetDb, DAY, HOUR } from './helpers';

const NOW = new Date(2026, 10, 22, 12, 0).getTime();

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

    const t = await listToday(NOW);
    expect(t.lateReplies.map((e) => [e.client.name, e.amount])).toEqual([['Later', 100], ['Late', 72]]);
    // Big: 12 days x weight(100k) ≈ 12 x 3.0 = 36 beats Small: 20 x 1 = 20
    expect(t.overdue.map((e) => e.client.name)).toEqual(['Big', 'Small', 'Tiny']);
    expect(t.overdue.map((e) => e.amount)).toEqual([12, 20, 3]);
    expect(t.dueSoon.map((e) => [e.client.name, e.amount])).toEqual([['Soon', 2]]);
    expect(t.dates.map((e) => [e.client.name, e.amount, e.date?.label])).toEqual([['Birthday', 3, 'Birthday']]);
  });

  it('is empty for an empty database', async () => {
    expect(await listToday(NOW)).toEqual({ lateReplies: [], overdue: [], dueSoon: [], dates: [] });
  });
});
