/**
 * The client's denormalised fields (stage, saleCount, lifetimeValue, lastContactAt,
 * nextDueAt, awaitingReplySince, needsYouAt) are recomputed from the client's whole history by the
 * pure rules of lib/domain, always inside the caller's write transaction, so no reader
 * ever sees a touchpoint without its effect on the client. Recomputing (rather than
 * adjusting incrementally) makes deletes and edits as correct as inserts, and costs one
 * read of the client's history record (lib/db/history.ts), or none when the caller has
 * just written that history and passes it.
 */
import { withDerivedFields } from '../domain/derive';
import type { Client, ClientHistory, Settings, Touchpoint } from '../domain/model';
import { db } from './schema';
import { allHistories, readHistory } from './history';

/**
 * Returns the client with its derived fields true; the caller's transaction writes it.
 * `history` is the client's touchpoints sorted by (at, id), when the caller holds them.
 */
export async function withDerived(client: Client, settings: Settings, history?: Touchpoint[]): Promise<Client> {
  const tps = history ?? (client.id === undefined ? [] : await readHistory(client.id));
  return withDerivedFields(client, tps, settings);
}

export async function recomputeClient(
  clientId: number,
  settings: Settings,
  now = Date.now(),
  history?: Touchpoint[],
): Promise<Client | undefined> {
  const client = await db.clients.get(clientId);
  if (!client) return undefined;
  return putDerived(client, settings, now, history);
}

/** The client with its derived fields true for `history` (sorted), stamped as changed at `now`. */
export function derivedAt(client: Client, history: Touchpoint[], settings: Settings, now: number): Client {
  const next = withDerivedFields(client, history, settings);
  next.updatedAt = now;
  return next;
}

/**
 * Writes `client`, as read in the caller's transaction, with its derived fields true for
 * `history`: for a write that read the client already and should not read it again.
 */
export function putDerived(client: Client, settings: Settings, now: number, history?: Touchpoint[]): Promise<Client> {
  const put = (h: Touchpoint[]) => {
    const next = derivedAt(client, h, settings, now);
    return db.clients.put(next).then(() => next);
  };
  // with the history at hand, no await at all (see readHistory in ./history.ts for why)
  if (history) return put(history);
  return (client.id === undefined ? Promise.resolve([]) : readHistory(client.id)).then(put);
}

/** Each client with its derived fields true, from the history rows given (none: no touchpoints). */
export async function withDerivedAll(clients: Client[], rows: ClientHistory[], settings: Settings): Promise<Client[]> {
  const histories = new Map(rows.map((r) => [r.clientId, r.items]));
  const out: Client[] = [];
  for (const c of clients) out.push(await withDerived(c, settings, histories.get(c.id!) ?? []));
  return out;
}

/** Every client at once (a setting that changes every due date): two reads and one bulk write. */
export async function recomputeAllClients(settings: Settings, now = Date.now()): Promise<void> {
  const [clients, rows] = await Promise.all([db.clients.toArray(), allHistories()]);
  const next = await withDerivedAll(clients, rows, settings);
  for (const c of next) c.updatedAt = now;
  await db.clients.bulkPut(next);
}
