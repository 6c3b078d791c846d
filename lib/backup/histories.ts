/**
 * A backup's touchpoints as history rows (lib/db/history.ts): one per client, each sorted by
 * (at, id). Here and not in lib/db because only a restore (and the benchmark's seed) packs a
 * whole book, and lib/db is in every page's bundle.
 */
import type { ClientHistory, Touchpoint } from '../domain/model';
import { isTouchpointId, newTouchpointId } from '../domain/ids';
import { byTime } from '../db/history-rows';

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
