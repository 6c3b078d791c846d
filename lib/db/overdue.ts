/**
 * Who needs the user now, answered from one index: `needsYouAt` (the earlier of the due
 * date and the moment the waiting email turns late, not before a snooze ends; derived on
 * every write, see lib/domain/overdue.ts) below now. No client record is read to count
 * them, so the badge is one index count at any size.
 */
import type { Client } from '../domain/model';
import { db } from './schema';

export function overdueClientIds(now = Date.now()): Promise<number[]> {
  return db.clients.where('needsYouAt').below(now).primaryKeys();
}

export function countOverdue(now = Date.now()): Promise<number> {
  return db.clients.where('needsYouAt').below(now).count();
}

/** Overdue clients, the one who has needed the user longest first (the index's order). */
export function listOverdue(now = Date.now()): Promise<Client[]> {
  return db.clients.where('needsYouAt').below(now).toArray();
}
