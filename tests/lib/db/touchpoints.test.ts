import { beforeEach, describe, expect, it } from 'vitest';
import {
  createClient, getClient, logTouchpoint, deleteTouchpoint, restoreTouchpoint, updateTouchpoint,
  listHistory, ValidationError, NotFoundError, updateSettings,
} from '@/lib/db';
import { newTouchpointId } from '@/lib/domain/ids';
import { resetDb, dumpDb, DAY, HOUR } from './helpers';

const T0 = new Date(2026, 0, 5, 10, 0).getTime();
const endOfDay = (y: number, m: number, d: number) => new Date(y, m, d, 23, 59, 59, 999).getTime();

let clientId: number;
beforeEach(async () => {
  await resetDb();
  clientId = (await createClient({ name: 'Dana', emails: ['dana@acme.com'] }, T0)).id!;
});

describe('logTouchpoint keeps the derived fields true', () => {
  it('a call sets last contact and the next due date', async () => {
    await logTouchpoint({ clientId, kind: 'call', at: T0 + 2 * DAY }, T0 + 2 * DAY);
    const c = (await getClient(clientId))!;
    expect(c.lastContactAt).toBe(T0 + 2 * DAY);
    expect(c.nextDueAt).toBe(endOfDay(2026, 0, 21)); // Jan 7 + 14 days
  });

  it('a note is not a contact', async () => {
    await logTouchpoint({ clientId, kind: 'note', summary: 'likes golf', at: T0 + DAY }, T0 + DAY);
    expect((await getClient(clientId))!.lastContactAt).toBeUndefined();
  });

  it('sales set the stage and the lifetime value', async () => {
    await logTouchpoint({ clientId, kind: 'sale', amount: 1200.1, at: T0 }, T0);
    let c = (await getClient(clientId))!;
    expect([c.stage, c.saleCount, c.lifetimeValue]).toEqual(['customer', 1, 1200.1]);
    expect(c.nextDueAt).toBe(endOfDay(2026, 0, 19)); // a customer: 14 days
    await logTouchpoint({ clientId, kind: 'sale', amount: 0.2, at: T0 + DAY }, T0 + DAY);
    c = (await getClient(clientId))!;
    expect([c.stage, c.saleCount, c.lifetimeValue]).toEqual(['client', 2, 1200.3]);
    expect(c.nextDueAt).toBe(endOfDay(2026, 1, 17)); // a client: 42 days after Jan 6
  });

  it('an inbound email waits for an answer until any outbound touch', async () => {
    await logTouchpoint({ clientId, kind: 'email-in', at: T0 }, T0);
    await logTouchpoint({ clientId, kind: 'email-in', at: T0 + HOUR }, T0 + HOUR);
    expect((await getClient(clientId))!.awaitingReplySince).toBe(T0);
    await logTouchpoint({ clientId, kind: 'note', summary: 'read it', at: T0 + 2 * HOUR }, T0 + 2 * HOUR);
    expect((await getClient(clientId))!.awaitingReplySince).toBe(T0);
    await logTouchpoint({ clientId, kind: 'call', at: T0 + 3 * HOUR }, T0 + 3 * HOUR);
    expect((await getClient(clientId))!.awaitingReplySince).toBeUndefined();
  });

  it('records a detected email once per message key', async () => {
    const a = await logTouchpoint({ clientId, kind: 'email-in', at: T0, messageKey: 'gmail:t1:m1:1', source: 'detected' }, T0);
    const b = await logTouchpoint({ clientId, kind: 'email-in', at: T0, messageKey: 'gmail:t1:m1:1', source: 'detected' }, T0);
    expect(b.id).toBe(a.id);
    expect(await listHistory(clientId)).toHaveLength(1);
  });
});

describe('bad input changes nothing', () => {
  it.each([
    ['a negative sale', { kind: 'sale', amount: -5 }, /cannot be negative/],
    ['a sale amount that is not a number', { kind: 'sale', amount: Number.NaN }, /must be a number/],
    ['a date that is not a date', { kind: 'call', at: 'yesterday-ish' }, /not a date/],
    ['an impossible date', { kind: 'call', at: Number.POSITIVE_INFINITY }, /not a date/],
    ['an unknown kind', { kind: 'telepathy' }, /unknown kind/],
    ['a note without text', { kind: 'note', summary: '   ' }, /needs text/],
    ['an amount on a call', { kind: 'call', amount: 10 }, /only a sale/],
  ])('refuses %s', async (_, patch, message) => {
    const before = await dumpDb();
    await expect(logTouchpoint({ clientId, ...(patch as object) } as never, T0)).rejects.toThrow(message);
    expect(await dumpDb()).toEqual(before);
  });

  it('refuses a touchpoint for a client that does not exist', async () => {
    const before = await dumpDb();
    await expect(logTouchpoint({ clientId: 4242, kind: 'call' }, T0)).rejects.toThrow(NotFoundError);
    await expect(logTouchpoint({ clientId: -1, kind: 'call' }, T0)).rejects.toThrow(ValidationError);
    expect(await dumpDb()).toEqual(before);
  });
});

