import { beforeEach, describe, expect, it } from 'vitest';
import {
  createClient, getClient, logTouchpoint, deleteTouchpoint, restoreTouchpoint, updateTouchpoint, listHistory,
  captureThread, deleteClient, db, NotFoundError, ValidationError,
} from '@/lib/db';
import { allTouchpoints, countTouchpoints, nextTouchpointId, packHistories } from '@/lib/db/history';
import type { Touchpoint } from '@/lib/domain/model';
import type { ThreadSnapshot } from '@/lib/domain/model';
import { resetDb, dumpDb, DAY } from './helpers';

const T0 = new Date(2026, 2, 2, 9, 0).getTime();
const tp = (over: Partial<Touchpoint>): Touchpoint => ({ clientId: 1, at: T0, kind: 'call', source: 'manual', createdAt: T0, ...over });

describe('packHistories', () => {
  it('makes one row per client, each sorted by time then id, keeping the ids it can', () => {
    const rows = packHistories([
      tp({ id: 4, clientId: 2, at: T0 + 5 }),
      tp({ id: 9, clientId: 1, at: T0 + 2 }),
      tp({ id: 2, clientId: 1, at: T0 + 2 }),
      tp({ id: 1, clientId: 1, at: T0 }),
    ]);
    expect(rows.map((r) => [r.clientId, r.items.map((t) => t.id)])).toEqual([[1, [1, 2, 9]], [2, [4]]]);
  });

  it('gives a touchpoint without an id, or with one its client already uses, the next free id', () => {
    const [row] = packHistories([tp({ id: 3 }), tp({ id: 3, at: T0 + 1 }), tp({ at: T0 + 2 })]);
    expect(row.items.map((t) => t.id)).toEqual([3, 4, 5]);
    // the same id under two clients is no clash
    expect(packHistories([tp({ id: 1, clientId: 1 }), tp({ id: 1, clientId: 2 })]).map((r) => r.items[0].id)).toEqual([1, 1]);
  });

  it('nextTouchpointId is one past the highest, 1 for an empty history', () => {
    expect(nextTouchpointId([])).toBe(1);
    expect(nextTouchpointId([tp({ id: 7 }), tp({ id: 2 })])).toBe(8);
  });
});

