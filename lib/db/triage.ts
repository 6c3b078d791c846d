/**
 * One-click triage of a waiting email, without inventing a touch: "No reply needed" marks
 * the client's unanswered emails as handled (lib/domain/response.ts), in one transaction
 * with the client's derived fields, so the status, the badge and Today change at once; it
 * returns the touchpoints it marked, and `undoNoReplyNeeded` clears exactly those. The
 * flag lives on the touchpoints, so seeing the thread again (which records nothing it
 * already has) does not bring the waiting back.
 */
import type { Touchpoint, TouchpointRef } from '../domain/model';
import { touchDirection } from '../domain/response';
import { ValidationError } from '../domain/validate';
import { isTouchpointId } from '../domain/ids';
import { db } from './schema';
import { NotFoundError } from './errors';
import { getSettings } from './settings';
import { recomputeClient } from './derived';
import { readHistory, writeHistory } from './history';

/** The client's emails no answer has followed yet (oldest first). */
export function unansweredEmails(items: Touchpoint[]): Touchpoint[] {
  let closed = -Infinity;
  for (const t of items) {
    const d = touchDirection(t.kind, t.noReplyNeeded);
    if ((d === 'outbound' || d === 'handled') && t.at > closed) closed = t.at;
  }
  return items.filter((t) => touchDirection(t.kind, t.noReplyNeeded) === 'inbound' && t.at > closed);
}

function checkClientId(clientId: number) {
  if (!Number.isInteger(clientId) || clientId <= 0) throw new ValidationError('a client id is a positive whole number');
}

/** Marks every unanswered email of the client as needing no reply; returns what it marked. */
export async function markNoReplyNeeded(clientId: number, now = Date.now()): Promise<TouchpointRef[]> {
  checkClientId(clientId);
  return db.transaction('rw', db.clients, db.histories, db.historyParts, db.digests, db.settings, async () => {
    if (!(await db.clients.get(clientId))) throw new NotFoundError(`client ${clientId} does not exist`);
    const items = await readHistory(clientId);
    const waiting = unansweredEmails(items);
    if (waiting.length === 0) return [];
    for (const t of waiting) t.noReplyNeeded = true;
    await writeHistory(clientId, items);
    await recomputeClient(clientId, await getSettings(), now, items);
    return waiting.map((t) => ({ clientId, id: t.id! }));
  });
}

/** Takes "no reply needed" back from the touchpoints it was put on (the undo). */
export async function undoNoReplyNeeded(refs: TouchpointRef[], now = Date.now()): Promise<void> {
  if (!Array.isArray(refs)) throw new ValidationError('nothing to undo');
  const byClient = new Map<number, Set<string>>();
  for (const r of refs) {
    checkClientId(r?.clientId);
    if (!isTouchpointId(r.id)) throw new ValidationError('a touchpoint is named by the ids of its client and itself');
    byClient.set(r.clientId, (byClient.get(r.clientId) ?? new Set()).add(r.id));
  }
  await db.transaction('rw', db.clients, db.histories, db.historyParts, db.digests, db.settings, async () => {
    const settings = await getSettings();
    for (const [clientId, ids] of byClient) {
      const items = await readHistory(clientId);
      let changed = false;
      for (const t of items) {
        if (ids.has(t.id!) && t.noReplyNeeded) {
          delete t.noReplyNeeded;
          changed = true;
        }
      }
      if (!changed) continue;
      await writeHistory(clientId, items);
      await recomputeClient(clientId, settings, now, items);
    }
  });
}
