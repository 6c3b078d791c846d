/**
 * A client's history is ONE record: the `histories` store holds a row per client, keyed by
 * clientId, with every touchpoint of that client sorted by (at, id).
 *
 * Why not a record per touchpoint (schema versions 1-4): in Chromium every IndexedDB
 * record and every index entry is a separate write in the browser's IndexedDB backend, so
 * a row per touchpoint with its history and insights indexes capped bulk writes (restoring
 * a backup, the benchmark's seed) at about 9,500 records/s on the 2-core benchmark
 * machine, and a row per record could not pass about 11,000-14,000/s there even with no
 * index at all. Every read the product makes of touchpoints is either one client's whole
 * history (the panel, and re-deriving the client's fields on each write, which read it
 * all before too) or every touchpoint (insights, exports, backups), so nothing needs a
 * touchpoint found on its own. Measured with `npm run bench`, before -> after: bulk writes
 * 9,600 -> 63,000-107,000 records/s, the Insights page's read and computations 4.2 s ->
 * 0.55-0.69 s (one scan instead of three index reads), logging a call on a client with
 * 3,000 touches 30 -> 10-15 ms, the 50 newest touchpoints 0.7 -> 0.4 ms. What a row per touchpoint gave
 * and this keeps:
 * - unique message keys: a key names its client (lib/db/capture.ts), so it is unique
 *   within the client's history, checked here in memory;
 * - stable ids: an id is unique in the whole database and never given twice
 *   (lib/domain/ids.ts), and a touchpoint is named by { clientId, id } (TouchpointRef),
 *   the client saying which record holds it.
 * The one new cost was a very long history rewritten on each write (a 3,000-touch history
 * is ~600 KB), which the benchmark measures (`log_touchpoint_long_history_ms`): 8.6-12.7 ms
 * a call, against a budget of 10. So since schema version 12 a history longer than
 * PART_SIZE (500) touchpoints is stored in parts: its `histories` row keeps the newest 1 to
 * 500 (the head) and says how many sealed parts of exactly 500 hold the ones before, in
 * `historyParts` keyed [clientId+part]. The layout is a function of the sorted history alone
 * (./history-rows.ts: partsOf, historyRows), so any write can lay it out again; logging,
 * which adds one touchpoint, writes the head and only a part its touchpoint falls in or
 * moves (a call of today: the head alone, and a new sealed part once in 500 calls). A
 * reader joins the parts and the head (one read for the 99 % of clients with no part).
 *
 * Each function joins the caller's transaction when there is one, so a write and the
 * derived fields it changes land together (lib/db/derived.ts). Every write of a history
 * writes its digest too (`digests`, lib/domain/digest.ts), here and nowhere else, so the
 * Insights page's reads are never behind: a transaction that writes histories names
 * `db.historyParts` and `db.digests` in its scope (one that reads them, `db.historyParts`).
 */
import type { ClientHistory, HistoryDigest, Touchpoint } from '../domain/model';
import { digestOf } from '../domain/digest';
import { db } from './schema';
import { byTime, historyRows, joinHistories, joinHistory, type HistoryPartRow, type HistoryRow } from './history-rows';
import { request } from './native-write';

export { byTime } from './history-rows';

/** Parts `from` (included) to `to` (excluded) of a client's history, as a key range of `historyParts`. */
function partsBetween(clientId: number, from: number, to: number) {
  return db.historyParts.where('[clientId+part]').between([clientId, from], [clientId, to], true, false);
}

/** The client's touchpoints, oldest first (empty when they have none). */
export function readHistory(clientId: number): Promise<Touchpoint[]> {
  // a chain, not an async function: inside a Dexie transaction each await costs a turn of
  // its zone machinery, which logging a call pays on every write (BENCHMARKS.md)
  return db.histories.get(clientId).then((row) => (row?.parts ? partsBetween(clientId, 0, row.parts).toArray().then((parts) => joinHistory(row, parts)) : (row?.items ?? [])));
}

/** The touchpoints of each client, oldest first, in the order asked (undefined: no history). */
export async function readHistories(clientIds: number[]): Promise<(Touchpoint[] | undefined)[]> {
  const heads = await db.histories.bulkGet(clientIds);
  const long = heads.filter((h): h is HistoryRow => !!h?.parts);
  if (!long.length) return heads.map((h) => h?.items);
  const parts = (await Promise.all(long.map((h) => partsBetween(h.clientId, 0, h.parts!).toArray()))).flat();
  const joined = new Map(joinHistories(long, parts).map((h) => [h.clientId, h.items]));
  return heads.map((h) => (h ? (joined.get(h.clientId) ?? h.items) : undefined));
}

/** Every client's history, each oldest first. */
export async function allHistories(): Promise<ClientHistory[]> {
  const [heads, parts] = await Promise.all([db.histories.toArray(), db.historyParts.toArray()]);
  return joinHistories(heads, parts);
}

