/**
 * Marks exactly the given clients as key accounts (and no others), re-deriving each
 * changed client (a key account may have a cadence of its own), in one transaction.
 */
import { db } from './schema';
import { getSettings } from './settings';
import { withDerived } from './derived';

export async function setKeyAccounts(ids: number[], now = Date.now()): Promise<number> {
  const want = new Set(ids);
  return db.transaction('rw', db.clients, db.histories, db.historyParts, db.digests, db.settings, async () => {
    const settings = await getSettings();
    let changed = 0;
    for (const c of await db.clients.toArray()) {
      const key = want.has(c.id!);
      if (!!c.keyAccount === key) continue;
      const next = await withDerived({ ...c, keyAccount: key }, settings);
      next.updatedAt = now;
      await db.clients.put(next);
      changed++;
    }
    return changed;
  });
}
