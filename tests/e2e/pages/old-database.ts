/**
 * Bundled into a page of the extension by upgrade.e2e.ts: writes the `touchbase` database
 * as release 4 left it (a record per touchpoint), so the test can watch the current code
 * upgrade a real Chromium database. Raw IndexedDB, stores and records made in the one
 * version-change transaction: a Dexie instance here would broadcast its writes and wake
 * the background, which would open (and upgrade) the database halfway through.
 */
import { DB_NAME, SCHEMA_V4 } from '../../../lib/db/schema';
import { createStore } from './raw-stores';

/** Dexie keeps its version N as IndexedDB version 10 N. */
const DEXIE_V4 = 40;

async function writeVersion4(data: { clients: object[]; touchpoints: object[] }): Promise<{ version: number; stores: string[] }> {
  await new Promise<void>((ok, fail) => {
    const del = indexedDB.deleteDatabase(DB_NAME);
    del.onsuccess = () => ok();
    del.onerror = () => fail(del.error);
  });
  // what was written, read before the connection closes: once it has, the background's
  // Dexie may open (and upgrade) the database at any moment, a badge alarm or a restart
  return new Promise<{ version: number; stores: string[] }>((ok, fail) => {
    const req = indexedDB.open(DB_NAME, DEXIE_V4);
    req.onupgradeneeded = () => {
      const stores = Object.fromEntries(Object.entries(SCHEMA_V4).map(([name, spec]) => [name, createStore(req.result, name, spec)]));
      for (const c of data.clients) stores.clients.add(c);
      for (const t of data.touchpoints) stores.touchpoints.add(t);
    };
    req.onsuccess = () => {
      const written = { version: req.result.version, stores: [...req.result.objectStoreNames].sort() };
      req.result.close();
      ok(written);
    };
    req.onerror = () => fail(req.error);
  });
}

/** The version of the database, without opening (and so creating) it. */
async function installedVersion(): Promise<number | null> {
  const all = await indexedDB.databases();
  return all.find((d) => d.name === DB_NAME)?.version ?? null;
}

(globalThis as unknown as { __tbOld: unknown }).__tbOld = { writeVersion4, installedVersion };
