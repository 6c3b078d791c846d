import { beforeEach, describe, expect, it } from 'vitest';
import {
  createClient, updateClient, findClientByEmail, deleteClient, getClient,
  logTouchpoint, ValidationError, NotFoundError, db,
} from '@/lib/db';
import { resetDb, dumpDb, DAY } from './helpers';

const T0 = new Date(2026, 0, 5, 10, 0).getTime(); // Mon 5 Jan 2026, 10:00 local

beforeEach(resetDb);

describe('createClient', () => {
  it('stores lower-cased, deduplicated addresses and derived fields', async () => {
    const c = await createClient({ name: 'Dana', emails: ['Dana@Acme-Corp.com', 'dana@acme-corp.com'] }, T0);
    expect(c.id).toBeTypeOf('number');
    expect(c.emails).toEqual(['dana@acme-corp.com']);
    expect(c.domain).toBe('acme-corp.com');
    expect(c.company).toBe('Acme Corp');
    expect(c.stage).toBe('prospect');
    expect(c.saleCount).toBe(0);
    expect(c.lifetimeValue).toBe(0);
    expect(c.lastContactAt).toBeUndefined();
    expect(c.awaitingReplySince).toBeUndefined();
    // a prospect is due 14 days after being added, at the end of that day
    expect(c.nextDueAt).toBe(new Date(2026, 0, 19, 23, 59, 59, 999).getTime());
    expect(await getClient(c.id!)).toEqual(c);
  });

  it('guesses a name from the address when none is given, and no company for free mail', async () => {
    const c = await createClient({ emails: ['jo.bloggs@gmail.com'] }, T0);
    expect(c.name).toBe('Jo Bloggs');
    expect(c.company).toBeUndefined();
  });

  it('keeps a name with markup as plain text', async () => {
    const c = await createClient({ name: '<img src=x onerror=alert(1)>', emails: ['x@y.com'] }, T0);
    expect(c.name).toBe('<img src=x onerror=alert(1)>');
  });

  it.each([
    ['not an address', ['dana']],
    ['markup', ['<script>@x.com']],
    ['no addresses', []],
    ['two @', ['a@b@c.com']],
  ])('refuses %s and writes nothing', async (_, emails) => {
    const before = await dumpDb();
    await expect(createClient({ name: 'X', emails: emails as string[] }, T0)).rejects.toThrow(ValidationError);
    expect(await dumpDb()).toEqual(before);
  });

  it('refuses an address that already belongs to another client', async () => {
    await createClient({ name: 'A', emails: ['a@acme.com'] }, T0);
    const before = await dumpDb();
    await expect(createClient({ name: 'B', emails: ['b@acme.com', 'A@acme.com'] }, T0)).rejects.toThrow(
      /a@acme.com already belongs to A/,
    );
    expect(await dumpDb()).toEqual(before);
  });

  it('refuses an invalid snooze date, stage or important date', async () => {
    await expect(createClient({ emails: ['a@b.co'], snoozedUntil: 'soon' }, T0)).rejects.toThrow(/not a date/);
    await expect(createClient({ emails: ['a@b.co'], stageOverride: 'vip' as never }, T0)).rejects.toThrow(/unknown stage/);
    await expect(
      createClient({ emails: ['a@b.co'], importantDates: [{ label: 'Birthday', month: 2, day: 30 }] }, T0),
    ).rejects.toThrow(/no valid day/);
    expect(await db.clients.count()).toBe(0);
  });
});

describe('findClientByEmail', () => {
  it('finds a client by any of their addresses, case-insensitively', async () => {
    const c = await createClient({ name: 'Dana', emails: ['dana@acme.com', 'd.client@home.org'] }, T0);
    expect((await findClientByEmail('D.Client@Home.org'))?.id).toBe(c.id);
    expect((await findClientByEmail('dana@acme.com'))?.id).toBe(c.id);
    expect(await findClientByEmail('other@acme.com')).toBeUndefined();
    expect(await findClientByEmail('not an address')).toBeUndefined();
  });
});

describe('updateClient', () => {
  it('re-derives the due date when the cadence or stage changes', async () => {
    const c = await createClient({ name: 'Dana', emails: ['dana@acme.com'] }, T0);
    await logTouchpoint({ clientId: c.id!, kind: 'call', at: T0 }, T0);
    const longer = await updateClient(c.id!, { cadenceDays: 30 }, T0);
    expect(longer.cadenceDays).toBe(30);
    expect(longer.nextDueAt).toBe(new Date(2026, 1, 4, 23, 59, 59, 999).getTime());
    const former = await updateClient(c.id!, { stageOverride: 'former', cadenceDays: null }, T0);
    expect(former.stage).toBe('former');
    expect(former.nextDueAt).toBe(new Date(2026, 3, 5, 23, 59, 59, 999).getTime()); // +90 days
    // the cap: a per-client cadence over 91 days is clamped without the user's permission
    const capped = await updateClient(c.id!, { cadenceDays: 200, stageOverride: null }, T0);
    expect(capped.nextDueAt).toBe(new Date(2026, 3, 6, 23, 59, 59, 999).getTime()); // +91 days
  });

  it('changes nothing for bad input or an unknown client', async () => {
    const c = await createClient({ name: 'Dana', emails: ['dana@acme.com'] }, T0);
    const before = await dumpDb();
    await expect(updateClient(c.id!, { emails: ['nope'] }, T0)).rejects.toThrow(ValidationError);
    await expect(updateClient(c.id!, { cadenceDays: -3 }, T0)).rejects.toThrow(/whole number of days/);
    await expect(updateClient(c.id!, { name: 'x'.repeat(201) }, T0)).rejects.toThrow(/longer than 200/);
    await expect(updateClient(999, { name: 'Ghost' }, T0)).rejects.toThrow(NotFoundError);
    expect(await dumpDb()).toEqual(before);
  });
});

describe('deleteClient', () => {
  it('removes the client and its whole history together', async () => {
    const c = await createClient({ name: 'Dana', emails: ['dana@acme.com'] }, T0);
    const other = await createClient({ name: 'Lee', emails: ['lee@globex.io'] }, T0);
    await logTouchpoint({ clientId: c.id!, kind: 'call', at: T0 }, T0);
    await logTouchpoint({ clientId: other.id!, kind: 'call', at: T0 + DAY }, T0 + DAY);
    await deleteClient(c.id!);
    expect(await getClient(c.id!)).toBeUndefined();
    expect(await db.histories.toArray()).toEqual([{ clientId: other.id!, items: [expect.objectContaining({ clientId: other.id!, kind: 'call' })] }]);
    await expect(deleteClient(c.id!)).rejects.toThrow(NotFoundError);
  });
});
