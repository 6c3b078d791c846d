/**
 * The pure half of lib/db/history.ts: how touchpoints are laid out in history rows (one
 * per client, sorted by (at, id), ids unique in the whole database; lib/domain/ids.ts).
 * Pure, so the schema upgrades can use it without a cycle; the numbered forms are for the
 * touchpoints of schema versions 1-7 and backup formats 1-2, whose ids were numbers unique
 * within a client only.
 */
import type { ClientHistory, Touchpoint } from '../domain/model';
import { isTouchpointId, newTouchpointId } from '../domain/ids';

const compareIds = (a = '', b = '') => (a < b ? -1 : a > b ? 1 : 0);

/** Sorts by (at, id): the order deriving a client's fields and every view expect. */
export function byTime(a: Touchpoint, b: Touchpoint): number {
  return a.at - b.at || compareIds(a.id, b.id);
}

/**
 * Groups touchpoints into history rows, one per client, each sorted. A touchpoint keeps its
 * id unless it has none or an earlier one of the list has it: then it gets a fresh one.
 */
export function packHistories(touchpoints: Touchpoint[], nextId: (now?: number) => string = newTouchpointId): ClientHistory[] {
  const rows = new Map<number, Touchpoint[]>();
  const taken = new Set<string>();
  for (const given of touchpoints) {
    let t = given;
    if (!isTouchpointId(t.id) || taken.has(t.id)) t = { ...t, id: nextId() };
    taken.add(t.id!);
    const items = rows.get(t.clientId);
    if (items) items.push(t);
    else rows.set(t.clientId, [t]);
  }
  const out: ClientHistory[] = [];
  for (const [clientId, items] of rows) out.push({ clientId, items: items.sort(byTime) });
  return out.sort((a, b) => a.clientId - b.clientId);
}

// ---------------------------------------------------------------- numbered (schema 1-7, backup 1-2)

/** A touchpoint as schema versions 1-7 and backup formats 1-2 kept it: a number for an id, unique within its client. */
export type NumberedTouchpoint = Omit<Touchpoint, 'id'> & { id?: number };

/** (at, id) for numbered touchpoints: the order their histories had. */
export function byTimeNumbered(a: NumberedTouchpoint, b: NumberedTouchpoint): number {
  return a.at - b.at || (a.id ?? 0) - (b.id ?? 0);
}

/** The id the next numbered touchpoint of this history got (schema version 5's packing). */
export function nextNumberedId(items: NumberedTouchpoint[]): number {
  let max = 0;
  for (const t of items) if (t.id !== undefined && t.id > max) max = t.id;
  return max + 1;
}

/**
 * Schema version 5's packing of the one-row-per-touchpoint store: rows of numbered
 * touchpoints, one per client, each sorted; a touchpoint without an id, or whose id is taken
 * in its client's history, gets the next free number. (Version 8 then gives every one an id.)
 */
export function packNumberedHistories(touchpoints: NumberedTouchpoint[]): { clientId: number; items: NumberedTouchpoint[] }[] {
  const rows = new Map<number, NumberedTouchpoint[]>();
  for (const t of touchpoints) {
    const items = rows.get(t.clientId);
    if (items) items.push(t);
    else rows.set(t.clientId, [t]);
  }
  const out: { clientId: number; items: NumberedTouchpoint[] }[] = [];
  for (const [clientId, items] of rows) {
    const taken = new Set<number>();
    const needId: NumberedTouchpoint[] = [];
    const kept: NumberedTouchpoint[] = [];
    for (const t of items) {
      if (t.id !== undefined && !taken.has(t.id)) {
        taken.add(t.id);
        kept.push(t);
      } else needId.push(t);
    }
    let next = nextNumberedId(kept);
    for (const t of needId) kept.push({ ...t, id: next++ });
    out.push({ clientId, items: kept.sort(byTimeNumbered) });
  }
  return out.sort((a, b) => a.clientId - b.clientId);
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