describe('delete, undo, update and history', () => {
  it('deleting the latest contact moves last contact back; undo restores it exactly', async () => {
    await logTouchpoint({ clientId, kind: 'meeting', at: T0 }, T0);
    const call = await logTouchpoint({ clientId, kind: 'call', at: T0 + 3 * DAY }, T0 + 3 * DAY);
    const withCall = (await getClient(clientId))!;
    expect(withCall.lastContactAt).toBe(T0 + 3 * DAY);

    const removed = await deleteTouchpoint({ clientId, id: call.id! }, T0 + 4 * DAY);
    expect(removed).toEqual(call);
    const without = (await getClient(clientId))!;
    expect(without.lastContactAt).toBe(T0);
    expect(without.nextDueAt).toBe(endOfDay(2026, 0, 19));

    await restoreTouchpoint(removed, T0 + 4 * DAY);
    const history = await listHistory(clientId);
    expect(history.map((t) => t.id)).toContain(call.id);
    expect((await getClient(clientId))!.lastContactAt).toBe(T0 + 3 * DAY);
    await expect(deleteTouchpoint({ clientId, id: newTouchpointId() })).rejects.toThrow(NotFoundError);
  });

  it('deleting the only sale turns a customer back into a prospect', async () => {
    const sale = await logTouchpoint({ clientId, kind: 'sale', amount: 50, at: T0 }, T0);
    await deleteTouchpoint({ clientId, id: sale.id! }, T0);
    const c = (await getClient(clientId))!;
    expect([c.stage, c.saleCount, c.lifetimeValue]).toEqual(['prospect', 0, 0]);
  });

  it('editing a sale amount updates the lifetime value; a bad edit changes nothing', async () => {
    const sale = await logTouchpoint({ clientId, kind: 'sale', amount: 50, at: T0 }, T0);
    await updateTouchpoint({ clientId, id: sale.id! }, { amount: 80, summary: 'annual plan' }, T0);
    expect((await getClient(clientId))!.lifetimeValue).toBe(80);
    const before = await dumpDb();
    await expect(updateTouchpoint({ clientId, id: sale.id! }, { amount: -1 }, T0)).rejects.toThrow(/negative/);
    expect(await dumpDb()).toEqual(before);
  });

  it('lists the history newest first, limited on request, and only that client', async () => {
    const other = (await createClient({ name: 'Lee', emails: ['lee@globex.io'] }, T0)).id!;
    for (let i = 0; i < 5; i++) await logTouchpoint({ clientId, kind: 'call', at: T0 + i * DAY }, T0 + i * DAY);
    await logTouchpoint({ clientId: other, kind: 'call', at: T0 + 10 * DAY }, T0);
    const all = await listHistory(clientId);
    expect(all.map((t) => t.at)).toEqual([4, 3, 2, 1, 0].map((i) => T0 + i * DAY));
    expect((await listHistory(clientId, 2)).map((t) => t.at)).toEqual([T0 + 4 * DAY, T0 + 3 * DAY]);
  });
});

describe('settings drive the derived fields', () => {
  it('changing a stage cadence re-derives every client in the same write', async () => {
    await logTouchpoint({ clientId, kind: 'call', at: T0 }, T0);
    await updateSettings({ cadenceDays: { prospect: 7 } as never });
    expect((await getClient(clientId))!.nextDueAt).toBe(endOfDay(2026, 0, 12));
    const before = await dumpDb();
    await expect(updateSettings({ cadenceDays: { client: 120 } as never })).rejects.toThrow(/over 91 days/);
    await expect(updateSettings({ ownAddresses: ['me at home'] })).rejects.toThrow(/not an email address/);
    expect(await dumpDb()).toEqual(before);
    await updateSettings({ allowLongCadence: true, cadenceDays: { prospect: 120 } as never });
    expect((await getClient(clientId))!.nextDueAt).toBe(endOfDay(2026, 4, 5)); // Jan 5 + 120 days
  });
});
