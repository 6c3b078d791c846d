import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6, TouchbaseDB } from '@/lib/db/schema';
import { needsYouAt } from '@/lib/domain/overdue';
import { DEFAULT_SETTINGS } from '@/lib/domain/settings';
import type { HistoryDigest, Touchpoint } from '@/lib/domain/model';
import { isTouchpointId } from '@/lib/domain/ids';
import { byTime } from '@/lib/db/history-rows';
import { digestOf, touchpointsOfDigests } from '@/lib/domain/digest';

const NOW = new Date(2026, 10, 22).getTime();

/** the database as an older release left it: its schema versions, in order, and no newer */
async function openAsOld(name: string, schemas: Record<string, string>[]): Promise<Dexie> {
  const db = new Dexie(name);
  schemas.forEach((stores, i) => db.version(i + 1).stores(stores));
  await db.open();
  return db;
}

/** Every touchpoint the upgraded database holds, flattened from the history records. */
async function allItems(db: TouchbaseDB): Promise<Touchpoint[]> {
  return (await db.histories.toArray()).flatMap((h) => h.items);
}

/** What the histories should hold: by client, each client's by (at, id). */
const inHistoryOrder = <T extends { clientId: number; at: number; id: number }>(tps: T[]) =>
  [...tps].sort((a, b) => a.clientId - b.clientId || a.at - b.at || a.id - b.id);

/** A digest with its columns as plain arrays (the test's IndexedDB gives typed arrays of another realm). */
const plainDigest = (d: HistoryDigest) => ({ ...d, at: Array.from(d.at), kind: Array.from(d.kind) });

/** A prospect's fields but its id, name and addresses, as the versions from 7 on store them. */
const base = { tags: [], importantDates: [], notes: '', stage: 'prospect', saleCount: 0, lifetimeValue: 0, createdAt: NOW, updatedAt: NOW };

const storeNames = (db: Dexie) => [...db.backendDB().objectStoreNames].sort();

describe('schema upgrade from version 1 to the current one', () => {
  it('keeps every record and makes the new indexes usable', async () => {
    const name = `upgrade-${Math.random()}`;
    const v1 = await openAsOld(name, [SCHEMA_V1]);
    const clients = Array.from({ length: 50 }, (_, i) => ({
      id: i + 1, name: `Client ${i}`, emails: [`c${i}@acme.com`], tags: i % 2 ? ['vip'] : [],
      importantDates: i === 5 ? [{ label: 'Birthday', month: 3, day: 9 }] : [],
      notes: '', stage: i % 3 ? 'client' : 'prospect', saleCount: i % 3 ? 2 : 0, lifetimeValue: i * 10,
      nextDueAt: NOW + i * 86_400_000, createdAt: NOW, updatedAt: NOW,
    }));
    // an old record without the fields version 2 relies on
    const legacy = { id: 51, name: 'Old', emails: ['old@acme.com'], stage: 'client', nextDueAt: NOW, createdAt: NOW, updatedAt: NOW };
    const touchpoints = Array.from({ length: 200 }, (_, i) => ({
      id: i + 1, clientId: (i % 50) + 1, at: NOW - i * 3_600_000, kind: i % 4 ? 'email-in' : 'sale', source: 'manual',
      ...(i % 4 ? {} : { amount: 100 }), ...(i % 10 === 0 ? { templateId: 3 } : {}), createdAt: NOW,
    }));
    await v1.table('clients').bulkAdd([...clients, legacy]);
    await v1.table('touchpoints').bulkAdd(touchpoints);
    await v1.table('templates').add({ id: 3, name: 'Old template', category: 'x', subject: 's', body: 'b', stages: [], builtIn: false });
    await v1.table('settings').put({ key: 'app', value: { myName: 'Sam' } });
    v1.close();

    const v2 = new TouchbaseDB(name, 6);
    await v2.open();
    expect(v2.verno).toBe(6);
    // every record intact, plus the "MM-DD" keys of its important dates
    expect(await v2.clients.bulkGet(clients.map((c) => c.id))).toEqual(
      clients.map((c) => ({ ...c, anniversaries: c.importantDates.length ? ['03-09'] : [], needsYouAt: c.nextDueAt })),
    );
    expect((await v2.clients.where('anniversaries').equals('03-09').toArray()).map((c) => c.id)).toEqual([6]);
    expect(await allItems(v2)).toEqual(inHistoryOrder(touchpoints));
    expect((await v2.settings.get('app'))?.value).toEqual({ myName: 'Sam' });
    expect(await v2.clients.get(51)).toMatchObject({ tags: [], importantDates: [], notes: '', saleCount: 0, lifetimeValue: 0 });
    expect((await v2.templates.get(3))?.situations).toEqual([]);
    // what the insights read is all there
    expect((await allItems(v2)).filter((t) => t.templateId === 3)).toHaveLength(20);
    expect((await allItems(v2)).filter((t) => t.kind === 'sale')).toHaveLength(50);
    v2.close();
    await Dexie.delete(name);
  });
});

