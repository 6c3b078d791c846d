import { beforeEach, describe, expect, it } from 'vitest';
import {
  createClient, getClient, logTouchpoint, deleteTouchpoint, restoreTouchpoint, updateTouchpoint, listHistory,
  captureThread, deleteClient, db, NotFoundError, ValidationError,
} from '@/lib/db';
import { allTouchpoints, countTouchpoints } from '@/lib/db/history';
import { packHistories } from '@/lib/backup/histories';
import { packNumberedHistories, withFreshIds, type NumberedTouchpoint } from '@/lib/db/history-rows';
import type { Touchpoint } from '@/lib/domain/model';
import { idFactory, isTouchpointId } from '@/lib/domain/ids';
import type { ThreadSnapshot } from '@/lib/domain/model';
import { resetDb, dumpDb, DAY } from './helpers';

const T0 = new Date(2026, 2, 2, 9, 0).getTime();
const tp = (over: Partial<Touchpoint>): Touchpoint => ({ clientId: 1, at: T0, kind: 'call', source: 'manual', createdAt: T0, ...over });

/** Ids made in this order, so id(1) < id(2) < ... */
const make = idFactory();
const ids = Array.from({ length: 10 }, () => make(T0));

describe('packHistories', () => {
  it('makes one row per client, each sorted by time then id, keeping the ids', () => {
    const rows = packHistories([
      tp({ id: ids[4], clientId: 2, at: T0 + 5 }),
      tp({ id: ids[9], clientId: 1, at: T0 + 2 }),
      tp({ id: ids[2], clientId: 1, at: T0 + 2 }),
      tp({ id: ids[1], clientId: 1, at: T0 }),
    ]);
    expect(rows.map((r) => [r.clientId, r.items.map((t) => t.id)])).toEqual([[1, [ids[1], ids[2], ids[9]]], [2, [ids[4]]]]);
  });

  it('gives a touchpoint without an id, or with one already used (in any client), a fresh one', () => {
    const rows = packHistories([tp({ id: ids[3] }), tp({ id: ids[3], at: T0 + 1 }), tp({ at: T0 + 2 }), tp({ id: ids[3], clientId: 2 })]);
    const all = rows.flatMap((r) => r.items.map((t) => t.id!));
    expect(all[0]).toBe(ids[3]);
    expect(new Set(all).size).toBe(4);
    expect(all.every(isTouchpointId)).toBe(true);
  });
});

describe('numbered touchpoints (schema versions 1-7, backups 1-2)', () => {
  const n = (over: Partial<NumberedTouchpoint>): NumberedTouchpoint => ({ clientId: 1, at: T0, kind: 'call', source: 'manual', createdAt: T0, ...over });

  it('schema 5 packs them by client, each history in (at, number) order, keeping the numbers', () => {
    const rows = packNumberedHistories([n({ id: 7, at: T0 + 1 }), n({ id: 3, at: T0 + 1 }), n({ id: 9, at: T0 }), n({ id: 1, clientId: 2 })]);
    expect(rows.map((r) => [r.clientId, r.items.map((t) => t.id)])).toEqual([[1, [9, 3, 7]], [2, [1]]]);
  });

  it('withFreshIds gives ids of today in history order, (at, number), and keeps every touchpoint whole', () => {
    const old = [n({ id: 9, at: T0 + 5, summary: 'last' }), n({ id: 2, at: T0 }), n({ id: 1, at: T0, kind: 'meeting' }), n({ id: 4, clientId: 2, at: T0 - 1 })];
    const fresh = withFreshIds(old);
    expect(fresh.map((t) => [t.clientId, t.at, t.kind])).toEqual([[2, T0 - 1, 'call'], [1, T0, 'meeting'], [1, T0, 'call'], [1, T0 + 5, 'call']]);
    expect(fresh.every((t) => isTouchpointId(t.id))).toBe(true);
    // the new ids sort each history as the numbers did, a tie in time included
    const [row] = packHistories(fresh.filter((t) => t.clientId === 1));
    expect(row.items.map((t) => t.kind)).toEqual(['meeting', 'call', 'call']);
    expect(fresh[3]).toEqual({ ...old[0], id: fresh[3].id });
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

  it('gives touchpoints ids unique in the database and keeps the record sorted however they arrive', async () => {
    await logTouchpoint({ clientId: a, kind: 'call', at: T0 + 2 * DAY }, T0 + 2 * DAY);
    await logTouchpoint({ clientId: a, kind: 'meeting', at: T0 }, T0 + 2 * DAY); // logged late
    await logTouchpoint({ clientId: b, kind: 'call', at: T0 + DAY }, T0 + DAY);
    const row = (await db.histories.get(a))!;
    expect(row.items.map((t) => t.kind)).toEqual(['meeting', 'call']);
    const ids = [...row.items, ...(await db.histories.get(b))!.items].map((t) => t.id);
    // ids unique for the life of the database, whatever the client (not 1, 2 and 1 again)
    expect(ids.every(isTouchpointId)).toBe(true);
    expect(new Set(ids).size).toBe(3);
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

  it('a touchpoint is named with its client: its id under another client names nothing', async () => {
    const call = await logTouchpoint({ clientId: a, kind: 'call', at: T0 }, T0);
    const other = await logTouchpoint({ clientId: b, kind: 'call', at: T0 }, T0);
    expect(other.id).not.toBe(call.id);
    const before = await dumpDb();
    await expect(deleteTouchpoint({ clientId: b, id: call.id! })).rejects.toThrow(NotFoundError);
    await expect(deleteTouchpoint({ clientId: 999, id: call.id! })).rejects.toThrow(NotFoundError);
    await expect(deleteTouchpoint({ clientId: a } as never)).rejects.toThrow(ValidationError);
    await expect(deleteTouchpoint({ clientId: a, id: 1 } as never)).rejects.toThrow(ValidationError);
    await expect(updateTouchpoint(null as never, { summary: 'x' })).rejects.toThrow(ValidationError);
    expect(await dumpDb()).toEqual(before);
    await deleteTouchpoint({ clientId: b, id: other.id! }, T0);
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

  it('never gives the id of a deleted touchpoint to a new one, so a stale reference cannot act on the wrong touchpoint', async () => {
    await logTouchpoint({ clientId: a, kind: 'meeting', at: T0 }, T0);
    const call = await logTouchpoint({ clientId: a, kind: 'call', at: T0 + DAY }, T0 + DAY);
    const removed = await deleteTouchpoint({ clientId: a, id: call.id! }, T0 + DAY);
    // the newest was deleted: the next one used to get its id (the highest + 1)
    const note = await logTouchpoint({ clientId: a, kind: 'note', summary: 'x', at: T0 + DAY }, T0 + DAY);
    expect(note.id).not.toBe(call.id);
    // an undo offered for the call, or a panel still showing it, cannot delete the note
    await expect(deleteTouchpoint({ clientId: a, id: call.id! }, T0 + DAY)).rejects.toThrow(NotFoundError);
    expect((await listHistory(a)).map((t) => t.kind)).toEqual(['note', 'meeting']);
    // undo keeps the original id while it is free...
    expect((await restoreTouchpoint(removed, T0 + DAY)).id).toBe(call.id);
    // ...and gives a fresh one when it is not (the same undo twice)
    const again = await restoreTouchpoint(removed, T0 + DAY);
    expect(again.id).not.toBe(call.id);
    expect(isTouchpointId(again.id)).toBe(true);
    expect((await listHistory(a)).map((t) => t.kind).sort()).toEqual(['call', 'call', 'meeting', 'note']);
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
