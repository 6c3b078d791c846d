/**
 * Runs inside an extension page (the extension's origin, real IndexedDB), bundled by
 * bench/run.ts. Seeds a large database through bulk writes with derived fields computed
 * by the product's own rules and histories packed by its own code (lib/db/history.ts),
 * then times the product's queries (lib/db) and the same queries written with raw
 * IndexedDB calls, so the cost of the layers shows as a ratio.
 */
import { db, CURRENT_SCHEMA as SCHEMA } from '../lib/db/schema';
import { findClientByEmail } from '../lib/db/clients';
import { listHistory, logTouchpoint } from '../lib/db/touchpoints';
import { countOverdue } from '../lib/db/overdue';
import { listToday } from '../lib/db/today';
import { TODAY_FIRST_ROWS } from '../lib/ui/today';
import { deriveClientFields } from '../lib/domain/derive';
import { packHistories } from '../lib/backup/histories';
import { putHistories } from '../lib/db/history';
import { digestOf } from '../lib/domain/digest';
import { newTouchpointId } from '../lib/domain/ids';
import { createClient } from '../lib/db/clients';
import { loadInsights } from '../lib/db/insights';
import { DEFAULT_SETTINGS } from '../lib/domain/settings';
import type { Client, Touchpoint, TouchKind } from '../lib/domain/model';
import { createStore } from '../tests/e2e/pages/raw-stores';

const DAY = 86_400_000;
const KINDS: TouchKind[] = ['email-in', 'email-out', 'call', 'meeting', 'note', 'sale'];

function rng(seed: number) {
  return () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

async function openRaw(name: string, stores: Record<string, string>): Promise<IDBDatabase> {
  await new Promise((ok) => { const r = indexedDB.deleteDatabase(name); r.onsuccess = r.onerror = r.onblocked = ok; });
  return new Promise<IDBDatabase>((ok, fail) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => {
      for (const [store, spec] of Object.entries(stores)) createStore(req.result, store, spec);
    };
    req.onsuccess = () => ok(req.result);
    req.onerror = () => fail(req.error);
  });
}

/**
 * The same bulk write with raw IndexedDB calls: into a database with the product's stores
 * and indexes, the histories packed the same way (`rowPerRecord` = false), or one row per
 * record into stores with no secondary index at all (`rowPerRecord` = true: the fastest
 * that a schema with a row per touchpoint, as versions 1-4 had, could ever write here).
 */
export async function seedRaw(clients: number, touchpoints: number, rowPerRecord = false): Promise<{ records: number; seconds: number }> {
  const chunks = generate(clients, touchpoints);
  const stores: Record<string, string> = rowPerRecord ? { clients: '++id', touchpoints: '++id' } : { clients: SCHEMA.clients, histories: SCHEMA.histories };
  const idb = await openRaw(rowPerRecord ? 'touchbase-bench-row-per-record' : 'touchbase-bench-raw', stores);
  const second = rowPerRecord ? 'touchpoints' : 'histories';
  const t0 = performance.now();
  let records = 0;
  for (const { cs, tps } of chunks) {
    const rows: unknown[] = rowPerRecord ? tps : packHistories(tps);
    await new Promise<void>((ok, fail) => {
      const tx = idb.transaction(['clients', second], 'readwrite');
      for (const c of cs) tx.objectStore('clients').add(c);
      for (const r of rows) tx.objectStore(second).add(r);
      tx.oncomplete = () => ok();
      tx.onerror = () => fail(tx.error);
    });
    records += cs.length + tps.length;
  }
  const seconds = (performance.now() - t0) / 1000;
  idb.close();
  indexedDB.deleteDatabase(idb.name);
  return { records, seconds };
}