const indexNames = (db: Dexie, store: string) => [...db.backendDB().transaction(store).objectStore(store).indexNames].sort();

describe('schema upgrade from version 2 (version 3 drops indexes)', () => {
  it('drops the indexes no query reads, keeps every record, and answers through the compound ones', async () => {
    const name = `upgrade3-${Math.random()}`;
    const v2 = await openAsOld(name, [SCHEMA_V1, SCHEMA_V2]);
    expect(indexNames(v2, 'touchpoints')).toContain('threadKey');
    const clients = Array.from({ length: 10 }, (_, i) => ({
      id: i + 1, name: `Client ${i}`, emails: [`c${i}@acme.com`], tags: [], importantDates: [], anniversaries: [], notes: '',
      stage: 'client', saleCount: 2, lifetimeValue: i, nextDueAt: NOW + i, createdAt: NOW, updatedAt: NOW,
    }));
    const touchpoints = Array.from({ length: 60 }, (_, i) => ({
      id: i + 1, clientId: (i % 10) + 1, at: NOW - i * 60_000, kind: i % 3 ? 'call' : 'email-in', source: 'detected',
      threadKey: `gmail:t${i % 5}`, messageKey: `gmail:t${i % 5}:m${i}:${(i % 10) + 1}`, createdAt: NOW,
    }));
    await v2.table('clients').bulkAdd(clients);
    await v2.table('touchpoints').bulkAdd(touchpoints);
    v2.close();

    const v3 = new TouchbaseDB(name, 6);
    await v3.open();
    expect(v3.verno).toBe(6);
    expect(storeNames(v3)).toEqual(['clients', 'histories', 'settings', 'templates']);
    expect(indexNames(v3, 'clients')).toEqual(
      ['anniversaries', 'awaitingReplySince', 'emails', 'lastContactAt', 'lifetimeValue', 'needsYouAt', 'nextDueAt', 'snoozedUntil', 'tags'],
    );
    expect(await v3.clients.toArray()).toEqual(clients.map((c) => ({ ...c, needsYouAt: c.nextDueAt })));
    expect(await allItems(v3)).toEqual(inHistoryOrder(touchpoints));
    // one client's history, oldest first
    expect((await v3.histories.get(4))!.items.map((t) => t.id)).toEqual([54, 44, 34, 24, 14, 4]);
    expect((await allItems(v3)).filter((t) => t.kind === 'email-in')).toHaveLength(20);
    expect((await v3.histories.get(8))!.items.filter((t) => t.messageKey === 'gmail:t2:m7:8')).toHaveLength(1);
    v3.close();
    await Dexie.delete(name);
  });
});

