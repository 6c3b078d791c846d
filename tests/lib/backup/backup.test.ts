import { beforeEach, describe, expect, it } from 'vitest';
import { BACKUP_VERSION } from '@/lib/backup/schema';
import { exportBackup, parseBackup, planRestore, restoreBackup, canonicalJson, sha256Hex } from '@/lib/backup/backup';
import { createClient, logTouchpoint, getSettings, updateSettings, findClientByEmail, listHistory, db } from '@/lib/db';
import { listTemplates } from '@/lib/db/templates';
import { createTemplate } from '@/lib/db/template-edits';
import { resetDb, dumpDb, DAY } from '../db/helpers';

const NOW = new Date(2026, 10, 22, 12, 0).getTime();
beforeEach(resetDb);

async function seed() {
  const dana = await createClient({ name: 'Dana <b>Client</b>', emails: ['dana@acme.com', 'd@home.org'], tags: ['vip'] }, NOW - 90 * DAY);
  const lee = await createClient({ name: 'Lee', emails: ['lee@globex.io'] }, NOW - 60 * DAY);
  await logTouchpoint({ clientId: dana.id!, kind: 'sale', amount: 1200, at: NOW - 40 * DAY }, NOW);
  await logTouchpoint({ clientId: dana.id!, kind: 'email-in', at: NOW - 3 * DAY, messageKey: 'gmail:t:1:1', source: 'detected', subject: 'Prices' }, NOW);
  await logTouchpoint({ clientId: lee.id!, kind: 'note', summary: 'Likes golf', at: NOW - DAY }, NOW);
  await listTemplates();
  await createTemplate({ name: 'Price list', subject: 'Prices', body: 'Hi {{firstName}}' }, NOW);
  await updateSettings({ myName: 'Sam', cadenceDays: { client: 30 } as never });
}

const text = (b: unknown) => JSON.stringify(b);

describe('backup round trip', () => {
  it('export then restore into an empty database gives identical data', async () => {
    await seed();
    const backup = await exportBackup(NOW);
    const before = await dumpDb(); // includes lastBackupAt, written by the export
    // the settings row and the rules' version (lib/db/rules.ts)
    expect(backup.counts).toEqual({ clients: 2, touchpoints: 3, templates: 13, settings: 2 });
    const parsed = await parseBackup(text(backup));
    await resetDb();
    const plan = await restoreBackup(parsed, 'replace', NOW);
    expect(plan.clients).toEqual({ total: 2, new: 2, existing: 0 });
    const after = await dumpDb();
    expect(after.clients).toEqual(before.clients);
    expect(after.histories).toEqual(before.histories);
    expect(after.templates).toEqual(before.templates);
    // settings as they were at export (the export then noted its own time)
    expect((await getSettings()).myName).toBe('Sam');
  });

  it('merges by address: existing clients keep their id, duplicates are skipped', async () => {
    await seed();
    const backup = await parseBackup(text(await exportBackup(NOW)));
    await resetDb();
    const dana = await createClient({ name: 'Dana (new)', emails: ['d@home.org'] }, NOW);
    await logTouchpoint({ clientId: dana.id!, kind: 'sale', amount: 1200, at: NOW - 40 * DAY }, NOW);
    const plan = await planRestore(backup, 'merge');
    expect(plan.clients).toEqual({ total: 2, new: 1, existing: 1 });
    expect(plan.touchpoints).toEqual({ total: 3, new: 2, duplicate: 1 });
    await restoreBackup(backup, 'merge', NOW);
    const kept = (await findClientByEmail('d@home.org'))!;
    expect(kept.id).toBe(dana.id);
    expect(kept.name).toBe('Dana (new)');
    // the addresses and tags the record here lacked are added
    expect((await findClientByEmail('dana@acme.com'))?.id).toBe(dana.id);
    expect(kept.tags).toEqual(['vip']);
    expect((await listHistory(kept.id!)).map((t) => t.kind)).toEqual(['email-in', 'sale']);
    expect(kept.awaitingReplySince).toBe(NOW - 3 * DAY);
    expect(await findClientByEmail('lee@globex.io')).toBeDefined();
    expect(await db.templates.where('name').equals('Price list').count()).toBe(1);
  });
});

