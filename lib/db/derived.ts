/**
 * The client's denormalised fields (stage, saleCount, lifetimeValue, lastContactAt,
 * nextDueAt, awaitingReplySince, needsYouAt) are recomputed from the client's whole history by the
 * pure rules of lib/domain, always inside the caller's write transaction, so no reader
 * ever sees a touchpoint without its effect on the client. Recomputing (rather than
 * adjusting incrementally) makes deletes and edits as correct as inserts, and costs one
 * indexed range read of one client's touchpoints.
 */
import Dexie from 'dexie';
import { deriveClientFields } from '../domain/derive';
import type { Client, Settings } from './types';
import { db } from './schema';

const DERIVED_OPTIONAL = ['lastContactAt', 'awaitingReplySince', 'needsYouAt'] as const;

export function historyRange(clientId: number) {
  return db.touchpoints
    .where('[clientId+at]')
    .between([clientId, Dexie.minKey], [clientId, Dexie.maxKey], true, true);
}

/** Returns the client with its derived fields true; the caller's transaction writes it. */
export async function withDerived(client: Client, settings: Settings): Promise<Client> {
  const tps = client.id === undefined ? [] : await historyRange(client.id).toArray();
  const d = deriveClientFields(client, tps, settings);
  const next: Client = { ...client, ...d };
  for (const k of DERIVED_OPTIONAL) if (d[k] === undefined) delete next[k];
  return next;
}

export async function recomputeClient(clientId: number, settings: Settings, now = Date.now()): Promise<Client | undefined> {
  const client = await db.clients.get(clientId);
  if (!client) return undefined;
  const next = await withDerived(client, settings);
  next.updatedAt = now;
  await db.clients.put(next);
  return next;
}

export async function recomputeAllClients(settings: Settings): Promise<void> {
  const ids = await db.clients.toCollection().primaryKeys();
  for (const id of ids) await recomputeClient(id, settings);
}