describe('schema upgrade from version 3 to 4', () => {
  it('fills needsYouAt from each client, with the stored late threshold and snoozes, so the badge count stays the same', async () => {
    const name = `upgrade4-${Math.random()}`;
    const v3 = await openAsOld(name, [SCHEMA_V1, SCHEMA_V2, SCHEMA_V3]);
    const H = 3_600_000;
    const base = { tags: [], importantDates: [], anniversaries: [], notes: '', stage: 'client', saleCount: 2, lifetimeValue: 0, createdAt: NOW, updatedAt: NOW };
    await v3.table('clients').bulkAdd([
      { ...base, id: 1, name: 'Past due', emails: ['a@x.com'], nextDueAt: NOW - 1000 },
      { ...base, id: 2, name: 'Waiting 60 h', emails: ['b@x.com'], nextDueAt: NOW + 10 * 86_400_000, awaitingReplySince: NOW - 60 * H },
      { ...base, id: 3, name: 'Waiting 80 h', emails: ['c@x.com'], nextDueAt: NOW + 10 * 86_400_000, awaitingReplySince: NOW - 80 * H },
      { ...base, id: 4, name: 'Snoozed', emails: ['d@x.com'], nextDueAt: NOW - 1000, snoozedUntil: NOW + 86_400_000 },
      { ...base, id: 5, name: 'Fine', emails: ['e@x.com'], nextDueAt: NOW + 86_400_000 },
      { ...base, id: 6, name: 'Waiting 200 h', emails: ['f@x.com'], nextDueAt: NOW + 10 * 86_400_000, awaitingReplySince: NOW - 200 * H },
    ]);
    // the user made replies late only after 72 hours
    await v3.table('settings').put({ key: 'app', value: { replyLateHours: 72 } });
    v3.close();

    const v4 = new TouchbaseDB(name, 6);
    await v4.open();
    expect(v4.verno).toBe(6);
    const byId = Object.fromEntries((await v4.clients.toArray()).map((c) => [c.id, c.needsYouAt]));
    // NOW is Sunday 00:00 and no working week is stored: Monday to Friday. 72 working hours
    // after Thursday 12:00 (60 h ago) is Tuesday 12:00; after Wednesday 16:00 (80 h ago),
    // Monday 16:00; after Friday 13 Nov 16:00 (200 h ago), Wednesday 18 Nov 16:00
    expect(byId).toEqual({
      1: NOW - 1000,
      2: NOW + 60 * H,
      3: NOW + 40 * H,
      4: NOW + 86_400_000 - 1,
      5: NOW + 86_400_000,
      6: NOW - 80 * H,
    });
    const overdue = await v4.clients.where('needsYouAt').below(NOW).primaryKeys();
    expect(overdue.sort()).toEqual([1, 6]);
    v4.close();
    await Dexie.delete(name);
  });
});

