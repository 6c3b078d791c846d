import { beforeEach, describe, expect, it } from 'vitest';
import { loadSampleData } from '@/lib/db/sample';
import { countOverdue, createClient, findClientByEmail } from '@/lib/db';
import { listToday } from '@/lib/db/today';
import { resetDb, dumpDb } from './helpers';

const NOW = new Date(2026, 10, 22, 12, 0).getTime();
beforeEach(resetDb);

describe('loadSampleData', () => {
  it('fills an empty database with clients at every stage and something for Today', async () => {
    expect(await loadSampleData(NOW)).toBe(8);
    const dana = (await findClientByEmail('dana.client@acme-corp.com'))!;
    expect([dana.stage, dana.lifetimeValue, dana.keyAccount]).toEqual(['client', 39_500, true]);
    const today = await listToday(NOW);
    expect(today.lateReplies.map((e) => e.client.name)).toEqual(['Lee Buyer']);
    expect(today.overdue.length).toBeGreaterThan(0);
    expect(today.dates.map((e) => e.client.name)).toEqual(['Priya Raman']);
    expect(await countOverdue(NOW)).toBeGreaterThan(1);
    expect((await findClientByEmail('h.weiss@weiss-gmbh.de'))!.stage).toBe('former');
  });
  it('refuses to mix with real data', async () => {
    await createClient({ name: 'Real', emails: ['real@x.com'] }, NOW);
    const before = await dumpDb();
    await expect(loadSampleData(NOW)).rejects.toThrow('only goes into an empty database');
    expect(await dumpDb()).toEqual(before);
  });
});
