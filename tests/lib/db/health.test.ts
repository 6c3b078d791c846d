import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { classifyDbError, watchDbHealth } from '@/lib/db/health';
import { TouchbaseDB, SCHEMA_V1 } from '@/lib/db/schema';

describe('database problems in words', () => {
  it('explains a full disk, a closed connection, and passes other errors through', () => {
    const quota = new Dexie.QuotaExceededError('The quota was exceeded');
    expect(classifyDbError(quota)?.kind).toBe('quota');
    expect(classifyDbError(Object.assign(new Error('x'), { name: 'DatabaseClosedError' }))?.kind).toBe('outdated');
    expect(classifyDbError(new Error('sale amount cannot be negative'))).toBeNull();
  });

  it('tells an old page when a newer version of the database opens elsewhere', async () => {
    const name = `health-${Math.random()}`;
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    await old.open();
    const problems: string[] = [];
    watchDbHealth(old, (p) => problems.push(p.kind));
    const newer = new TouchbaseDB(name); // version 2: the old page must step aside
    await newer.open();
    expect(problems).toEqual(['outdated']);
    expect(old.isOpen()).toBe(false);
    newer.close();
    await Dexie.delete(name);
  });
});
