import { beforeEach, describe, expect, it } from 'vitest';
import { createClient, deleteClient, deleteTouchpoint, getClient, listHistory, logTouchpoint } from '@/lib/db';
import { db } from '@/lib/db/schema';
import { allTouchpoints, countTouchpoints, putHistories, readHistories, readHistory } from '@/lib/db/history';
import { byTime, historyRows, joinHistory, PART_SIZE, partsOf } from '@/lib/db/history-rows';
import { idFactory } from '@/lib/domain/ids';
import type { Touchpoint } from '@/lib/domain/model';
import { exportBackup, parseBackup, restoreBackup } from '@/lib/backup/backup';
import { resetDb, DAY } from './helpers';

const T0 = new Date(2026, 2, 2, 9, 0).getTime();
const make = idFactory();

/** `n` touchpoints an hour apart, the first a sale, ending an hour before `T0`. */
function history(clientId: number, n: number): Touchpoint[] {
  return Array.from({ length: n }, (_, i) => ({
    id: make(T0), clientId, at: T0 - (n - i) * 3_600_000, kind: i === 0 ? 'sale' : i % 2 ? 'email-in' : 'email-out',
    source: 'detected', createdAt: T0, ...(i === 0 ? { amount: 250 } : {}),
  }) as Touchpoint);
}

let clientId: number;
beforeEach(async () => {
  await resetDb();
  clientId = (await createClient({ name: 'Long Standing', emails: ['long@acme.com'] }, T0 - 400 * DAY)).id!;
});

describe('the layout of a history in parts', () => {
  it('keeps 1 to 500 touchpoints in the head and seals the rest, 500 a part', () => {
    expect([0, 1, 500, 501, 1000, 1001, 3000].map(partsOf)).toEqual([0, 0, 0, 1, 1, 2, 5]);
    const items = history(1, 1201);
    const { head, parts } = historyRows(1, items);
    expect(parts.map((p) => [p.part, p.items.length])).toEqual([[0, 500], [1, 500]]);
    expect([head.parts, head.items.length]).toEqual([2, 201]);
    expect(joinHistory(head, [...parts].reverse())).toEqual(items);
    // from a part on: the ones before are left out
    expect(historyRows(1, items, 1).parts.map((p) => p.part)).toEqual([1]);
  });
});

