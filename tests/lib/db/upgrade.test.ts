import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, TouchbaseDB } from '@/lib/db/schema';

const NOW = new Date(2026, 10, 22).getTime();

/** the database as an older release left it: its schema versions, in order, and no newer */
async function openAsOld(name: string, schemas: Record<string, string>[]): Promise<Dexie> {
  const db = new Dexie(name);
  schemas.forEach((stores, i) => db.version(i + 1).stores(stores));
  await db.open();
  return db;
}

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

    const v2 = new TouchbaseDB(name);
    await v2.open();
    expect(v2.verno).toBe(4);
    // every record intact, plus the "MM-DD" keys of its important dates
    expect(await v2.clients.bulkGet(clients.map((c) => c.id))).toEqual(
      clients.map((c) => ({ ...c, anniversaries: c.importantDates.length ? ['03-09'] : [], needsYouAt: c.nextDueAt })),
    );
    expect((await v2.clients.where('anniversaries').equals('03-09').toArray()).map((c) => c.id)).toEqual([6]);
    expect(await v2.touchpoints.toArray()).toEqual(touchpoints);
    expect((await v2.settings.get('app'))?.value).toEqual({ myName: 'Sam' });
    expect(await v2.clients.get(51)).toMatchObject({ tags: [], importantDates: [], notes: '', saleCount: 0, lifetimeValue: 0 });
    expect((await v2.templates.get(3))?.situations).toEqual([]);
    // the new indexes answer
    expect(await v2.touchpoints.where('templateId').equals(3).count()).toBe(20);
    expect(await v2.touchpoints.where('[kind+at]').between(['sale', Dexie.minKey], ['sale', Dexie.maxKey]).count()).toBe(50);
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

    const v3 = new TouchbaseDB(name);
    await v3.open();
    expect(v3.verno).toBe(4);
    expect(indexNames(v3, 'touchpoints')).toEqual(['[clientId+at]', '[kind+at]', 'messageKey', 'templateId']);
    expect(indexNames(v3, 'clients')).toEqual(
      ['anniversaries', 'awaitingReplySince', 'emails', 'lastContactAt', 'lifetimeValue', 'needsYouAt', 'nextDueAt', 'snoozedUntil', 'tags'],
    );
    expect(await v3.clients.toArray()).toEqual(clients.map((c) => ({ ...c, needsYouAt: c.nextDueAt })));
    expect(await v3.touchpoints.toArray()).toEqual(touchpoints);
    // the queries that read the dropped single indexes are answered by the compound ones
    expect((await v3.touchpoints.where('clientId').equals(4).toArray()).map((t) => t.id)).toEqual([54, 44, 34, 24, 14, 4]);
    expect(await v3.touchpoints.where('kind').equals('email-in').count()).toBe(20);
    expect(await v3.touchpoints.where('kind').anyOf(['email-in', 'call']).count()).toBe(60);
    expect(await v3.touchpoints.where('messageKey').equals('gmail:t2:m7:8').count()).toBe(1);
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
    ]);
    // the user made replies late only after 72 hours
    await v3.table('settings').put({ key: 'app', value: { replyLateHours: 72 } });
    v3.close();

    const v4 = new TouchbaseDB(name);
    await v4.open();
    expect(v4.verno).toBe(4);
    const byId = Object.fromEntries((await v4.clients.toArray()).map((c) => [c.id, c.needsYouAt]));
    expect(byId).toEqual({
      1: NOW - 1000,
      2: NOW + 12 * H,
      3: NOW - 8 * H,
      4: NOW + 86_400_000 - 1,
      5: NOW + 86_400_000,
    });
    const overdue = await v4.clients.where('needsYouAt').below(NOW).primaryKeys();
    expect(overdue.sort()).toEqual([1, 3]);
    v4.close();
    await Dexie.delete(name);
  });
});