describe('broken backup files change nothing', () => {
  async function expectRefused(file: string, message: RegExp) {
    const before = await dumpDb();
    await expect(parseBackup(file)).rejects.toThrow(message);
    expect(await dumpDb()).toEqual(before);
  }

  it.each([
    ['empty', async () => '', /empty/],
    ['not JSON', async () => 'name,email\nDana,dana@acme.com', /not JSON/],
    ['truncated', async (t: string) => t.slice(0, Math.floor(t.length / 2)), /cut short/],
    ['another JSON file', async () => '{"hello":"world"}', /not a Touchbase backup/],
    ['from a newer version', async (t: string) => t.replace(`"version":${BACKUP_VERSION}`, `"version":${BACKUP_VERSION + 1}`), /newer version of Touchbase/],
    ['a bad address', async (t: string) => t.replace('"lee@globex.io"', '"lee at globex"'), /data\.clients\[\d\]\.emails\[0\]: not an email address/],
    ['a negative amount', async (t: string) => t.replace('"amount":1200', '"amount":-1200'), /data\.touchpoints\[\d\]\.amount/],
    ['an unknown field', async (t: string) => t.replace('"notes":""', '"notes":"","hack":1'), /Unrecognized key/i],
    ['a changed value', async (t: string) => t.replace('"lifetimeValue":1200', '"lifetimeValue":999'), /checksum does not match/],
    ['a touchpoint of a missing client', async (t: string) => {
      const b = JSON.parse(t);
      b.data.touchpoints[0].clientId = 999;
      b.checksum = await sha256Hex(canonicalJson(b.data));
      return JSON.stringify(b);
    }, /no such client in the file/],
    ['two touchpoints of one client with the same id', async (t: string) => {
      const b = JSON.parse(t);
      const [first, second] = b.data.touchpoints.filter((x: { clientId: number }) => x.clientId === b.data.touchpoints[0].clientId);
      second.id = first.id;
      b.checksum = await sha256Hex(canonicalJson(b.data));
      return JSON.stringify(b);
    }, /data\.touchpoints\[\d\]\.id: duplicate id in the same client/],
  ])('%s', async (_, make, message) => {
    await seed();
    const good = text(await exportBackup(NOW));
    await expectRefused(await make(good), message);
  });
});

describe('touchpoint ids are unique within their client', () => {
  it('a file whose two clients each have a touchpoint 1 restores both', async () => {
    await seed();
    const b = JSON.parse(text(await exportBackup(NOW)));
    const [x, y] = b.data.clients.map((c: { id: number }) => c.id);
    const one = b.data.touchpoints.find((t: { clientId: number }) => t.clientId === x);
    const other = b.data.touchpoints.find((t: { clientId: number }) => t.clientId === y);
    one.id = 1;
    other.id = 1;
    b.checksum = await sha256Hex(canonicalJson(b.data));
    const parsed = await parseBackup(JSON.stringify(b));
    await resetDb();
    await restoreBackup(parsed, 'replace', NOW);
    expect((await listHistory(x)).map((t) => t.id)).toContain(1);
    expect((await listHistory(y)).map((t) => t.id)).toEqual([1]);
  });

  it('a version-1 file (ids unique across the file) still restores', async () => {
    await seed();
    const b = JSON.parse(text(await exportBackup(NOW)));
    b.version = 1;
    b.data.touchpoints.forEach((t: { id: number }, i: number) => (t.id = 100 + i));
    b.checksum = await sha256Hex(canonicalJson(b.data));
    const parsed = await parseBackup(JSON.stringify(b));
    await resetDb();
    const plan = await restoreBackup(parsed, 'replace', NOW);
    expect(plan.touchpoints.total).toBe(3);
    expect((await listHistory(b.data.clients[0].id)).map((t) => t.id).every((id) => id !== undefined && id >= 100)).toBe(true);
  });
});