describe('a client history in one record', () => {
  let a: number;
  let b: number;
  beforeEach(async () => {
    await resetDb();
    a = (await createClient({ name: 'Dana', emails: ['dana@acme.com'] }, T0)).id!;
    b = (await createClient({ name: 'Lee', emails: ['lee@globex.io'] }, T0)).id!;
  });

  it('numbers touchpoints within their client and keeps the record sorted however they arrive', async () => {
    await logTouchpoint({ clientId: a, kind: 'call', at: T0 + 2 * DAY }, T0 + 2 * DAY);
    await logTouchpoint({ clientId: a, kind: 'meeting', at: T0 }, T0 + 2 * DAY); // logged late
    await logTouchpoint({ clientId: b, kind: 'call', at: T0 + DAY }, T0 + DAY);
    const row = (await db.histories.get(a))!;
    expect(row.items.map((t) => [t.kind, t.id])).toEqual([['meeting', 2], ['call', 1]]);
    expect((await db.histories.get(b))!.items.map((t) => t.id)).toEqual([1]);
    expect(await countTouchpoints()).toBe(3);
    expect((await allTouchpoints()).map((t) => t.clientId).sort()).toEqual([a, a, b].sort());
  });

  it('an edited date moves the touchpoint to its place, and the derived fields follow', async () => {
    const first = await logTouchpoint({ clientId: a, kind: 'call', at: T0 }, T0);
    await logTouchpoint({ clientId: a, kind: 'meeting', at: T0 + DAY }, T0 + DAY);
    await updateTouchpoint({ clientId: a, id: first.id! }, { at: T0 + 3 * DAY }, T0 + 3 * DAY);
    expect((await listHistory(a)).map((t) => t.kind)).toEqual(['call', 'meeting']);
    expect((await getClient(a))!.lastContactAt).toBe(T0 + 3 * DAY);
  });

  it('a touchpoint is named with its client: the same id under another client is not it', async () => {
    const call = await logTouchpoint({ clientId: a, kind: 'call', at: T0 }, T0);
    await logTouchpoint({ clientId: b, kind: 'call', at: T0 }, T0);
    const before = await dumpDb();
    await expect(deleteTouchpoint({ clientId: b, id: call.id! + 5 })).rejects.toThrow(NotFoundError);
    await expect(deleteTouchpoint({ clientId: 999, id: call.id! })).rejects.toThrow(NotFoundError);
    await expect(deleteTouchpoint({ clientId: a } as never)).rejects.toThrow(ValidationError);
    await expect(updateTouchpoint(null as never, { summary: 'x' })).rejects.toThrow(ValidationError);
    expect(await dumpDb()).toEqual(before);
    await deleteTouchpoint({ clientId: b, id: call.id! }, T0);
    expect(await listHistory(a)).toHaveLength(1);
    expect(await listHistory(b)).toHaveLength(0);
  });

  it('deleting the last touchpoint leaves no empty record; undo brings it back with its id', async () => {
    const call = await logTouchpoint({ clientId: a, kind: 'call', at: T0 }, T0);
    const removed = await deleteTouchpoint({ clientId: a, id: call.id! }, T0);
    expect(await db.histories.get(a)).toBeUndefined();
    expect((await getClient(a))!.lastContactAt).toBeUndefined();
    expect(await restoreTouchpoint(removed, T0)).toEqual(call);
    expect((await getClient(a))!.lastContactAt).toBe(T0);
  });

  it('an undo whose id was given to a newer touchpoint meanwhile gets a fresh one, and both stay', async () => {
    await logTouchpoint({ clientId: a, kind: 'meeting', at: T0 }, T0);
    const call = await logTouchpoint({ clientId: a, kind: 'call', at: T0 + DAY }, T0 + DAY);
    const removed = await deleteTouchpoint({ clientId: a, id: call.id! }, T0 + DAY);
    const note = await logTouchpoint({ clientId: a, kind: 'note', summary: 'x', at: T0 + DAY }, T0 + DAY);
    expect(note.id).toBe(call.id);
    const back = await restoreTouchpoint(removed, T0 + DAY);
    expect(back.id).not.toBe(note.id);
    expect((await listHistory(a)).map((t) => t.kind).sort()).toEqual(['call', 'meeting', 'note']);
  });

  it('a message key is recorded once per client, however often the thread is seen', async () => {
    const snap: ThreadSnapshot = {
      provider: 'gmail', threadId: 't1', subject: 'Order', self: { email: 'me@x.com' },
      participants: [{ email: 'me@x.com' }, { email: 'dana@acme.com' }, { email: 'lee@globex.io' }],
      messages: [
        { id: 'm1', from: { email: 'dana@acme.com' }, to: [{ email: 'me@x.com' }], sentAt: new Date(T0).toISOString(), direction: 'inbound' },
        { id: 'm2', from: { email: 'me@x.com' }, to: [{ email: 'dana@acme.com' }, { email: 'lee@globex.io' }], sentAt: new Date(T0 + 3_600_000).toISOString(), direction: 'outbound' },
      ],
    };
    expect((await captureThread(snap, T0 + DAY)).recorded).toBe(3);
    expect((await captureThread(snap, T0 + DAY)).recorded).toBe(0);
    expect((await listHistory(a)).map((t) => t.kind)).toEqual(['email-out', 'email-in']);
    expect((await listHistory(b)).map((t) => t.kind)).toEqual(['email-out']);
    // logging the same detected message by hand returns the one recorded
    const [inbound] = (await listHistory(a)).filter((t) => t.kind === 'email-in');
    expect(await logTouchpoint({ clientId: a, kind: 'email-in', source: 'detected', messageKey: inbound.messageKey }, T0 + DAY)).toEqual(inbound);
    expect(await countTouchpoints()).toBe(3);
  });

  it('deleting a client deletes its history record only', async () => {
    await logTouchpoint({ clientId: a, kind: 'call', at: T0 }, T0);
    await logTouchpoint({ clientId: b, kind: 'call', at: T0 }, T0);
    await deleteClient(a);
    expect(await db.histories.toCollection().primaryKeys()).toEqual([b]);
  });
});
