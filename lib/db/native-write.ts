/**
 * A write on IndexedDB's own transaction, for the one write a salesperson makes all day:
 * adding a touchpoint (lib/db/touchpoints.ts). Issue #20 holds it to 1.5x the same write
 * in raw IndexedDB calls, and through Dexie it measured 1.5-1.7x: each request passes
 * Dexie's middleware stack, and its change tracking records a range for every index of
 * every record written (a client has a dozen) and broadcasts all of them to the other
 * contexts when the transaction completes. Measured in one page at 10,000 clients
 * (BENCHMARKS.md, logging): the same reads and writes on a native transaction cost raw +
 * 0.06 ms when the broadcast names only the tables, raw + 0.2-0.3 ms when it names every
 * index, and Dexie's own path raw + 0.7 ms.
 *
 * What Dexie's path gave and this keeps:
 * - atomicity: one IndexedDB transaction, aborted when `work` fails, so nothing is
 *   half-written;
 * - the broadcast: on completion it fires Dexie's `storagemutated` with a part per table
 *   written (`idb://touchbase/<table>/`, the whole key range), the same event and key
 *   form Dexie fires, so the pages' queries, the badge and sync hear it like any other write.
 *   The parts name tables and not indexes: nothing here reads through Dexie's `liveQuery`
 *   (TanStack Query refetches on any write, lib/ui/query-client.ts), and every listener
 *   asks only which tables changed.
 *
 * It runs only where it can stand alone: outside any Dexie transaction (inside one, a second
 * transaction on the same stores would wait for the first to end, which waits for it) and
 * with the connection open (Dexie opens, reopens and upgrades it). `canWriteNatively`
 * says so; the caller otherwise takes Dexie's path, which joins or opens as it should, and
 * takes it too when the transaction is refused with InvalidStateError (the connection was
 * closing under Dexie: nothing was written, and Dexie reopens it).
 */
import Dexie, { RangeSet } from 'dexie';
import { db, DB_NAME } from './schema';

export type StoreName = 'clients' | 'histories' | 'historyParts' | 'digests' | 'settings';

/** True when a native transaction may run now: no Dexie transaction to join, the connection open. */
export function canWriteNatively(): boolean {
  return !Dexie.currentTransaction && db.isOpen();
}

/** The result of one request, as a promise (its error aborts the transaction). */
export function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/**
 * Runs `work` in one readwrite transaction over `stores` and resolves with its value once
 * the transaction has committed, then announces the tables in `writes`. `work` makes its
 * requests at once or in chained promises, never after an unrelated await (the
 * transaction commits when it has nothing left to do). A failure of `work` aborts the
 * transaction and is what the promise rejects with.
 */
export function nativeWrite<T>(stores: StoreName[], writes: StoreName[], work: (tx: IDBTransaction) => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const tx = db.backendDB().transaction(stores, 'readwrite');
    let value: T;
    let failure: unknown;
    // a request refused as it is made (a record without its key) throws at once: abort too
    let started: Promise<T>;
    try {
      started = work(tx);
    } catch (e) {
      started = Promise.reject(e);
    }
    started.then(
      (v) => (value = v),
      (e) => {
        failure ??= e;
        try {
          tx.abort();
        } catch {
          // already finished or aborting: its own error handler settles the promise
        }
      },
    );
    tx.oncomplete = () => {
      if (failure !== undefined) return reject(failure);
      announce(writes);
      resolve(value);
    };
    // a request's error aborts the transaction unless handled: the first error is the answer
    tx.onabort = () => reject(failure ?? tx.error ?? new Error('the write was aborted'));
  });
}

/** Fires `storagemutated` as Dexie does after its own writes: here, and to our other contexts. */
function announce(tables: StoreName[]): void {
  const parts: Record<string, RangeSet> = {};
  for (const t of tables) parts[`idb://${DB_NAME}/${t}/`] = new RangeSet(Dexie.minKey, Dexie.maxKey);
  Dexie.on.storagemutated.fire(parts);
}
