/**
 * Sync in the background (issue #19): one engine for the life of the worker, picked up
 * again whenever the worker starts, told of every local write.
 *
 * Chrome stops an idle extension worker after 30 seconds, and PouchDB's live replication
 * with it; an open request to the server does not keep it awake. While sync is connected an
 * alarm wakes the worker every 30 seconds (the shortest Chrome allows), which picks the
 * connection up again and looks for what arrived: a change from another device lands
 * within seconds while the worker is awake, and within about half a minute when it slept.
 * Disconnected, the alarm is cleared: an unused sync costs nothing.
 */
import Dexie from 'dexie';
import PouchDB from 'pouchdb-browser';
import { DB_NAME } from '../db/schema';
import { SyncEngine } from '../sync/engine';

/** A write of what syncs (not sync's own bookkeeping, which would echo forever). */
export function touchesSyncedData(parts: unknown): boolean {
  if (!parts || typeof parts !== 'object') return false;
  return Object.keys(parts).some((k) => ['clients', 'histories', 'historyParts', 'settings', 'templates'].some((t) => k.startsWith(`idb://${DB_NAME}/${t}/`)));
}

export const SYNC_ALARM = 'touchbase:sync';

export function startSync(): SyncEngine {
  let connected: boolean | undefined;
  const engine = new SyncEngine({
    Pouch: PouchDB,
    onStatus: (s) => {
      const now = s.state !== 'off';
      if (now === connected) return;
      connected = now;
      if (now) void browser.alarms.create(SYNC_ALARM, { periodInMinutes: 0.5 });
      else void browser.alarms.clear(SYNC_ALARM);
    },
  });
  Dexie.on('storagemutated', (parts) => {
    if (touchesSyncedData(parts)) engine.notifyLocalChange();
  });
  void engine.resume().then((on) => on || browser.alarms.clear(SYNC_ALARM)).catch(console.error);
  return engine;
}