describe('schema upgrade from version 4 (a history is one record)', () => {
  it('packs every touchpoint into its client\'s history, keeping ids, fields and order, and drops the old store', async () => {
    const name = `upgrade6-${Math.random()}`;
    const v4 = await openAsOld(name, [SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4]);
    const base = { tags: [], importantDates: [], anniversaries: [], notes: '', stage: 'client', saleCount: 1, lifetimeValue: 40, createdAt: NOW, updatedAt: NOW };
    const clients = [1, 2, 3].map((id) => ({ ...base, id, name: `C${id}`, emails: [`c${id}@x.com`], lastContactAt: NOW, nextDueAt: NOW + id, needsYouAt: NOW + id }));
    // client 3 has no touchpoint; two of client 1's share a moment (ordered by id)
    const touchpoints = [
      { id: 7, clientId: 1, at: NOW - 5000, kind: 'email-in', source: 'detected', subject: 'Re: order', threadKey: 'gmail:t1', messageKey: 'gmail:t1:m1:1', createdAt: NOW },
      { id: 3, clientId: 1, at: NOW - 5000, kind: 'call', source: 'manual', summary: 'talked', createdAt: NOW },
      { id: 5, clientId: 2, at: NOW - 100, kind: 'sale', source: 'manual', amount: 40, createdAt: NOW },
      { id: 9, clientId: 1, at: NOW - 9000, kind: 'email-out', source: 'template', templateId: 2, messageKey: 'gmail:t1:m0:1', createdAt: NOW },
      { id: 11, clientId: 2, at: NOW - 200, kind: 'note', source: 'manual', summary: 'likes blue', createdAt: NOW },
    ];
    await v4.table('clients').bulkAdd(clients);
    await v4.table('touchpoints').bulkAdd(touchpoints);
    v4.close();

    const v6 = new TouchbaseDB(name, 6);
    await v6.open();
    expect(v6.verno).toBe(6);
    expect(storeNames(v6)).toEqual(['clients', 'histories', 'settings', 'templates']);
    expect(await v6.histories.toArray()).toEqual([
      { clientId: 1, items: [touchpoints[3], touchpoints[1], touchpoints[0]] },
      { clientId: 2, items: [touchpoints[4], touchpoints[2]] },
    ]);
    // clients are not rewritten by this step: their derived fields were already true
    expect(await v6.clients.toArray()).toEqual(clients);
    v6.close();
    // the next step (version 7) re-derives every client from its packed history: client 1's
    // email is answered by the call of the same moment; client 2 bought once, a customer
    const v7 = new TouchbaseDB(name);
    await v7.open();
    expect((await v7.clients.toArray()).map((c) => [c.id, c.stage, c.saleCount, c.lifetimeValue, c.lastContactAt, c.awaitingReplySince])).toEqual([
      [1, 'prospect', 0, 0, NOW - 5000, undefined],
      [2, 'customer', 1, 40, NOW - 100, undefined],
      [3, 'prospect', 0, 0, undefined, undefined],
    ]);
    v7.close();
    v6.close();
    await Dexie.delete(name);
  });

  it('an empty version-4 database upgrades to empty histories', async () => {
    const name = `upgrade6-empty-${Math.random()}`;
    (await openAsOld(name, [SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4])).close();
    const v6 = new TouchbaseDB(name);
    await v6.open();
    expect(v6.verno).toBe(12);
    expect(await v6.histories.count()).toBe(0);
    v6.close();
    await Dexie.delete(name);
  });
});

describe('schema upgrade from version 6 to 7 (the reply clock counts working days)', () => {
  it("re-derives every client, so a stored clock-hour needsYouAt agrees with the badge's rule", async () => {
    const name = `upgrade7-${Math.random()}`;
    // Friday 20 Nov 2026, 17:00: under clock hours late on Sunday 17:00, under working days on Tuesday 17:00
    const friday = new Date(2026, 10, 20, 17, 0).getTime();
    const v6 = await openAsOld(name, [SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, { ...SCHEMA_V6, touchpoints: null } as never]);
    const clockLate = friday + 48 * 3_600_000;
    await v6.table('clients').add({
      id: 1, name: 'Dana', emails: ['dana@acme.com'], tags: [], importantDates: [], anniversaries: [], notes: '',
      stage: 'prospect', saleCount: 0, lifetimeValue: 0, createdAt: friday - 10 * 86_400_000, updatedAt: friday,
      lastContactAt: friday, nextDueAt: friday + 20 * 86_400_000, awaitingReplySince: friday, needsYouAt: clockLate,
    });
    await v6.table('histories').add({ clientId: 1, items: [{ id: 1, clientId: 1, at: friday, kind: 'email-in', source: 'detected', createdAt: friday }] });
    v6.close();
    const db = new TouchbaseDB(name, 7);
    await db.open();
    expect(db.verno).toBe(7);
    const c = (await db.clients.get(1))!;
    expect(c.needsYouAt).toBe(needsYouAt(c, DEFAULT_SETTINGS));
    // late only once 48 working hours have passed: after Tuesday 17:00
    expect(c.needsYouAt).toBe(new Date(2026, 10, 24, 17, 0).getTime());
    expect(c.needsYouAt).toBeGreaterThan(clockLate);
    db.close();
    await Dexie.delete(name);
  });
});

