/**
 * Touchpoints (emails, calls, meetings, notes, sales...) and the client's history. Each
 * write re-derives the client's fields in the same transaction (lib/db/derived.ts).
 * Deleting returns the deleted record so the UI can offer "Undo", which restores it with
 * its original id. Touchpoints live in their client's history record (lib/db/history.ts),
 * so a touchpoint is named by { clientId, id }; an id is never given to another touchpoint
 * (lib/domain/ids.ts), so a stale reference finds nothing rather than the wrong one.
 */
import type { Touchpoint, TouchpointRef } from '../domain/model';
import { validateTouchpoint, type TouchpointInput } from '../domain/touchpoints';
import { ValidationError } from '../domain/validate';
import { isTouchpointId, newTouchpointId } from '../domain/ids';
import { db } from './schema';
import { NotFoundError } from './errors';
import { getSettings } from './settings';
import { putDerived, recomputeClient } from './derived';
import { readHistory, writeHistory } from './history';

function findIn(items: Touchpoint[], ref: TouchpointRef): number {
  const i = items.findIndex((t) => t.id === ref.id);
  if (i < 0) throw new NotFoundError(`touchpoint ${ref.id} of client ${ref.clientId} does not exist`);
  return i;
}

function checkRef(ref: TouchpointRef): void {
  if (!ref || typeof ref !== 'object' || !Number.isInteger(ref.clientId) || !isTouchpointId(ref.id))
    throw new ValidationError('a touchpoint is named by the ids of its client and itself');
}

/**
 * Adds a checked touchpoint to its client's history and re-derives the client, in one
 * transaction. A message key the history already holds returns that touchpoint instead
 * (a detected email is recorded once). `id` picks the new touchpoint's id from the
 * history as it is.
 */
function addToHistory(tp: Omit<Touchpoint, 'id'>, id: (items: Touchpoint[]) => string, now: number): Promise<Touchpoint> {
  // The three reads at once, the derivation in memory, the three writes at once, chained
  // rather than awaited: in turn they were a round trip each, and inside a Dexie transaction
  // every await also costs a turn of its zone machinery (BENCHMARKS.md, logging)
  return db.transaction('rw', db.clients, db.histories, db.digests, db.settings, () =>
    Promise.all([db.clients.get(tp.clientId), readHistory(tp.clientId), getSettings()]).then(([client, items, settings]) => {
      if (!client) throw new NotFoundError(`client ${tp.clientId} does not exist`);
      if (tp.messageKey) {
        const existing = items.find((t) => t.messageKey === tp.messageKey);
        if (existing) return existing;
      }
      const saved: Touchpoint = { ...tp, id: id(items) };
      items.push(saved);
      // writeHistory sorts the items (about one pass here) before it returns, so the client
      // is derived from the history as stored
      const written = writeHistory(tp.clientId, items);
      return Promise.all([written, putDerived(client, settings, now, items)]).then(() => saved);
    }),
  );
}

/**
 * Logs one touchpoint. A detected email whose messageKey is already recorded is not
 * recorded twice: the existing touchpoint is returned.
 */
export async function logTouchpoint(input: TouchpointInput, now = Date.now()): Promise<Touchpoint> {
  return addToHistory(validateTouchpoint(input, now), () => newTouchpointId(now), now);
}

/** Edits the words of a touchpoint (summary, subject) or its amount/date. */
export async function updateTouchpoint(
  ref: TouchpointRef,
  patch: Partial<Pick<TouchpointInput, 'summary' | 'subject' | 'amount' | 'at'>>,
  now = Date.now(),
): Promise<Touchpoint> {
  checkRef(ref);
  return db.transaction('rw', db.clients, db.histories, db.digests, db.settings, async () => {
    const items = await readHistory(ref.clientId);
    const i = findIn(items, ref);
    const current = items[i];
    const merged = validateTouchpoint({ ...current, ...patch } as TouchpointInput, current.createdAt);
    const next: Touchpoint = { ...merged, id: ref.id, createdAt: current.createdAt };
    items[i] = next;
    await writeHistory(ref.clientId, items);
    await recomputeClient(ref.clientId, await getSettings(), now, items);
    return next;
  });
}

/** Deletes a touchpoint and returns it, so the caller can offer to undo. */
export async function deleteTouchpoint(ref: TouchpointRef, now = Date.now()): Promise<Touchpoint> {
  checkRef(ref);
  return db.transaction('rw', db.clients, db.histories, db.digests, db.settings, async () => {
    const items = await readHistory(ref.clientId);
    const [tp] = items.splice(findIn(items, ref), 1);
    await writeHistory(ref.clientId, items);
    await recomputeClient(ref.clientId, await getSettings(), now, items);
    return tp;
  });
}

/**
 * Puts a deleted touchpoint back (the undo of deleteTouchpoint) with its original id, so
 * what named it names it again; when that id is in the history already (the same undo
 * twice), it comes back as a copy with a fresh id.
 */
export async function restoreTouchpoint(tp: Touchpoint, now = Date.now()): Promise<Touchpoint> {
  // validated as of its first creation, so it keeps its createdAt
  const valid = validateTouchpoint(tp as TouchpointInput, tp.createdAt ?? now);
  const original = isTouchpointId(tp.id) ? tp.id : undefined;
  return addToHistory(
    valid,
    (items) => (original !== undefined && !items.some((t) => t.id === original) ? original : newTouchpointId(now)),
    now,
  );
}

/** The client's touchpoints, newest first (the `limit` newest, when given). */
export async function listHistory(clientId: number, limit?: number): Promise<Touchpoint[]> {
  const items = await readHistory(clientId);
  const from = limit === undefined ? 0 : Math.max(0, items.length - limit);
  return items.slice(from).reverse();
}

export type { TouchpointInput };
