/**
 * The pure half of lib/db/history.ts: the order of a history (by (at, id), ids unique in
 * the whole database; lib/domain/ids.ts), and the touchpoints of schema versions 1-7 and
 * backup formats 1-2, whose ids were numbers unique within a client only. Pure, so the
 * schema upgrades can use it without a cycle. (Packing a whole backup into history rows,
 * which only a restore does, is lib/backup/histories.ts: every module here is in every page.)
 */
import type { ClientHistory, Touchpoint } from '../domain/model';
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

// ---------------------------------------------------------------- parts (schema 12)

/** Touchpoints in each sealed part of a long history (lib/db/history.ts says why there are parts). */
export const PART_SIZE = 500;

/** The row of a client's history in `histories`: its newest touchpoints, after `parts` sealed parts. */
export interface HistoryRow extends ClientHistory {
  /** how many sealed parts (`historyParts`) hold the older touchpoints; absent: none */
  parts?: number;
}

/** A sealed part of a long history: PART_SIZE touchpoints, all before those of the parts after it. */
export interface HistoryPartRow extends ClientHistory {
  part: number;
}

/** How many sealed parts a history of `n` touchpoints has: the head keeps 1 to PART_SIZE of them. */
export function partsOf(n: number): number {
  return n === 0 ? 0 : Math.floor((n - 1) / PART_SIZE);
}

/**
 * The rows a sorted history is stored as: its head and its sealed parts from `fromPart` on
 * (those before it are known to be stored as they are).
 */
export function historyRows(clientId: number, items: Touchpoint[], fromPart = 0): { head: HistoryRow; parts: HistoryPartRow[] } {
  const count = partsOf(items.length);
  if (count === 0) return { head: { clientId, items }, parts: [] };
  const parts: HistoryPartRow[] = [];
  for (let k = fromPart; k < count; k++) parts.push({ clientId, part: k, items: items.slice(k * PART_SIZE, (k + 1) * PART_SIZE) });
  return { head: { clientId, items: items.slice(count * PART_SIZE), parts: count }, parts };
}

/** A client's touchpoints from its rows: the parts in order, then the head (a new array the caller may change). */
export function joinHistory(head: HistoryRow | undefined, parts: readonly HistoryPartRow[]): Touchpoint[] {
  if (!head) return [];
  if (!head.parts || parts.length === 0) return head.items;
  const out: Touchpoint[] = [];
  // the head says how many parts there are: a part past them (left by a write that failed
  // to delete it) is none of the history
  const mine = parts.filter((p) => p.part < head.parts!).sort((a, b) => a.part - b.part);
  for (const p of mine) for (const t of p.items) out.push(t);
  for (const t of head.items) out.push(t);
  return out;
}

/** Every history from all the rows of both stores (parts in any order). */
export function joinHistories(heads: readonly HistoryRow[], parts: readonly HistoryPartRow[]): ClientHistory[] {
  const byClient = new Map<number, HistoryPartRow[]>();
  for (const p of parts) (byClient.get(p.clientId) ?? byClient.set(p.clientId, []).get(p.clientId)!).push(p);
  return heads.map((h) => (h.parts ? { clientId: h.clientId, items: joinHistory(h, byClient.get(h.clientId) ?? []) } : h));
}