/** The client's touchpoints, newest first (the `limit` newest, when given). */
export async function listHistory(clientId: number, limit?: number): Promise<Touchpoint[]> {
  const items = await readHistory(clientId);
  const from = limit === undefined ? 0 : Math.max(0, items.length - limit);
  return items.slice(from).reverse();
}

/**
 * Replaces the client's history with `items`, which it sorts in place and returns (so the
 * caller derives the client's fields from what was stored); an empty history is no row.
 * Every part is written again and the parts past the new last one deleted: a caller may
 * have changed any touchpoint, in place or not (logging, the write made all day, writes
 * only what it changed: lib/db/touchpoints.ts).
 */
export function writeHistory(clientId: number, items: Touchpoint[]): Promise<Touchpoint[]> {
  // sorted at once, before the write: a caller may derive from `items` right away
  items.sort(byTime);
  const { head, parts } = historyRows(clientId, items);
  // the head as stored says how many parts there were: read before the put below replaces it
  const before = db.histories.get(clientId).then((old) => (old?.parts && old.parts > parts.length ? partsBetween(clientId, parts.length, old.parts).delete() : 0));
  // the history and its digest (lib/domain/digest.ts) together, at once
  const written =
    items.length === 0
      ? Promise.all([before, db.histories.delete(clientId), db.digests.delete(clientId)])
      : Promise.all([before, db.histories.put(head), db.digests.put(digestOf(clientId, items)), ...(parts.length ? [db.historyParts.bulkPut(parts)] : [])]);
  return written.then(() => items);
}

/**
 * The history under `head` (its `histories` row, read by the caller), its parts read on
 * IndexedDB's own transaction `tx` (logging: lib/db/native-write.ts). A new array.
 */
export function readHistoryRows(tx: IDBTransaction, clientId: number, head: HistoryRow | undefined): Promise<Touchpoint[]> {
  if (!head?.parts) return Promise.resolve(head ? head.items : []);
  const range = IDBKeyRange.bound([clientId, 0], [clientId, head.parts], false, true);
  return request<HistoryPartRow[]>(tx.objectStore('historyParts').getAll(range)).then((parts) => joinHistory(head, parts));
}

/**
 * Writes the sorted history `items` on IndexedDB's own transaction `tx`, from part
 * `fromPart` on (the parts before it are stored as they are), and its digest. Only for a
 * history that grew: no part past its last is left to delete.
 */
export function putHistoryRows(tx: IDBTransaction, clientId: number, items: Touchpoint[], fromPart: number): void {
  const { head, parts } = historyRows(clientId, items, fromPart);
  for (const p of parts) tx.objectStore('historyParts').put(p);
  tx.objectStore('histories').put(head);
  tx.objectStore('digests').put(digestOf(clientId, items));
}

/** Deletes a client's history and its digest. */
export async function deleteHistory(clientId: number): Promise<void> {
  await Promise.all([db.histories.delete(clientId), db.digests.delete(clientId), partsBetween(clientId, 0, Infinity).delete()]);
}

/**
 * Writes many whole histories at once (a restore, a seed), each with its digest; `clear`
 * empties the stores first (without it, a history's parts past its new last one are deleted).
 */
export async function putHistories(rows: ClientHistory[], opts: { clear?: boolean } = {}): Promise<void> {
  if (opts.clear) await Promise.all([db.histories.clear(), db.historyParts.clear(), db.digests.clear()]);
  const stored = rows.map((r) => historyRows(r.clientId, r.items));
  if (!opts.clear) {
    // the parts' keys are few (only histories over 500 touchpoints have parts): one read of
    // them all, where a range delete per history made seeding 10,000 clients twice as slow
    const count = new Map(stored.map((s) => [s.head.clientId, s.parts.length]));
    const stale = (await db.historyParts.toCollection().primaryKeys()).filter(([c, k]) => k >= (count.get(c) ?? Infinity));
    if (stale.length) await db.historyParts.bulkDelete(stale);
  }
  await Promise.all([
    db.histories.bulkPut(stored.map((s) => s.head)),
    db.historyParts.bulkPut(stored.flatMap((s) => s.parts)),
    db.digests.bulkPut(rows.map((r) => digestOf(r.clientId, r.items))),
  ]);
}

/** The digests of every history (what the Insights page reads). */
export function allDigests(): Promise<HistoryDigest[]> {
  return db.digests.toArray();
}

/** Every touchpoint of every client: by client, each client's oldest first. */
export async function allTouchpoints(): Promise<Touchpoint[]> {
  const out: Touchpoint[] = [];
  for (const r of await allHistories()) for (const t of r.items) out.push(t);
  return out;
}

/** How many touchpoints there are, without holding them all. */
export async function countTouchpoints(): Promise<number> {
  let n = 0;
  // a part counts only below its head's number of parts (the head is what says how many)
  const parts = new Map<number, number>();
  await db.histories.each((r) => {
    n += r.items.length;
    if (r.parts) parts.set(r.clientId, r.parts);
  });
  await db.historyParts.each((p) => {
    if (p.part < (parts.get(p.clientId) ?? 0)) n += p.items.length;
  });
  return n;
}