describe('schema upgrade from version 7 to 8 (touchpoint ids unique for the life of the database)', () => {
  it('gives every touchpoint a new unique id in its history order, and keeps every touchpoint', async () => {
    const name = `upgrade8-${Math.random()}`;
    const v7 = new TouchbaseDB(name, 7);
    await v7.open();
    const clients = Array.from({ length: 30 }, (_, i) => ({ ...base, id: i + 1, name: `C${i}`, emails: [`c${i}@x.com`] }));
    // numbered within each client (every client has a 1, 2, 3...), with ties in time that
    // only the number orders, one history stored out of order
    const kinds = ['call', 'meeting', 'email-in', 'email-out', 'note'] as const;
    const numbered = clients.map((c) => ({
      clientId: c.id,
      items: Array.from({ length: 1 + (c.id % 7) * 3 }, (_, j) => ({
        id: j + 1, clientId: c.id, at: NOW - Math.floor(j / 2) * 3_600_000, kind: kinds[(c.id + j) % 5], source: 'manual',
        ...(kinds[(c.id + j) % 5] === 'note' ? { summary: `note ${j}` } : {}), createdAt: NOW,
      })).sort((x, y) => x.at - y.at || x.id - y.id),
    }));
    numbered[3].items.reverse();
    await v7.clients.bulkAdd(clients as never);
    await v7.histories.bulkAdd(numbered as never);
    v7.close();

    const v8 = new TouchbaseDB(name, 8);
    await v8.open();
    expect(v8.verno).toBe(8);
    const rows = await v8.histories.toArray();
    expect(rows.map((r) => r.clientId)).toEqual(numbered.map((r) => r.clientId));
    const all = rows.flatMap((r) => r.items);
    // nothing lost
    expect(all).toHaveLength(numbered.reduce((n, r) => n + r.items.length, 0));
    // every id new, well formed and unique in the database
    expect(all.every((t) => isTouchpointId(t.id))).toBe(true);
    expect(new Set(all.map((t) => t.id)).size).toBe(all.length);
    rows.forEach((row, i) => {
      // the order the numbers gave, (at, number), and every touchpoint whole but for its id
      const before = [...numbered[i].items].sort((x, y) => x.at - y.at || x.id - y.id);
      expect(row.items.map(({ id: _id, ...t }) => t)).toEqual(before.map(({ id: _id, ...t }) => t));
      // ...which is the order the new ids give too
      expect([...row.items].sort(byTime)).toEqual(row.items);
    });
    expect(await v8.clients.toArray()).toEqual(clients);
    v8.close();
    await Dexie.delete(name);
  });
});

