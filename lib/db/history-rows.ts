/**
 * The pure half of lib/db/history.ts: how touchpoints are laid out in history rows (one
 * per client, sorted by (at, id), ids unique within the client). Pure, so the schema
 * upgrade that packs the old one-row-per-touchpoint store can use it without a cycle.
 */
import type { ClientHistory, Touchpoint } from '../domain/model';

/** Sorts by (at, id): the order deriving a client's fields and every view expect. */
export function byTime(a: Touchpoint, b: Touchpoint): number {
  return a.at - b.at || (a.id ?? 0) - (b.id ?? 0);
}

/** The id the next touchpoint of this history gets. */
export function nextTouchpointId(items: Touchpoint[]): number {
  let max = 0;
  for (const t of items) if (t.id !== undefined && t.id > max) max = t.id;
  return max + 1;
}

/**
 * Groups touchpoints into history rows, one per client, each sorted. Touchpoints without
 * an id, or whose id is taken in their client's history, get the next free one.
 */
export function packHistories(touchpoints: Touchpoint[]): ClientHistory[] {
  const rows = new Map<number, Touchpoint[]>();
  for (const t of touchpoints) {
    const items = rows.get(t.clientId);
    if (items) items.push(t);
    else rows.set(t.clientId, [t]);
  }
  const out: ClientHistory[] = [];
  for (const [clientId, items] of rows) {
    const taken = new Set<number>();
    const needId: Touchpoint[] = [];
    const kept: Touchpoint[] = [];
    for (const t of items) {
      if (t.id !== undefined && !taken.has(t.id)) {
        taken.add(t.id);
        kept.push(t);
      } else needId.push(t);
    }
    let next = nextTouchpointId(kept);
    for (const t of needId) kept.push({ ...t, id: next++ });
    out.push({ clientId, items: kept.sort(byTime) });
  }
  return out.sort((a, b) => a.clientId - b.clientId);
}
