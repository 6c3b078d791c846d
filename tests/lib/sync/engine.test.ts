// @vitest-environment node
// (Node's WebCrypto and fetch, as the background has them; the database is fake-indexeddb)
/**
 * The sync engine against a real CouchDB-protocol server on loopback (PouchDB Server's
 * express app, tests/support/couch-server.ts). The "other device" here is a plain PouchDB
 * client with the same passphrase writing encrypted documents, so each rule is seen from
 * the server's side; two whole browsers syncing is tests/e2e/sync.e2e.ts.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NodePouch as PouchDB, startCouchServer, type CouchServer } from '../../support/couch-server';
import { HEADER_ID, newClientDocId, PASSPHRASE_CHANGED, SyncEngine } from '@/lib/sync/engine';
import { decryptJson, encryptJson, newHeader, openHeader, type SyncHeader, type SyncKeys } from '@/lib/sync/crypto';
import { createClient, deleteClient, findClientByEmail, getClient, updateClient } from '@/lib/db/clients';
import { deleteTouchpoint, listHistory, logTouchpoint } from '@/lib/db/touchpoints';
import { db } from '@/lib/db/schema';
import type { ClientDocument } from '@/lib/domain/sync-merge';
import type { PouchDoc } from '@/lib/sync/pouch-types';
import { resetDb } from '../db/helpers';
import { plaintextIn } from '../../support/ciphertext';
import { exportBackup, parseBackup, restoreBackup } from '@/lib/backup/backup';
import { getSettings, updateSettings } from '@/lib/db/settings';
import { DEFAULT_SETTINGS } from '@/lib/domain/settings';
import { createTemplate, deleteTemplate, updateTemplate } from '@/lib/db/template-edits';
import { ensureBuiltInTemplates } from '@/lib/db/templates';
import { BUILT_IN_TEMPLATES } from '@/lib/domain/templates/builtins';

const PASSPHRASE = 'correct horse battery staple';
let server: CouchServer;
let engine: SyncEngine;
let mirrorN = 0;

const config = (database = 'touchbase') => ({ url: server.url, database, user: server.user, password: server.password });
const remote = (database = 'touchbase') => new PouchDB(`${server.url}/${database}`, { auth: { username: server.user, password: server.password } });

function newEngine() {
  // each engine its own mirror: a fresh device
  return new SyncEngine({ Pouch: PouchDB, mirrorOptions: { adapter: 'memory', name: `mirror-${++mirrorN}` }, pushDelay: 10 });
}

async function keysOf(database = 'touchbase'): Promise<SyncKeys> {
  return openHeader((await remote(database).get(HEADER_ID)) as unknown as SyncHeader, PASSPHRASE);
}

async function allDocs(database = 'touchbase'): Promise<{ raw: PouchDoc; doc: ClientDocument }[]> {
  const keys = await keysOf(database);
  const rows = (await remote(database).allDocs({ include_docs: true })).rows.filter((r) => r.id !== HEADER_ID);
  return Promise.all(rows.map(async (r) => ({ raw: r.doc!, doc: (await decryptJson(keys, r.id, r.doc as never)) as ClientDocument })));
}

async function clientDocs(database = 'touchbase') {
  return (await allDocs(database)).filter((d) => d.doc.kind === 'client');
}

beforeAll(async () => {
  server = await startCouchServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  await resetDb();
  await server.createDatabase('touchbase');
  engine = newEngine();
});
afterEach(async () => {
  await engine.disconnect().catch(() => undefined);
  await server.deleteDatabase('touchbase');
});

describe('sync with a CouchDB server', () => {
  it('sends a tracked client and its call, and the server holds nothing readable', async () => {
    const dana = await createClient({ name: 'Dana Client', emails: ['dana.client@acme-corp.com'], company: 'Acme Holdings' });
    await logTouchpoint({ clientId: dana.id!, kind: 'sale', amount: 12_500, subject: 'Renewal, 3 seats' });
    await engine.connect(config(), PASSPHRASE);
    const docs = await clientDocs();
    expect(docs).toHaveLength(1);
    expect(docs[0].doc.card.name.value).toBe('Dana Client');
    expect(docs[0].doc.touchpoints.map((t) => t.subject)).toEqual(['Renewal, 3 seats']);
    const stored = await server.documents('touchbase');
    expect(plaintextIn(stored, ['Dana', 'dana.client', 'acme', 'Acme', 'Renewal', '3 seats', '12500', '12,500'])).toEqual([]);
    // and the check finds plaintext where there is some
    expect(plaintextIn([{ _id: 'x', note: 'Dana' }, { _id: 'y', ct: Buffer.from('--Renewal--').toString('base64url') }], ['Dana', 'Renewal'])).toEqual(['Dana in note of x', 'Renewal in ct of y']);
  }, 30_000);

  it('a wrong passphrase is refused in words and nothing is stored or sent', async () => {
    await engine.connect(config(), PASSPHRASE);
    await engine.disconnect();
    await createClient({ name: 'Lee Buyer', emails: ['lee@globex.io'] });
    const other = newEngine();
    await expect(other.connect(config(), 'not the passphrase')).rejects.toThrow(/passphrase does not open this sync database/);
    expect(await db.syncMeta.count()).toBe(0);
    expect(await db.syncDocs.count()).toBe(0);
    expect(await clientDocs()).toHaveLength(0);
  }, 30_000);

  it('a change written by another device lands here, merged with an edit made here meanwhile', async () => {
    const dana = await createClient({ name: 'Dana Client', emails: ['dana.client@acme-corp.com'] }, 1_000);
    await engine.connect(config(), PASSPHRASE);
    const [{ raw, doc }] = await clientDocs();
    // here: the notes; there (later): the company and a call
    await updateClient(dana.id!, { notes: 'Prefers mornings' }, Date.now());
    const keys = await keysOf();
    const there: ClientDocument = {
      ...doc,
      card: { ...doc.card, company: { value: 'Acme Holdings', at: Date.now() + 5 } },
      touchpoints: [...doc.touchpoints, { id: '01JBQZ3N5E0000000000000000', kind: 'call', source: 'manual', at: 5_000, createdAt: 5_000, summary: 'Called about seats' }],
    };
    await remote().put({ ...raw, ...(await encryptJson(keys, raw._id, there)) } as PouchDoc);
    await engine.syncNow();
    const here = await getClient(dana.id!);
    expect(here).toMatchObject({ company: 'Acme Holdings', notes: 'Prefers mornings', lastContactAt: 5_000 });
    expect((await listHistory(dana.id!)).map((t) => t.summary)).toEqual(['Called about seats']);
    // and the server holds the merge of both
    const [after] = await clientDocs();
    expect(after.doc.card.notes.value).toBe('Prefers mornings');
    expect(after.doc.card.company.value).toBe('Acme Holdings');
  }, 30_000);

  it('conflicting revisions are merged and removed, nothing lost', async () => {
    const dana = await createClient({ name: 'Dana Client', emails: ['dana.client@acme-corp.com'] }, 1_000);
    await engine.connect(config(), PASSPHRASE);
    const [{ raw, doc }] = await clientDocs();
    const keys = await keysOf();
    const branch = async (n: number, tp: ClientDocument['touchpoints'][number]) => ({
      _id: raw._id,
      _rev: `2-${String(n).repeat(32)}`,
      _revisions: { start: 2, ids: [String(n).repeat(32), raw._rev!.slice(2)] },
      v: 1,
      ...(await encryptJson(keys, raw._id, { ...doc, touchpoints: [...doc.touchpoints, tp] })),
    });
    const call = { id: '01JBQZ3N5E0000000000000001', kind: 'call' as const, source: 'manual' as const, at: 5_000, createdAt: 5_000 };
    const meeting = { id: '01JBQZ3N5E0000000000000002', kind: 'meeting' as const, source: 'manual' as const, at: 6_000, createdAt: 6_000 };
    await remote().bulkDocs([(await branch(1, call)) as PouchDoc, (await branch(2, meeting)) as PouchDoc], { new_edits: false });
    await engine.syncNow();
    expect((await listHistory(dana.id!)).map((t) => t.kind).sort()).toEqual(['call', 'meeting']);
    const onServer = await remote().get(raw._id, { conflicts: true });
    expect(onServer._conflicts ?? []).toEqual([]);
    const [after] = await clientDocs();
    expect(after.doc.touchpoints.map((t) => t.kind).sort()).toEqual(['call', 'meeting']);
  }, 30_000);

  it('deletions travel as tombstones and do not come back', async () => {
    const dana = await createClient({ name: 'Dana Client', emails: ['dana.client@acme-corp.com'] }, 1_000);
    const call = await logTouchpoint({ clientId: dana.id!, kind: 'call', at: 2_000 }, 2_000);
    const lee = await createClient({ name: 'Lee Buyer', emails: ['lee@globex.io'] }, 1_000);
    await engine.connect(config(), PASSPHRASE);
    await deleteTouchpoint({ clientId: dana.id!, id: call.id! });
    await deleteClient(lee.id!);
    await engine.syncNow();
    const docs = await clientDocs();
    const danaDoc = docs.find((d) => d.doc.card.name?.value === 'Dana Client')!;
    expect(danaDoc.doc.touchpoints).toEqual([]);
    expect(Object.keys(danaDoc.doc.deleted)).toEqual([call.id]);
    expect(docs.filter((d) => d.doc.deletedAt !== undefined)).toHaveLength(1);
    // a device that still has them connects: they stay deleted there too
    await engine.disconnect();
    await resetDb();
    const again = await createClient({ name: 'Dana Client', emails: ['dana.client@acme-corp.com'] }, 1_000);
    await logTouchpoint({ clientId: again.id!, kind: 'call', at: 2_000 }, 2_000);
    const second = newEngine();
    await second.connect(config(), PASSPHRASE);
    // the same person, linked (not duplicated); the old call here has another id, so it stays
    expect(await db.clients.count()).toBe(1);
    expect(await findClientByEmail('lee@globex.io')).toBeUndefined();
    await second.disconnect();
  }, 60_000);

  it('a backup restored here reaches the server as ordinary changes, newer than what the file holds', async () => {
    const dana = await createClient({ name: 'Dana Client', emails: ['dana.client@acme-corp.com'] }, 1_000);
    await logTouchpoint({ clientId: dana.id!, kind: 'call', at: 2_000 }, 2_000);
    const file = await exportBackup(3_000);
    const companyThen = (await getClient(dana.id!))!.company;
    await engine.connect(config(), PASSPHRASE);
    // after the backup: a meeting and a new company, synced
    await logTouchpoint({ clientId: dana.id!, kind: 'meeting', at: 4_000 }, 4_000);
    await updateClient(dana.id!, { company: 'Acme Holdings' }, 5_000);
    await engine.syncNow();
    // the restore puts the book back as it was in the file
    await restoreBackup(await parseBackup(file.text), 'replace', Date.now());
    await engine.syncNow();
    const live = (await clientDocs()).filter((d) => d.doc.deletedAt === undefined);
    expect(live).toHaveLength(1);
    expect(live[0].doc.touchpoints.map((t) => t.kind)).toEqual(['call']);
    expect(live[0].doc.card.company.value).toBe(companyThen ?? null);
    expect(companyThen).not.toBe('Acme Holdings');
  }, 30_000);

  it('a new device takes what the server has and sends none of it back', async () => {
    const dana = await createClient({
      name: 'Dana Client', emails: ['dana.client@acme-corp.com'], tags: ['vip'], importantDates: [{ label: 'Birthday', month: 3, day: 14 }], keyAccount: true,
    }, 1_000);
    await logTouchpoint({ clientId: dana.id!, kind: 'sale', amount: 1_200, at: 2_000, summary: 'Renewal' }, 2_000);
    await createClient({ name: 'Lee Buyer', emails: ['lee@globex.io'], referredBy: dana.id }, 1_500);
    await engine.connect(config(), PASSPHRASE);
    await engine.disconnect();
    const revs = async () => Object.fromEntries((await clientDocs()).map((d) => [d.raw._id, d.raw._rev]));
    const before = await revs();
    await resetDb();
    const other = newEngine();
    await other.connect(config(), PASSPHRASE);
    await other.syncNow();
    expect(await db.clients.count()).toBe(2);
    expect((await findClientByEmail('lee@globex.io'))!.referredBy).toBe((await findClientByEmail('dana.client@acme-corp.com'))!.id);
    expect(await revs()).toEqual(before);
    await other.disconnect();
  }, 30_000);

  it('the settings that follow the user and the templates sync; a new browser’s defaults do not overwrite them', async () => {
    await ensureBuiltInTemplates(1_000);
    await updateSettings({ myName: 'Sam Seller', cadenceDays: { ...DEFAULT_SETTINGS.cadenceDays, client: 30 }, digestEnabled: true, digestTime: '07:00' });
    const own = await createTemplate({ name: 'Quarterly check-in', category: 'Check-in', subject: 'Checking in', body: 'Hi {{firstName}}, how are the seats working out?', stages: [], situations: [] }, 2_000);
    const builtIn = (await db.templates.toArray()).find((t) => t.builtIn)!;
    await updateTemplate(builtIn.id!, { ...builtIn, body: `${builtIn.body}\n\nP.S. edited here` }, 3_000);
    await engine.connect(config(), PASSPHRASE);
    await engine.disconnect();
    const kinds = (await allDocs()).map((d) => d.doc.kind);
    expect(kinds.filter((k) => k === 'settings')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'template').length).toBe(await db.templates.count());

    // a new browser: its own reminder time, everything else at the defaults
    await resetDb();
    await ensureBuiltInTemplates(9_000);
    await updateSettings({ digestTime: '09:15' });
    const other = newEngine();
    await other.connect(config(), PASSPHRASE);
    await other.syncNow();
    const s = await getSettings();
    expect(s.myName).toBe('Sam Seller');
    expect(s.cadenceDays.client).toBe(30);
    // the reminders belong to each browser
    expect(s.digestTime).toBe('09:15');
    expect(s.digestEnabled).toBe(false);
    const templates = await db.templates.toArray();
    expect(templates.find((t) => t.name === 'Quarterly check-in')?.body).toBe('Hi {{firstName}}, how are the seats working out?');
    expect(templates.find((t) => t.builtInKey === builtIn.builtInKey)?.body).toMatch(/P\.S\. edited here$/);
    // one of each built-in, not two
    expect(templates.filter((t) => t.builtIn)).toHaveLength(BUILT_IN_TEMPLATES.length);

    // deleted here, deleted on the server
    const mine = templates.find((t) => t.name === 'Quarterly check-in')!;
    await deleteTemplate(mine.id!);
    await other.syncNow();
    const onServer = (await allDocs()).filter((d) => d.doc.kind === 'template');
    expect(onServer.filter((d) => d.doc.deletedAt !== undefined)).toHaveLength(1);
    expect(plaintextIn(await server.documents('touchbase'), ['Quarterly'])).toEqual([]);
    await other.disconnect();
  }, 60_000);

  it('changing the passphrase re-encrypts everything under a new header; a browser that meets it is locked until it gives the new one', async () => {
    const dana = await createClient({ name: 'Dana Client', emails: ['dana.client@acme-corp.com'] }, 1_000);
    await engine.connect(config(), PASSPHRASE);
    const before = (await remote().get(HEADER_ID)) as unknown as SyncHeader;
    await expect(engine.changePassphrase('not the passphrase', 'a brand new passphrase')).rejects.toThrow(/not the current passphrase: nothing was changed/);
    expect(((await remote().get(HEADER_ID)) as unknown as SyncHeader).salt).toBe(before.salt);

    await engine.changePassphrase(PASSPHRASE, 'a brand new passphrase');
    const header = (await remote().get(HEADER_ID)) as unknown as SyncHeader;
    expect(header.salt).not.toBe(before.salt);
    await expect(openHeader(header, PASSPHRASE)).rejects.toThrow(/does not open/);
    const keys = await openHeader(header, 'a brand new passphrase');
    const rows = (await remote().allDocs({ include_docs: true })).rows.filter((r) => r.id !== HEADER_ID);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) await expect(decryptJson(keys, r.id, r.doc as never)).resolves.toBeTruthy();

    // now changed "elsewhere" again: this browser cannot read what comes and says so
    const third = await newHeader('a third passphrase here');
    await remote().put({ ...third.header, _id: HEADER_ID, _rev: (await remote().get(HEADER_ID))._rev } as unknown as PouchDoc);
    const danaDoc = (await remote().allDocs({ include_docs: true })).rows.find((r) => r.id.startsWith('c'))!;
    const plain = (await decryptJson(keys, danaDoc.id, danaDoc.doc as never)) as ClientDocument;
    const changed = { ...plain, card: { ...plain.card, company: { value: 'Acme Holdings', at: Date.now() + 10 } } };
    await remote().put({ ...danaDoc.doc!, ...(await encryptJson(third.keys, danaDoc.id, changed)) } as PouchDoc);
    await expect(engine.syncNow()).rejects.toThrow();
    expect(engine.status()).toMatchObject({ state: 'error', locked: true, error: PASSPHRASE_CHANGED });
    // replication's own events keep coming: it stays said
    await new Promise((r) => setTimeout(r, 1_500));
    expect(engine.status()).toMatchObject({ state: 'error', locked: true, error: PASSPHRASE_CHANGED });
    expect((await getClient(dana.id!))!.company).not.toBe('Acme Holdings');
    await expect(engine.unlock('a brand new passphrase')).rejects.toThrow(/does not open/);
    await engine.unlock('a third passphrase here');
    expect(engine.status().locked).toBe(false);
    expect((await getClient(dana.id!))!.company).toBe('Acme Holdings');
  }, 60_000);

  it('names documents with ids CouchDB accepts (never a leading underscore) that never repeat', async () => {
    await engine.connect(config(), PASSPHRASE);
    const keys = await keysOf();
    const ids = await Promise.all(Array.from({ length: 2000 }, () => newClientDocId(keys)));
    expect(ids.every((id) => /^c[A-Za-z0-9_-]{43}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  }, 30_000);

  it('refuses a server URL or database name that is not one, before asking anything', async () => {
    await expect(engine.connect({ ...config(), url: 'ftp://example.com' }, PASSPHRASE)).rejects.toThrow(/https:\/\//);
    await expect(engine.connect({ ...config(), url: 'http://couch.example.com' }, PASSPHRASE)).rejects.toThrow(/Use https/);
    await expect(engine.connect({ ...config(), database: 'Bad Name' }, PASSPHRASE)).rejects.toThrow(/database name/);
    await expect(engine.connect({ ...config(), password: 'wrong' }, PASSPHRASE)).rejects.toThrow(/refused the user name or password/);
    expect(await db.syncMeta.count()).toBe(0);
  }, 30_000);
});