export async function seed(clients: number, touchpoints: number): Promise<{ records: number; seconds: number }> {
  await db.open();
  await Promise.all([db.clients.clear(), putHistories([], { clear: true })]);
  const chunks = generate(clients, touchpoints);
  const t0 = performance.now();
  let records = 0;
  for (const { cs, tps } of chunks) {
    // each history with its digest, as every write of the product makes them (lib/db/history.ts)
    await db.transaction('rw', db.clients, db.histories, db.historyParts, db.digests, async () => {
      await db.clients.bulkAdd(cs);
      await putHistories(packHistories(tps));
    });
    records += cs.length + tps.length;
  }
  return { records, seconds: (performance.now() - t0) / 1000 };
}

function generate(clients: number, touchpoints: number): { cs: Client[]; tps: Touchpoint[] }[] {
  const out: { cs: Client[]; tps: Touchpoint[] }[] = [];
  const now = Date.now();
  const r = rng(42);
  const perClient = Math.floor(touchpoints / clients);
  const CHUNK = 500;
  for (let start = 0; start < clients; start += CHUNK) {
    const cs: Client[] = [];
    const tps: Touchpoint[] = [];
    for (let i = start; i < Math.min(clients, start + CHUNK); i++) {
      const id = i + 1;
      const mine: Touchpoint[] = [];
      for (let j = 0; j < perClient; j++) {
        // a working portfolio: the latest touch of most clients is recent (within 40 days),
        // the rest of the history spread over two years
        const kind = j === 0 ? 'call' : KINDS[Math.floor(r() * KINDS.length)];
        const at = now - Math.floor(j === 0 ? r() * 40 * DAY : r() * 730 * DAY);
        const t: Touchpoint = { id: newTouchpointId(now), clientId: id, at, kind, source: 'manual', createdAt: now };
        if (kind === 'sale') t.amount = Math.round(r() * 5000);
        if (kind === 'note') t.summary = 'note';
        mine.push(t);
      }
      const base = { createdAt: now - 800 * DAY, stageOverride: undefined, cadenceDays: undefined, keyAccount: false };
      cs.push({
        id, name: `Client ${id}`, emails: [`client${id}@bench${id % 97}.example`], tags: [], notes: '',
        ...(id % 20 === 0
          ? { importantDates: [{ label: 'Birthday', month: 1 + (id % 12), day: 1 + (id % 28) }], anniversaries: [`${String(1 + (id % 12)).padStart(2, '0')}-${String(1 + (id % 28)).padStart(2, '0')}`] }
          : { importantDates: [], anniversaries: [] }),
        ...deriveClientFields(base, mine, DEFAULT_SETTINGS), createdAt: base.createdAt, updatedAt: now,
      } as Client);
      tps.push(...mine);
    }
    out.push({ cs, tps });
  }
  return out;
}

function raw<T>(fn: (idb: IDBDatabase, done: (v: T) => void, fail: (e: unknown) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => fn(db.backendDB(), resolve, reject));
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Like `time`, each sample the mean of `batch` calls in a row: an extension page's clock
 * ticks in 0.1 ms, too coarse alone for a write of about 1 ms whose ratio to another is
 * what is judged.
 */
async function timeBatched(runs: number, batch: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  let i = 0;
  return time(runs, async () => {
    for (let j = 0; j < batch; j++) await fn(i++);
  }).then((ms) => ms / batch);
}

/**
 * Two writes timed in turns, a sample of each in every round (each sample the mean of
 * `batch` calls): the database and the machine drift during a run (LevelDB compacting after
 * the seed, other work), and timed one after the other the second got the quieter part.
 */
async function timeInTurns(runs: number, batch: number, a: () => Promise<unknown>, b: () => Promise<unknown>): Promise<[number, number]> {
  for (let i = 0; i < 3; i++) {
    await a();
    await b();
  }
  const xs: number[] = [];
  const ys: number[] = [];
  const sample = async (fn: () => Promise<unknown>) => {
    const t = performance.now();
    for (let j = 0; j < batch; j++) await fn();
    return (performance.now() - t) / batch;
  };
  for (let i = 0; i < runs; i++) {
    xs.push(await sample(a));
    ys.push(await sample(b));
  }
  return [median(xs), median(ys)];
}

async function time(runs: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 3; i++) await fn(i); // warm-up
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i + 3);
    xs.push(performance.now() - t);
  }
  return median(xs);
}

