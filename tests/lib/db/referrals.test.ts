import { beforeEach, describe, expect, it } from 'vitest';
import { createClient, getClient, listHistory, updateClient } from '@/lib/db';
import { logReferral } from '@/lib/db/referrals';
import { resetDb, dumpDb, DAY } from './helpers';

const NOW = new Date(2026, 10, 22, 12).getTime();
beforeEach(resetDb);

describe('logReferral', () => {
  it('records who referred whom, and the person tracked becomes a client "referred by" the referrer', async () => {
    const dana = await createClient({ name: 'Dana', emails: ['dana@acme.com'] }, NOW - 100 * DAY);
    const r = await logReferral({ referrerId: dana.id!, name: 'Ravi Shah', email: 'Ravi@Globex.com', track: true, at: NOW - DAY }, NOW);
    expect(r.client).toMatchObject({ name: 'Ravi Shah', emails: ['ravi@globex.com'], referredBy: dana.id, stage: 'prospect' });
    expect(r.touchpoint).toMatchObject({ kind: 'referral', subject: 'Referred Ravi Shah <ravi@globex.com>', referredClientId: r.client!.id, at: NOW - DAY });
    expect((await listHistory(dana.id!)).map((t) => t.kind)).toEqual(['referral']);
    // a record, not contact: Dana's clock does not move
    expect((await getClient(dana.id!))!.lastContactAt).toBeUndefined();
  });

  it('records a referral by name alone, untracked; an address already a client keeps its card', async () => {
    const dana = await createClient({ name: 'Dana', emails: ['dana@acme.com'] }, NOW);
    expect((await logReferral({ referrerId: dana.id!, name: 'Ravi' }, NOW)).client).toBeUndefined();
    const known = await createClient({ name: 'Kim', emails: ['kim@x.com'] }, NOW);
    const other = await createClient({ name: 'Ola', emails: ['ola@x.com'] }, NOW);
    await updateClient(known.id!, { referredBy: other.id }, NOW);
    const r = await logReferral({ referrerId: dana.id!, email: 'kim@x.com', track: true }, NOW);
    expect(r.client!.id).toBe(known.id);
    expect((await getClient(known.id!))!.referredBy).toBe(other.id);
    expect(r.touchpoint).toMatchObject({ subject: 'Referred kim@x.com', referredClientId: known.id });
  });

  it('refuses what cannot be a referral, changing nothing', async () => {
    const dana = await createClient({ name: 'Dana', emails: ['dana@acme.com'] }, NOW);
    const before = await dumpDb();
    await expect(logReferral({ referrerId: dana.id! }, NOW)).rejects.toThrow(/name or the address/);
    await expect(logReferral({ referrerId: dana.id!, name: 'Ravi', track: true }, NOW)).rejects.toThrow(/email address/);
    await expect(logReferral({ referrerId: dana.id!, email: 'not an address' }, NOW)).rejects.toThrow(/not an email address/);
    await expect(logReferral({ referrerId: dana.id!, email: 'dana@acme.com', track: true }, NOW)).rejects.toThrow(/themselves/);
    await expect(logReferral({ referrerId: 99, name: 'Ravi' }, NOW)).rejects.toThrow(/does not exist/);
    await expect(updateClient(dana.id!, { referredBy: 99 }, NOW)).rejects.toThrow(/referred by/);
    expect(await dumpDb()).toEqual(before);
  });
});
