import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { createClient, getClient, listHistory, logTouchpoint, restoreTouchpoint, NotFoundError } from '@/lib/db';
import { db } from '@/lib/db/schema';
import { canWriteNatively, nativeWrite, request } from '@/lib/db/native-write';
import { touchesSyncedData } from '@/lib/background/sync';
import { touchesSettings } from '@/lib/background/reminders';
import { resetDb, dumpDb, DAY } from './helpers';

const T0 = new Date(2026, 0, 5, 10, 0).getTime();

let announced: Record<string, unknown>[] = [];
const listener = (parts: Record<string, unknown>) => void announced.push(parts);
let clientId: number;

beforeEach(async () => {
  await resetDb();
  clientId = (await createClient({ name: 'Dana', emails: ['dana@acme.com'] }, T0)).id!;
  announced = [];
  Dexie.on('storagemutated', listener);
});
afterEach(() => Dexie.on('storagemutated').unsubscribe(listener));

describe('logging a touchpoint on its own transaction', () => {
  it('runs natively outside any transaction, and not inside one', async () => {
    expect(canWriteNatively()).toBe(true);
    let inside: boolean | undefined;
    await db.transaction('r', db.clients, () => {
      inside = canWriteNatively();
    });
    expect(inside).toBe(false);
  });

  it('announces the tables it wrote as Dexie does, so the pages, the badge and sync hear it', async () => {
    await logTouchpoint({ clientId, kind: 'call', at: T0 + DAY }, T0 + DAY);
    expect(announced).toHaveLength(1);
    expect(Object.keys(announced[0]).sort()).toEqual(['idb://touchbase/clients/', 'idb://touchbase/digests/', 'idb://touchbase/histories/', 'idb://touchbase/historyParts/']);
    expect(touchesSyncedData(announced[0])).toBe(true);
    expect(touchesSettings(announced[0])).toBe(false);
    // and what it wrote is there, the derived fields and the digest with it
    expect((await getClient(clientId))!.lastContactAt).toBe(T0 + DAY);
    expect((await db.digests.get(clientId))?.clientId).toBe(clientId);
    expect((await listHistory(clientId)).map((t) => t.kind)).toEqual(['call']);
  });

  it('a client that does not exist: NotFoundError, nothing written, nothing announced', async () => {
    const before = await dumpDb();
    await expect(logTouchpoint({ clientId: 4242, kind: 'call' }, T0)).rejects.toThrow(NotFoundError);
    expect(await dumpDb()).toEqual(before);
    expect(announced).toEqual([]);
  });

  it('a message key already recorded writes nothing and returns the touchpoint it has', async () => {
    const first = await logTouchpoint({ clientId, kind: 'email-in', at: T0, messageKey: 'gmail:m1' }, T0);
    const before = await dumpDb();
    announced = [];
    const again = await logTouchpoint({ clientId, kind: 'email-in', at: T0, messageKey: 'gmail:m1' }, T0 + DAY);
    expect(again).toEqual(first);
    expect(await dumpDb()).toEqual(before);
  });

  it('inside a caller’s transaction it joins it, and goes when that one fails', async () => {
    const before = await dumpDb();
    await expect(
      db.transaction('rw', db.clients, db.histories, db.historyParts, db.digests, db.settings, async () => {
        await logTouchpoint({ clientId, kind: 'call', at: T0 }, T0);
        expect(await listHistory(clientId)).toHaveLength(1);
        throw new Error('the rest of the caller’s work failed');
      }),
    ).rejects.toThrow('the rest of the caller’s work failed');
    expect(await dumpDb()).toEqual(before);
    expect(announced).toEqual([]);
  });

  it('with the connection closed it takes Dexie’s path, which opens it again', async () => {
    db.close({ disableAutoOpen: false });
    expect(canWriteNatively()).toBe(false);
    await logTouchpoint({ clientId, kind: 'meeting', at: T0 }, T0);
    expect((await listHistory(clientId)).map((t) => t.kind)).toEqual(['meeting']);
    expect(Object.keys(announced[0] ?? {})).toContain('idb://touchbase/histories/');
  });

  it('a connection closed under Dexie (a newer version asked for it) takes Dexie’s path, which reopens it', async () => {
    db.backendDB().close();
    expect(canWriteNatively()).toBe(true);
    await logTouchpoint({ clientId, kind: 'call', at: T0 }, T0);
    expect((await listHistory(clientId)).map((t) => t.kind)).toEqual(['call']);
  });

  it('an undo puts the touchpoint back with its id, on the same path', async () => {
    const tp = await logTouchpoint({ clientId, kind: 'call', at: T0 }, T0);
    await db.histories.delete(clientId);
    const back = await restoreTouchpoint(tp, T0 + DAY);
    expect(back.id).toBe(tp.id);
    expect((await getClient(clientId))!.lastContactAt).toBe(T0);
  });
});

describe('nativeWrite', () => {
  it('aborts when the work fails after writing: nothing half-written, the work’s error returned', async () => {
    const before = await dumpDb();
    await expect(
      nativeWrite(['clients', 'histories'], ['clients', 'histories'], (tx) =>
        request(tx.objectStore('histories').put({ clientId, items: [] })).then(() => {
          throw new Error('derivation failed');
        }),
      ),
    ).rejects.toThrow('derivation failed');
    expect(await dumpDb()).toEqual(before);
    expect(announced).toEqual([]);
  });

  it('a request the database refuses aborts it all', async () => {
    const before = await dumpDb();
    await expect(
      nativeWrite(['clients', 'histories'], ['clients', 'histories'], (tx) =>
        Promise.all([
          request(tx.objectStore('histories').add({ clientId, items: [] })),
          // the same key added twice: refused when the request runs
          request(tx.objectStore('histories').add({ clientId, items: [] })),
        ]),
      ),
    ).rejects.toThrow(/constraint/i);
    expect(await dumpDb()).toEqual(before);
    expect(announced).toEqual([]);
  });

  it('a request refused as it is made (a record without its key) aborts what came before it', async () => {
    const before = await dumpDb();
    await expect(
      nativeWrite(['histories'], ['histories'], (tx) => {
        tx.objectStore('histories').put({ clientId, items: [] });
        return request(tx.objectStore('histories').put({ items: [] }));
      }),
    ).rejects.toThrow();
    expect(await dumpDb()).toEqual(before);
    expect(announced).toEqual([]);
  });
});
