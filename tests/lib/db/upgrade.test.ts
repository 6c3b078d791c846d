import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { SCHEMA_V1, TouchbaseDB } from '@/lib/db/schema';

const NOW = new Date(2026, 10, 22).getTime();

describe('schema upgrade from version 1 to 2', () => {
  it('keeps every record and makes the new indexes usable', async () => {
    const name = `upgrade-${Math.random()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    await v1.open();
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
    expect(v2.verno).toBe(2);
    // every record intact, plus the "MM-DD" keys of its important dates
    expect(await v2.clients.bulkGet(clients.map((c) => c.id))).toEqual(
      clients.map((c) => ({ ...c, anniversaries: c.importantDates.length ? ['03-09'] : [] })),
    );
    expect((await v2.clients.where('anniversaries').equals('03-09').toArray()).map((c) => c.id)).toEqual([6]);
    expect(await v2.touchpoints.toArray()).toEqual(touchpoints);
    expect((await v2.settings.get('app'))?.value).toEqual({ myName: 'Sam' });
    expect(await v2.clients.get(51)).toMatchObject({ tags: [], importantDates: [], notes: '', saleCount: 0, lifetimeValue: 0 });
    expect((await v2.templates.get(3))?.situations).toEqual([]);
    // the new indexes answer
    expect(await v2.touchpoints.where('templateId').equals(3).count()).toBe(20);
    expect(await v2.touchpoints.where('[kind+at]').between(['sale', Dexie.minKey], ['sale', Dexie.maxKey]).count()).toBe(50);
    expect(
      await v2.clients.where('[stage+nextDueAt]').between(['prospect', Dexie.minKey], ['prospect', NOW + 10 * 86_400_000]).count(),
    ).toBe(4); // ids 1, 4, 7, 10 (i = 0, 3, 6, 9)
    v2.close();
    await Dexie.delete(name);
  });
});
