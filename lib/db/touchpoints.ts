/**
 * Touchpoints (emails, calls, meetings, notes, sales...) and the client's history. Each
 * write re-derives the client's fields in the same transaction (lib/db/derived.ts).
 * Deleting returns the deleted record so the UI can offer "Undo", which restores it with
 * its original id. Touchpoints live in their client's history record (lib/db/history.ts),
 * so a touchpoint is named by { clientId, id }; an id is never given to another touchpoint
 * (lib/domain/ids.ts), so a stale reference finds nothing rather than the wrong one.
 */
import type { Client, Settings, Touchpoint, TouchpointRef } from '../domain/model';
import { validateTouchpoint, type TouchpointInput } from '../domain/touchpoints';
import { ValidationError } from '../domain/validate';
import { isTouchpointId, newTouchpointId } from '../domain/ids';
import { settingsFrom } from '../domain/settings';
import { db, type SettingsRow } from './schema';
import { canWriteNatively, nativeWrite, request, type StoreName } from './native-write';
import { PART_SIZE, type HistoryRow } from './history-rows';
import { NotFoundError } from './errors';
import { getSettings, SETTINGS_KEY } from './settings';
import { derivedAt, recomputeClient } from './derived';
import { byTime, putHistoryRows, readHistory, readHistoryRows, writeHistory } from './history';

function findIn(items: Touchpoint[], ref: TouchpointRef): number {
  const i = items.findIndex((t) => t.id === ref.id);
  if (i < 0) throw new NotFoundError(`touchpoint ${ref.id} of client ${ref.clientId} does not exist`);
  return i;
}

function checkRef(ref: TouchpointRef): void {
  if (!ref || typeof ref !== 'object' || !Number.isInteger(ref.clientId) || !isTouchpointId(ref.id))
    throw new ValidationError('a touchpoint is named by the ids of its client and itself');
}

/** What adding a touchpoint makes of the client's records, derived in memory. */
interface Added {
  saved: Touchpoint;
  /** absent when the history held the touchpoint already (nothing to write) */
  write?: { client: Client; items: Touchpoint[] };
}

function added(
  client: Client | undefined, items: Touchpoint[], settings: Settings,
  tp: Omit<Touchpoint, 'id'>, id: (items: Touchpoint[]) => string, now: number,
): Added {
  if (!client) throw new NotFoundError(`client ${tp.clientId} does not exist`);
  if (tp.messageKey) {
    const existing = items.find((t) => t.messageKey === tp.messageKey);
    if (existing) return { saved: existing };
  }
  const saved: Touchpoint = { ...tp, id: id(items) };
  items.push(saved);
  // sorted as stored, so the client is derived from the history as it will be read
  items.sort(byTime);
  return { saved, write: { client: derivedAt(client, items, settings, now), items } };
}

/**
 * Adds a checked touchpoint to its client's history and re-derives the client, in one
 * transaction. A message key the history already holds returns that touchpoint instead
 * (a detected email is recorded once). `id` picks the new touchpoint's id from the
 * history as it is.
 *
 * Standing alone (a call logged in the panel) it runs on IndexedDB's own transaction
 * (./native-write.ts says why); inside a caller's transaction (a referral, the sample
 * data) it joins that one through Dexie. Both make the same reads at once, derive in
 * memory and make the same writes at once, chained rather than awaited: in turn they were
 * a round trip each, and inside a Dexie transaction every await also costs a turn of its
 * zone machinery (BENCHMARKS.md, logging).
 */
function addToHistory(tp: Omit<Touchpoint, 'id'>, id: (items: Touchpoint[]) => string, now: number): Promise<Touchpoint> {
  const viaDexie = () =>
    db.transaction('rw', db.clients, db.histories, db.historyParts, db.digests, db.settings, () =>
      Promise.all([db.clients.get(tp.clientId), readHistory(tp.clientId), getSettings()]).then(([client, items, settings]) => {
        const { saved, write } = added(client, items, settings, tp, id, now);
        if (!write) return saved;
        return Promise.all([writeHistory(tp.clientId, write.items), db.clients.put(write.client)]).then(() => saved);
      }),
    );
  if (canWriteNatively()) {
    const stores: StoreName[] = ['clients', 'histories', 'historyParts', 'digests', 'settings'];
    const native = nativeWrite(stores, ['clients', 'histories', 'historyParts', 'digests'], (tx) =>
      Promise.all([
        request<Client | undefined>(tx.objectStore('clients').get(tp.clientId)),
        request<HistoryRow | undefined>(tx.objectStore('histories').get(tp.clientId)),
        request<SettingsRow | undefined>(tx.objectStore('settings').get(SETTINGS_KEY)),
      ]).then(([client, head, settings]) =>
        readHistoryRows(tx, tp.clientId, head).then((items) => {
          const { saved, write } = added(client, items, settingsFrom(settings?.value), tp, id, now);
          if (!write) return saved;
          // the parts before the one the new touchpoint falls in are stored as they are
          // (a call of today falls in the head: no part is written)
          const at = write.items.lastIndexOf(saved);
          putHistoryRows(tx, tp.clientId, write.items, Math.min(Math.floor(at / PART_SIZE), head?.parts ?? 0));
          return request(tx.objectStore('clients').put(write.client)).then(() => saved);
        }),
      ),
    );
    // the connection was closing (a newer version of the database asked for it) after the
    // check: the transaction never started, and Dexie's path opens the database again
    return native.catch((e: unknown) => ((e as { name?: string })?.name === 'InvalidStateError' ? viaDexie() : Promise.reject(e)));
  }
  return viaDexie();
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
  return db.transaction('rw', db.clients, db.histories, db.historyParts, db.digests, db.settings, async () => {
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
  return db.transaction('rw', db.clients, db.histories, db.historyParts, db.digests, db.settings, async () => {
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

// a read, kept with the history's other reads; exported here too for the callers that write
export { listHistory } from './history';
export type { TouchpointInput };
