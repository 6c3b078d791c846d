/**
 * The 80/20 view: clients ranked by lifetime value, with the cumulative share of revenue,
 * and the smallest set of clients that together make at least 80 % of it (the key
 * accounts). Ties are broken by client id (the earlier client first), so the set is
 * always the same for the same data; a client tied in value with the last one included
 * is not pulled in: the set stays the smallest. Clients with no revenue are ranked but
 * never key.
 */
import type { Client } from '../model';

export interface ParetoRow {
  client: Pick<Client, 'id' | 'name' | 'lifetimeValue'>;
  value: number;
  share: number;
  cumulativeShare: number;
  key: boolean;
}

export interface Pareto {
  rows: ParetoRow[];
  total: number;
  keyIds: number[];
  /** share of revenue made by the key set (>= threshold unless there is no revenue) */
  keyShare: number;
}

export function pareto(clients: Pick<Client, 'id' | 'name' | 'lifetimeValue'>[], threshold = 0.8): Pareto {
  const ranked = [...clients].sort((a, b) => b.lifetimeValue - a.lifetimeValue || (a.id ?? 0) - (b.id ?? 0));
  const cents = ranked.map((c) => Math.round(Math.max(0, c.lifetimeValue) * 100));
  const totalCents = cents.reduce((a, b) => a + b, 0);
  let running = 0;
  let reached = totalCents === 0;
  const rows: ParetoRow[] = ranked.map((client, i) => {
    const key = !reached && cents[i] > 0;
    running += cents[i];
    if (!reached && running >= threshold * totalCents) reached = true;
    return {
      client,
      value: cents[i] / 100,
      share: totalCents ? cents[i] / totalCents : 0,
      cumulativeShare: totalCents ? running / totalCents : 0,
      key,
    };
  });
  const keyRows = rows.filter((r) => r.key);
  return {
    rows,
    total: totalCents / 100,
    keyIds: keyRows.map((r) => r.client.id!).filter((id) => id !== undefined),
    keyShare: totalCents ? keyRows.reduce((a, r) => a + Math.round(r.value * 100), 0) / totalCents : 0,
  };
}
