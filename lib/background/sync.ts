/**
 * Sync in the background (issue #19): one engine for the life of the worker, picked up
 * again whenever the worker starts (the badge's alarm wakes it every minute, so a connected
 * browser is never long without its live replication), told of every local write.
 */
import Dexie from 'dexie';
import PouchDB from 'pouchdb-browser';
import { DB_NAME } from '../db/schema';
import { SyncEngine } from '../sync/engine';

/** A write of what syncs (not sync's own bookkeeping, which would echo forever). */
export function touchesSyncedData(parts: unknown): boolean {
  if (!parts || typeof parts !== 'object') return false;
  return Object.keys(parts).some((k) => ['clients', 'histories', 'settings', 'templates'].some((t) => k.startsWith(`idb://${DB_NAME}/${t}/`)));
}

export function startSync(): SyncEngine {
  const engine = new SyncEngine({ Pouch: PouchDB });
  Dexie.on('storagemutated', (parts) => {
    if (touchesSyncedData(parts)) engine.notifyLocalChange();
  });
  void engine.resume().catch(console.error);
  return engine;
}
