/**
 * Many touchpoints added to several histories in one transaction (recording a thread,
 * the message list, merging a backup). A module of its own: the side panel, which only
 * reads histories, does not load it.
 */
import type { Touchpoint } from '../domain/model';
import { isTouchpointId, newTouchpointId } from '../domain/ids';
import { readHistories, writeHistory } from './history';

/**
 * Many touchpoints added to several histories in one transaction (recording a thread,
 * merging a backup): the histories are read at once by `load`, with the keys that tell a
 * touchpoint already there from a new one (`keysOf`: a touchpoint is already there when
 * any of its keys is), changed in memory, and written once each by `writeAll`.
 *
 * Why a load first and the rest synchronous: inside a Dexie transaction, every await of a
 * promise that is not Dexie's own (an async method's, even one with nothing to wait for)
 * spends one of the transaction zone's echoes, and after about a hundred in a row Dexie
 * loses the transaction: the rest of the work ran outside it and the transaction failed
 * (PrematureCommitError). A backup merged over a client with 100 touchpoints, or a thread
 * of 100 messages, did that when each touchpoint awaited `has` and `add`.
 */
export class HistoryBatch {
  private histories = new Map<number, { items: Touchpoint[]; keys: Set<string>; ids: Set<string>; added: boolean }>();
  /** how many touchpoints `add` added */
  added = 0;

  /** `now`: the time the new touchpoints' ids are made at */
  constructor(
    private keysOf: (t: Pick<Touchpoint, 'kind' | 'at' | 'messageKey'>) => string[],
    private now?: number,
  ) {}

  /** Reads the histories of these clients (those not read yet), in one go. */
  async load(clientIds: Iterable<number>): Promise<void> {
    const ids = [...new Set(clientIds)].filter((id) => !this.histories.has(id));
    if (!ids.length) return;
    const read = await readHistories(ids);
    ids.forEach((clientId, i) => {
      const items = read[i] ?? [];
      this.histories.set(clientId, { items, keys: new Set(items.flatMap(this.keysOf)), ids: new Set(items.map((t) => t.id!)), added: false });
    });
  }

  private of(clientId: number) {
    const h = this.histories.get(clientId);
    if (!h) throw new Error(`the history of client ${clientId} was not loaded into the batch`);
    return h;
  }

  /** The client's history as read, plus what this batch added (in the order added; not yet sorted). */
  items(clientId: number): readonly Touchpoint[] {
    return this.of(clientId).items;
  }

  /**
   * Takes the first touchpoint that `match` picks out of the client's history and returns
   * it (undefined when none does); the history is written without it by `writeAll`.
   */
  take(clientId: number, match: (t: Touchpoint) => boolean): Touchpoint | undefined {
    const h = this.of(clientId);
    const i = h.items.findIndex(match);
    if (i < 0) return undefined;
    h.added = true;
    return h.items.splice(i, 1)[0];
  }

  /** Whether the client's history (as read, plus what this batch added) holds the touchpoint. */
  has(clientId: number, t: Pick<Touchpoint, 'kind' | 'at' | 'messageKey'>): boolean {
    const { keys } = this.of(clientId);
    return this.keysOf(t).some((k) => keys.has(k));
  }

  /**
   * Adds the touchpoint to the client's history with a new id, or with `id` (a merged
   * backup's own) when the history does not hold it yet.
   */
  add(clientId: number, t: Omit<Touchpoint, 'id' | 'clientId'>, id?: string): void {
    const h = this.of(clientId);
    const given = isTouchpointId(id) && !h.ids.has(id) ? id : newTouchpointId(this.now);
    h.ids.add(given);
    h.items.push({ ...t, clientId, id: given });
    h.added = true;
    this.added++;
    for (const k of this.keysOf(t)) h.keys.add(k);
  }

  /** Writes every history the batch changed; returns each, sorted as stored. */
  async writeAll(): Promise<Map<number, Touchpoint[]>> {
    const written = new Map<number, Touchpoint[]>();
    for (const [clientId, h] of this.histories) {
      if (h.added) written.set(clientId, await writeHistory(clientId, h.items));
    }
    return written;
  }
}
