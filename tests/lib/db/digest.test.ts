/**
 * The digests the Insights page reads (lib/domain/digest.ts) stay the digest of their
 * history after every kind of write the product makes, and none is left for a history
 * that is gone: if a write path forgot them, the page would show stale numbers.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/schema';
import { createClient, deleteClient } from '@/lib/db/clients';
import { deleteTouchpoint, logTouchpoint, restoreTouchpoint, updateTouchpoint } from '@/lib/db/touchpoints';
import { markNoReplyNeeded } from '@/lib/db/triage';
import { logReferral } from '@/lib/db/referrals';
import { loadSampleData } from '@/lib/db/sample';
import { exportBackup, parseBackup, restoreBackup } from '@/lib/backup/backup';
import { loadInsights } from '@/lib/db/insights';
import { digestOf } from '@/lib/domain/digest';
import type { HistoryDigest } from '@/lib/domain/model';
import { resetDb, DAY } from './helpers';

const NOW = new Date(2026, 10, 20, 12).getTime();
const plain = (d: HistoryDigest) => ({ ...d, at: Array.from(d.at), kind: Array.from(d.kind) });

/** every history has its digest, equal to the digest of it, and no digest is left over */
async function expectDigestsTrue() {
  const [histories, digests] = await Promise.all([db.histories.toArray(), db.digests.toArray()]);
  expect(digests.map((d) => d.clientId)).toEqual(histories.map((h) => h.clientId));
  digests.forEach((d, i) => expect(plain(d)).toEqual(plain(digestOf(histories[i].clientId, histories[i].items))));
}

beforeEach(resetDb);

describe('every write keeps the digests true', () => {
  it('logging, editing, deleting and restoring touchpoints, triage, referrals and deleting a client', async () => {
    const dana = await createClient({ name: 'Dana', emails: ['dana@acme.com'] }, NOW - 90 * DAY);
    const lee = await createClient({ name: 'Lee', emails: ['lee@globex.io'] }, NOW - 90 * DAY);
    const call = await logTouchpoint({ clientId: dana.id!, kind: 'call', at: NOW - 5 * DAY }, NOW);
    await logTouchpoint({ clientId: dana.id!, kind: 'email-out', at: NOW - 4 * DAY, templateId: 2 }, NOW);
    await logTouchpoint({ clientId: dana.id!, kind: 'email-in', at: NOW - 3 * DAY }, NOW);
    const sale = await logTouchpoint({ clientId: lee.id!, kind: 'sale', amount: 500, at: NOW - 10 * DAY }, NOW);
    await expectDigestsTrue();
    await updateTouchpoint({ clientId: dana.id!, id: call.id! }, { at: NOW - 6 * DAY }, NOW);
    await expectDigestsTrue();
    await markNoReplyNeeded(dana.id!, NOW);
    await expectDigestsTrue();
    const gone = await deleteTouchpoint({ clientId: lee.id!, id: sale.id! }, NOW);
    await expectDigestsTrue();
    expect(await db.digests.get(lee.id!)).toBeUndefined();
    await restoreTouchpoint(gone, NOW);
    await expectDigestsTrue();
    await logReferral({ referrerId: dana.id!, name: 'Ravi Shah', email: 'ravi@initech.com', track: true, at: NOW - DAY }, NOW);
    await expectDigestsTrue();
    await deleteClient(lee.id!);
    await expectDigestsTrue();
    expect(await db.digests.get(lee.id!)).toBeUndefined();
  });

  it('sample data, and a backup restored over it (replace) or into it (merge)', async () => {
    await loadSampleData(NOW);
    await expectDigestsTrue();
    expect(await db.digests.count()).toBeGreaterThan(0);
    const backup = await parseBackup((await exportBackup(NOW)).text);
    await createClient({ name: 'Extra', emails: ['extra@x.com'] }, NOW);
    await restoreBackup(backup, 'replace', NOW);
    await expectDigestsTrue();
    await restoreBackup(backup, 'merge', NOW);
    await expectDigestsTrue();
  });

  it('what the Insights page shows comes from them', async () => {
    await loadSampleData(NOW);
    const before = await loadInsights(NOW);
    // a digest that no longer matched its history would show: empty them all
    await db.digests.clear();
    const after = await loadInsights(NOW);
    expect(after.replies).not.toEqual(before.replies);
    expect(after.quarters).not.toEqual(before.quarters);
  });
});
