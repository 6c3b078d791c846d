/**
 * The pure half of lib/db/history.ts: the order of a history (by (at, id), ids unique in
 * the whole database; lib/domain/ids.ts), and the touchpoints of schema versions 1-7 and
 * backup formats 1-2, whose ids were numbers unique within a client only. Pure, so the
 * schema upgrades can use it without a cycle. (Packing a whole backup into history rows,
 * which only a restore does, is lib/backup/histories.ts: every module here is in every page.)
 */
import type { Touchpoint } from '../domain/model';
import { newTouchpointId } from '../domain/ids';

const compareIds = (a = '', b = '') => (a < b ? -1 : a > b ? 1 : 0);

/** Sorts by (at, id): the order deriving a client's fields and every view expect. */
export function byTime(a: Touchpoint, b: Touchpoint): number {
  return a.at - b.at || compareIds(a.id, b.id);
}

// ---------------------------------------------------------------- numbered (schema 1-7, backup 1-2)

/** A touchpoint as schema versions 1-7 and backup formats 1-2 kept it: a number for an id, unique within its client. */
export type NumberedTouchpoint = Omit<Touchpoint, 'id'> & { id?: number };

/** (at, id) for numbered touchpoints: the order their histories had. */
export function byTimeNumbered(a: NumberedTouchpoint, b: NumberedTouchpoint): number {
  return a.at - b.at || (a.id ?? 0) - (b.id ?? 0);
}

/**
 * Schema version 5's packing of the one-row-per-touchpoint store: rows of numbered
 * touchpoints, one per client, each sorted, every id kept (the old store's auto-incremented
 * key, so present and unique). Version 8 then gives every one an id of today.
 */
export function packNumberedHistories(touchpoints: NumberedTouchpoint[]): { clientId: number; items: NumberedTouchpoint[] }[] {
  const rows = new Map<number, NumberedTouchpoint[]>();
  for (const t of touchpoints) {
    const items = rows.get(t.clientId);
    if (items) items.push(t);
    else rows.set(t.clientId, [t]);
  }
  return [...rows].map(([clientId, items]) => ({ clientId, items: items.sort(byTimeNumbered) })).sort((a, b) => a.clientId - b.clientId);
}

/**
 * Numbered touchpoints (one history, or a backup's of every client) with ids of today,
 * given in their history order, (at, old id): the ids of one maker increase, so the new
 * ids sort each history as the numbers did, and a tie in time stays in its order. Nothing
 * else of a touchpoint changes, and none is left out.
 */
export function withFreshIds(items: NumberedTouchpoint[], nextId: (now?: number) => string = newTouchpointId, now = Date.now()): Touchpoint[] {
  return [...items].sort(byTimeNumbered).map((t) => ({ ...t, id: nextId(now) }));
}
