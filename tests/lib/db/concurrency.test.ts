/**
 * Two contexts writing at once (two panels, or a panel and the background): each has its
 * own copy of the repository and its own database connection. IndexedDB serialises
 * overlapping read-write transactions, and each write re-derives the client inside its
 * own transaction, so the derived fields must come out exactly right.
 */
import { describe, expect, it, vi } from 'vitest';
import { resetDb } from './helpers';

describe('concurrent writes from two contexts', () => {
  it('leave the derived fields true', async () => {
    await resetDb();
    const a = await import('@/lib/db');
    vi.resetModules();
    const b = await import('@/lib/db'); // a second module instance: its own `db` connection
    expect(b.db).not.toBe(a.db);

    const T0 = new Date(2026, 0, 5, 10).getTime();
    const client = await a.createClient({ name: 'Dana', emails: ['dana@acme.com'] }, T0);
    const writes: Promise<unknown>[] = [];
    for (let i = 0; i < 20; i++) {
      const repo = i % 2 ? a : b;
      writes.push(repo.logTouchpoint({ clientId: client.id!, kind: 'sale', amount: 10 + i, at: T0 + i * 3_600_000 }, T0));
      writes.push(repo.logTouchpoint({ clientId: client.id!, kind: i % 3 ? 'call' : 'email-in', at: T0 + (i + 0.5) * 3_600_000 }, T0));
    }
    await Promise.all(writes);

    const c = (await b.getClient(client.id!))!;
    expect(c.saleCount).toBe(20);
    expect(c.lifetimeValue).toBe(Array.from({ length: 20 }, (_, i) => 10 + i).reduce((x, y) => x + y, 0));
    expect(c.lastContactAt).toBe(T0 + 19.5 * 3_600_000);
    expect(c.stage).toBe('client');
    // the last touch (i = 19) was a call: nothing waits for an answer
    expect(c.awaitingReplySince).toBeUndefined();
    expect(await a.listHistory(client.id!)).toHaveLength(40);
    b.db.close();
  });
});