describe('schema upgrade from version 9 to 10 (a digest beside each history, for the Insights page)', () => {
  it('makes the digest of every history there is, and changes nothing else', async () => {
    const name = `upgrade10-${Math.random()}`;
    const v9 = new TouchbaseDB(name, 9);
    await v9.open();
    const clients = Array.from({ length: 12 }, (_, i) => ({ ...base, id: i + 1, name: `C${i}`, emails: [`c${i}@x.com`] }));
    const kinds = ['call', 'sale', 'email-in', 'email-out', 'referral', 'score'] as const;
    const rows = clients.slice(0, 10).map((c) => ({
      clientId: c.id,
      items: Array.from({ length: c.id * 2 }, (_, j) => ({
        id: `01J${String(c.id).padStart(3, '0')}${String(j).padStart(20, '0')}`, clientId: c.id, at: NOW - (40 - j) * 3_600_000,
        kind: kinds[(c.id + j) % kinds.length], source: 'manual', createdAt: NOW,
        ...(j % 4 === 0 ? { templateId: 3 } : {}), ...(kinds[(c.id + j) % kinds.length] === 'score' ? { score: 8 } : {}),
        ...(kinds[(c.id + j) % kinds.length] === 'email-in' && j % 3 === 0 ? { noReplyNeeded: true } : {}),
        ...(kinds[(c.id + j) % kinds.length] === 'referral' ? { referredClientId: 11 } : {}),
      })) as Touchpoint[],
    }));
    await v9.clients.bulkAdd(clients as never);
    await v9.histories.bulkAdd(rows);
    v9.close();

    const v10 = new TouchbaseDB(name, 10);
    await v10.open();
    expect(v10.verno).toBe(10);
    const digests = await v10.digests.toArray();
    // one per history (clients 11 and 12 have none), each the digest of it
    expect(digests.map((d) => d.clientId)).toEqual(rows.map((r) => r.clientId));
    digests.forEach((d, i) => expect(plainDigest(d)).toEqual(plainDigest(digestOf(rows[i].clientId, rows[i].items))));
    // and what the Insights page reads back is every touchpoint's insight fields
    expect(touchpointsOfDigests(digests)).toEqual(
      rows.flatMap((r) => r.items.map(({ clientId, at, kind, templateId, noReplyNeeded, score, referredClientId }) =>
        JSON.parse(JSON.stringify({ clientId, at, kind, templateId, noReplyNeeded, score, referredClientId })))),
    );
    expect(await v10.histories.toArray()).toEqual(rows);
    expect(await v10.clients.toArray()).toEqual(clients);
    v10.close();
    await Dexie.delete(name);
  });
});

describe('schema upgrade from version 10 to 11 (sync: clients by time of change, the synced documents)', () => {
  it('indexes every client by updatedAt, adds the empty sync stores, and changes no data', async () => {
    const name = `upgrade11-${Math.random()}`;
    const v10 = new TouchbaseDB(name, 10);
    await v10.open();
    const clients = Array.from({ length: 5 }, (_, i) => ({ ...base, id: i + 1, name: `C${i}`, emails: [`c${i}@x.com`], updatedAt: NOW - i * 1000 }));
    await v10.clients.bulkAdd(clients as never);
    v10.close();

    const v11 = new TouchbaseDB(name, 11);
    await v11.open();
    expect(v11.verno).toBe(11);
    // what changed since a moment is one index range
    expect(await v11.clients.where('updatedAt').aboveOrEqual(NOW - 2000).primaryKeys()).toEqual([3, 2, 1]);
    expect(await v11.syncDocs.count()).toBe(0);
    expect(await v11.syncMeta.count()).toBe(0);
    expect(await v11.clients.toArray()).toEqual(clients);
    v11.close();
    await Dexie.delete(name);
  });
});

describe('schema upgrade from version 11 to 12 (long histories in parts)', () => {
  it('splits a history longer than a part, leaves a short one as it was, and loses no touchpoint', async () => {
    const name = `upgrade12-${Math.random()}`;
    const v11 = new TouchbaseDB(name, 11);
    await v11.open();
    const long = Array.from({ length: 1203 }, (_, i) => ({ id: `t${String(i).padStart(5, '0')}`, clientId: 1, at: NOW - (1203 - i) * 60_000, kind: 'call', source: 'manual', createdAt: NOW }));
    const short = [{ id: 'u1', clientId: 2, at: NOW, kind: 'note', source: 'manual', createdAt: NOW }];
    await v11.histories.bulkAdd([{ clientId: 1, items: long }, { clientId: 2, items: short }] as never);
    v11.close();

    const v12 = new TouchbaseDB(name, 12);
    await v12.open();
    expect(v12.verno).toBe(12);
    expect(await v12.histories.get(2)).toEqual({ clientId: 2, items: short });
    const head = (await v12.histories.get(1))!;
    expect([head.parts, head.items.length]).toEqual([2, 203]);
    const parts = await v12.historyParts.toArray();
    expect(parts.map((p) => [p.clientId, p.part, p.items.length])).toEqual([[1, 0, 500], [1, 1, 500]]);
    expect([...parts.flatMap((p) => p.items), ...head.items]).toEqual(long);
    v12.close();
    await Dexie.delete(name);
  });
});