describe('a long history in the database', () => {
  it('is written in parts and read whole, in order, by every reader', async () => {
    const items = history(clientId, 1201);
    await putHistories([{ clientId, items }]);
    expect(await db.historyParts.count()).toBe(2);
    expect((await db.histories.get(clientId))?.items).toHaveLength(201);
    expect(await readHistory(clientId)).toEqual(items);
    expect((await readHistories([clientId, 999]))[0]).toEqual(items);
    expect((await readHistories([clientId, 999]))[1]).toBeUndefined();
    expect((await listHistory(clientId, 2)).map((t) => t.id)).toEqual([items[1200].id, items[1199].id]);
    expect(await allTouchpoints()).toEqual(items);
    expect(await countTouchpoints()).toBe(1201);
  });

  it('logging a call of today writes the head alone, and seals a part once the head is full', async () => {
    await putHistories([{ clientId, items: history(clientId, 1000) }]);
    // a mark on each stored part: a part written again would lose it
    await db.historyParts.update([clientId, 0], { marked: true } as never);
    await logTouchpoint({ clientId, kind: 'call', at: T0 }, T0);
    // 1,001 touchpoints: the full head became part 1, the call is the head
    expect((await db.historyParts.get([clientId, 0])) as unknown).toMatchObject({ marked: true });
    expect((await db.historyParts.get([clientId, 1]))?.items).toHaveLength(PART_SIZE);
    expect((await db.histories.get(clientId))?.items.map((t) => t.kind)).toEqual(['call']);
    await db.historyParts.update([clientId, 1], { marked: true } as never);
    await logTouchpoint({ clientId, kind: 'meeting', at: T0 + 60_000 }, T0 + 60_000);
    expect((await db.historyParts.toArray()).map((p) => (p as unknown as { marked?: boolean }).marked)).toEqual([true, true]);
    const all = await readHistory(clientId);
    expect(all).toHaveLength(1002);
    expect(all.slice(-2).map((t) => t.kind)).toEqual(['call', 'meeting']);
    // the derived fields count the whole history: the sale is in part 0
    expect(await getClient(clientId)).toMatchObject({ saleCount: 1, lifetimeValue: 250, lastContactAt: T0 + 60_000 });
  });

  it('a touchpoint dated back into a sealed part lays the parts out again, in order', async () => {
    await putHistories([{ clientId, items: history(clientId, 1000) }]);
    const back = await logTouchpoint({ clientId, kind: 'sale', amount: 100, at: T0 - 2000 * 3_600_000 }, T0);
    const all = await readHistory(clientId);
    expect(all).toHaveLength(1001);
    expect(all[0].id).toBe(back.id);
    expect(all).toEqual([...all].sort(byTime));
    expect((await db.historyParts.toArray()).map((p) => p.items[0].id)).toEqual([back.id, all[500].id]);
    expect(await getClient(clientId)).toMatchObject({ saleCount: 2, lifetimeValue: 350 });
  });

  it('inside a caller’s transaction (Dexie’s path) it reads and writes the parts too', async () => {
    await putHistories([{ clientId, items: history(clientId, 1000) }]);
    await db.transaction('rw', db.clients, db.histories, db.historyParts, db.digests, db.settings, () =>
      logTouchpoint({ clientId, kind: 'call', at: T0 }, T0),
    );
    const all = await readHistory(clientId);
    expect([all.length, all[1000].kind]).toEqual([1001, 'call']);
    expect(await db.historyParts.count()).toBe(2);
    expect(await getClient(clientId)).toMatchObject({ saleCount: 1, lastContactAt: T0 });
  });

  it('a history that shrinks by a part leaves no part behind; a deleted client none at all', async () => {
    await putHistories([{ clientId, items: history(clientId, 1001) }]);
    expect(await db.historyParts.count()).toBe(2);
    const last = (await readHistory(clientId))[1000];
    await deleteTouchpoint({ clientId, id: last.id! }, T0);
    expect(await db.historyParts.count()).toBe(1);
    expect(await readHistory(clientId)).toHaveLength(1000);
    await deleteClient(clientId);
    expect([await db.historyParts.count(), await db.histories.count()]).toEqual([0, 0]);
  });

  it('putHistories over a longer history deletes the parts past the new one', async () => {
    await putHistories([{ clientId, items: history(clientId, 1600) }]);
    expect(await db.historyParts.count()).toBe(3);
    const shorter = history(clientId, 700);
    await putHistories([{ clientId, items: shorter }]);
    expect(await db.historyParts.count()).toBe(1);
    expect(await readHistory(clientId)).toEqual(shorter);
  });

  it('a part past the number its head gives is none of the history (a stray row changes nothing read)', async () => {
    const items = history(clientId, 700);
    await putHistories([{ clientId, items }]);
    await db.historyParts.put({ clientId, part: 1, items: history(clientId, 3) });
    expect(await readHistory(clientId)).toEqual(items);
    expect(await countTouchpoints()).toBe(700);
    expect(await allTouchpoints()).toEqual(items);
  });

  it('a backup holds the whole history, and restoring it gives it back whole', async () => {
    const items = history(clientId, 1234);
    await putHistories([{ clientId, items }]);
    const text = (await exportBackup(T0)).text;
    await resetDb();
    await restoreBackup(await parseBackup(text), 'replace', T0);
    const [restored] = await db.clients.toArray();
    expect((await readHistory(restored.id!)).map((t) => t.id)).toEqual(items.map((t) => t.id));
    expect(await db.historyParts.count()).toBe(2);
    // merged over itself: every touchpoint is there already, nothing is added or lost (each
    // touchpoint awaited a lookup, and past about a hundred Dexie lost the transaction)
    const plan = await restoreBackup(await parseBackup(text), 'merge', T0);
    expect(plan.touchpoints).toMatchObject({ new: 0, duplicate: 1234 });
    expect(await countTouchpoints()).toBe(1234);
  });
});
