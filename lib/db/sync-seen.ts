/**
 * What the side panel reads of sync: when a change from another device last landed in a
 * client. Apart from ./sync-store.ts, so the panel does not carry the merge and the
 * documents' code (issue #20's budget for its JavaScript).
 */
import { db } from './schema';

/** When a change from another device last landed in this client, if one did. */
export async function changedElsewhereAt(clientId: number): Promise<number | undefined> {
  const rows = await db.syncDocs.where('clientId').equals(clientId).toArray();
  const times = rows.flatMap((r) => (r.fromElsewhereAt === undefined ? [] : [r.fromElsewhereAt]));
  return times.length ? Math.max(...times) : undefined;
}
