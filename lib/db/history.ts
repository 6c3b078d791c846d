/**
 * A client's history is ONE record: the `histories` store holds a row per client, keyed by
 * clientId, with every touchpoint of that client sorted by (at, id).
 *
 * Why not a record per touchpoint (schema versions 1-4): in Chromium every IndexedDB
 * record and every index entry is a separate write in the browser's IndexedDB backend
 * (~25-50 µs each on the 2-core benchmark machine), so a row per touchpoint with its
 * history and insights indexes capped bulk writes (restoring a backup, the benchmark's
 * seed) at 6,000-9,000 records/s, and no schema with a row per record could pass about
 * 12,000-18,000/s even with no index at all. Every read the product makes of touchpoints
 * is either one client's whole history (the panel, and re-deriving the client's fields
 * on each write, which already read it all) or every touchpoint (insights, exports,
 * backups), so nothing needs a touchpoint found on its own. Measured with the product's
 * data in Chromium: bulk writes ~10x faster, the insights read ~4x faster (one scan
 * instead of three index reads), logging a call on a client with 3,000 touches 10 ms
 * instead of 25. What a row per touchpoint gave and this keeps:
 * - unique message keys: a key names its client (lib/db/capture.ts), so it is unique
 *   within the client's history, checked here in memory;
 * - stable ids: an id is unique within its client (the next is the highest + 1), and a
 *   touchpoint is named by { clientId, id } (TouchpointRef).
 * The one new cost is a very long history rewritten on each write (a 3,000-touch history
 * is ~300 KB), which the benchmark measures (`log_touchpoint_long_history_ms`).
 *
 * Every function here runs inside the caller's transaction; only lib/db calls them.
 */
import type { Touchpoint } from './types';
import { db } from './schema';
import { byTime } from './history-rows';

export { byTime, nextTouchpointId, packHistories } from './history-rows';

/** The client's touchpoints, oldest first (empty when they have none). */
export async function readHistory(clientId: number): Promise<Touchpoint[]> {
  const row = await db.histories.get(clientId);
  return row ? row.items : [];
}

/**
 * Replaces the client's history with `items`, which it sorts in place and returns (so the
 * caller derives the client's fields from what was stored); an empty history is no row.
 */
export async function writeHistory(clientId: number, items: Touchpoint[]): Promise<Touchpoint[]> {
  items.sort(byTime);
  if (items.length === 0) await db.histories.delete(clientId);
  else await db.histories.put({ clientId, items });
  return items;
}

/** Every touchpoint of every client: by client, each client's oldest first. */
export async function allTouchpoints(): Promise<Touchpoint[]> {
  const rows = await db.histories.toArray();
  const out: Touchpoint[] = [];
  for (const r of rows) for (const t of r.items) out.push(t);
  return out;
}

/** How many touchpoints there are, without holding them all. */
export async function countTouchpoints(): Promise<number> {
  let n = 0;
  await db.histories.each((r) => {
    n += r.items.length;
  });
  return n;
}