export async function measure(clients: number, runs: number): Promise<Record<string, number>> {
  const now = Date.now();
  const r = rng(7);
  const pick = () => 1 + Math.floor(r() * clients);
  const out: Record<string, number> = {};

  out.lookup_by_email_ms = await time(runs, () => {
    const id = pick();
    return findClientByEmail(`client${id}@bench${id % 97}.example`);
  });
  out.lookup_by_email_raw_ms = await time(runs, () => {
    const id = pick();
    return raw((idb, done, fail) => {
      const q = idb.transaction('clients').objectStore('clients').index('emails').get(`client${id}@bench${id % 97}.example`);
      q.onsuccess = () => done(q.result);
      q.onerror = () => fail(q.error);
    });
  });

  out.history_50_ms = await time(runs, () => listHistory(pick(), 50));
  out.history_50_raw_ms = await time(runs, () => {
    const id = pick();
    return raw((idb, done, fail) => {
      const req = idb.transaction('histories').objectStore('histories').get(id);
      req.onsuccess = () => done((req.result?.items ?? []).slice(-50).reverse());
      req.onerror = () => fail(req.error);
    });
  });

  out.overdue_count_ms = await time(runs, () => countOverdue(now));
  out.overdue_count_raw_ms = await time(runs, () =>
    raw((idb, done, fail) => {
      const q = idb.transaction('clients').objectStore('clients').index('needsYouAt').count(IDBKeyRange.upperBound(now, true));
      q.onsuccess = () => done(q.result);
      q.onerror = () => fail(q.error);
    }),
  );

  // the same write with raw calls: the same records read (the client, the history, the
  // settings the derived fields follow) and written (the client, the history, its digest),
  // all requests at once; it only appends and sets one field where the product re-derives.
  // Timed in turns with the product's, a sample of each per round.
  const rawLog = () => {
    const id = pick();
    return raw((idb, done, fail) => {
      const tx = idb.transaction(['histories', 'digests', 'clients', 'settings'], 'readwrite');
      const h = tx.objectStore('histories').get(id);
      tx.objectStore('settings').get('app');
      h.onsuccess = () => {
        const items = h.result?.items ?? [];
        items.push({ id: newTouchpointId(), clientId: id, at: Date.now(), kind: 'call', source: 'manual', createdAt: Date.now() });
        tx.objectStore('histories').put({ clientId: id, items });
        tx.objectStore('digests').put(digestOf(id, items));
      };
      const g = tx.objectStore('clients').get(id);
      g.onsuccess = () => tx.objectStore('clients').put({ ...g.result, lastContactAt: Date.now() });
      tx.oncomplete = () => done(null);
      tx.onerror = () => fail(tx.error);
    });
  };
  [out.log_touchpoint_ms, out.log_touchpoint_raw_ms] = await timeInTurns(runs, 5, () => logTouchpoint({ clientId: pick(), kind: 'call' }), rawLog);
  // the raw write as it was before the digests (two records): for the record
  out.log_touchpoint_raw_two_records_ms = await timeBatched(runs, 5, () => {
    const id = pick();
    return raw((idb, done, fail) => {
      const tx = idb.transaction(['histories', 'clients'], 'readwrite');
      const h = tx.objectStore('histories').get(id);
      h.onsuccess = () => {
        const items = h.result?.items ?? [];
        items.push({ id: newTouchpointId(), clientId: id, at: Date.now(), kind: 'call', source: 'manual', createdAt: Date.now() });
        tx.objectStore('histories').put({ clientId: id, items });
      };
      const g = tx.objectStore('clients').get(id);
      g.onsuccess = () => tx.objectStore('clients').put({ ...g.result, lastContactAt: Date.now() });
      tx.oncomplete = () => done(null);
      tx.onerror = () => fail(tx.error);
    });
  });

  // the price of a history in one record: a client with years of daily contact (3,000
  // touchpoints, ~300 KB) has all of it read and rewritten on every write
  const long = await createClient({ name: 'Long history', emails: ['long.history@bench.example'] }, now);
  const longItems: Touchpoint[] = Array.from({ length: 3000 }, (_, j) => ({
    id: newTouchpointId(now), clientId: long.id!, at: now - (3000 - j) * 6 * 3_600_000, kind: KINDS[j % KINDS.length],
    source: 'detected', subject: 'Re: the quarterly order and the renewal terms', createdAt: now,
    ...(KINDS[j % KINDS.length] === 'sale' ? { amount: 100 } : {}), ...(KINDS[j % KINDS.length] === 'note' ? { summary: 'note' } : {}),
  }));
  await putHistories([{ clientId: long.id!, items: longItems }]);
  out.log_touchpoint_long_history_ms = await time(Math.max(3, Math.floor(runs / 3)), () => logTouchpoint({ clientId: long.id!, kind: 'call' }));

  // the Today view's query: the first rows of each section and every section's total
  const todayRuns = Math.max(3, Math.floor(runs / 3));
  out.today_list_ms = await time(todayRuns, () => listToday(now, undefined, TODAY_FIRST_ROWS));
  // the same with raw calls: late and due soon by cursor up to the limit, totals from keys,
  // all overdue records (ranked in memory), this week's dates from the anniversaries index
  out.today_list_raw_ms = await time(todayRuns, () =>
    raw((idb, done, fail) => {
      const tx = idb.transaction('clients');
      const s = tx.objectStore('clients');
      const lateRange = IDBKeyRange.upperBound(now - 48 * 3_600_000, true);
      const soonRange = IDBKeyRange.bound(now, now + 4 * DAY, false, true);
      const lateKeys = s.index('awaitingReplySince').getAllKeys(lateRange);
      const snoozed = s.index('snoozedUntil').getAllKeys(IDBKeyRange.lowerBound(now, true));
      const soonKeys = s.index('nextDueAt').getAllKeys(soonRange);
      const overdue = s.index('nextDueAt').getAll(IDBKeyRange.upperBound(now, true));
      const week = Array.from({ length: 8 }, (_, i) => {
        const d = new Date(now + i * DAY);
        return `${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      });
      const dates = week.map((k) => s.index('anniversaries').getAll(k));
      const first = (range: IDBKeyRange, index: string) => {
        const rows: unknown[] = [];
        const cur = s.index(index).openCursor(range);
        cur.onsuccess = () => {
          const c = cur.result;
          if (c && rows.length < TODAY_FIRST_ROWS) {
            rows.push(c.value);
            c.continue();
          }
        };
        return rows;
      };
      const late = first(lateRange, 'awaitingReplySince');
      const soon = first(soonRange, 'nextDueAt');
      tx.oncomplete = () =>
        done([late.length, soon.length, lateKeys.result.length, snoozed.result.length, soonKeys.result.length, overdue.result.length, dates.reduce((n, r) => n + r.result.length, 0)]);
      tx.onerror = () => fail(tx.error);
    }),
  );
  // every row of every section, as after "Show all" (no budget: the view asks for it on request)
  out.today_list_all_ms = await time(todayRuns, () => listToday(now));
  // the Insights page's read and computations over every client and touchpoint (no budget)
  out.insights_load_ms = await time(3, () => loadInsights(now));
  return out;
}

/** For the sync step: log a call on the client of `email`, and see whether a touchpoint has arrived. */
async function logCallTo(email: string): Promise<string> {
  const c = await findClientByEmail(email);
  if (!c) throw new Error(`no client ${email}`);
  return (await logTouchpoint({ clientId: c.id!, kind: 'call' })).id!;
}
async function hasTouchpoint(email: string, id: string): Promise<boolean> {
  const c = await findClientByEmail(email);
  return !!c && (await listHistory(c.id!, 5)).some((t) => t.id === id);
}

(globalThis as unknown as { __tbBench: unknown }).__tbBench = { seed, seedRaw, measure, logCallTo, hasTouchpoint, countClients: () => db.clients.count() };
