/**
 * The local side of sync (issue #19): which document is which client, the version of each
 * this device last agreed on with the server (its *base*), and the two ways a client moves.
 *
 * - **Out**: `localChanges` finds the clients written since their base was taken (the
 *   `updatedAt` index against each row's `clientUpdatedAt`), the clients never synced, and
 *   the synced clients that are gone; each becomes its document now
 *   (lib/domain/sync-document.ts: the base plus what changed, with the times of the
 *   writes), and only a document that says something new is returned. `markWritten` records
 *   what the mirror then holds.
 * - **In**: `applyDocument` merges a document that came from elsewhere with the client as
 *   it is here (its unsynced edits included) and writes the result, the history, its digest,
 *   the derived fields and the new base in ONE transaction, so the panel never shows half a
 *   merge and a crash cannot leave a base that the database does not hold.
 *
 * A new document with the addresses of a client here is that client (two devices restored
 * from one backup, or tracking the same person): it is linked, not duplicated. So one client
 * may have two documents (tracked on two devices before either synced); both then carry the
 * same merged client, and deleting the client deletes both.
 */
import type { Client, Settings, Template, Touchpoint } from '../domain/model';
import { recordDocument, recordValues, SYNCED_SETTINGS, TEMPLATE_FIELDS } from '../domain/sync-records';
import { stableJson } from '../domain/sync-merge';
import { BUILT_IN_TEMPLATES } from '../domain/templates/builtins';
import { validateTemplate, type TemplateInput } from '../domain/templates/validate';
import { DEFAULT_SETTINGS, type SettingsPatch } from '../domain/settings';
import { mergeClientDocuments, type ClientDocument } from '../domain/sync-merge';
import {
  clientFromDocument, deletedDocument, historyFromDocument, localDocument, sameDocument, type ClientRefs,
} from '../domain/sync-document';
import { ValidationError } from '../domain/validate';
import { db, type SyncDocRow } from './schema';
import { getSettings, updateSettings } from './settings';
import { putDerived } from './derived';
import { deleteHistory, readHistories, readHistory, writeHistory } from './history';

/**
 * Client ids and document ids, both ways. Loaded once from the rows (a key cursor, no
 * values) and then kept in step by the functions below that link and unlink, so a sync of
 * 10,000 documents does not read every row again for each one.
 */
export class SyncRefs implements ClientRefs {
  private readonly docs = new Map<number, string[]>();
  private readonly clients = new Map<string, number>();

  static async load(): Promise<SyncRefs> {
    const refs = new SyncRefs();
    await refs.reload();
    return refs;
  }

  /** What the rows say now (after a transaction that linked and then failed). */
  async reload(): Promise<void> {
    this.docs.clear();
    this.clients.clear();
    await db.syncDocs.where('clientId').above(0).eachKey((clientId, cursor) => this.link(cursor.primaryKey as string, clientId as number));
  }

  docOf(clientId: number): string | undefined {
    return this.docs.get(clientId)?.[0];
  }

  clientOf(docId: string): number | undefined {
    return this.clients.get(docId);
  }

  link(docId: string, clientId: number): void {
    this.unlink(docId);
    if (clientId <= 0) return;
    this.clients.set(docId, clientId);
    // the smallest id first: every device names a client with two documents by the same one
    this.docs.set(clientId, [...(this.docs.get(clientId) ?? []), docId].sort());
  }

  unlink(docId: string): void {
    const clientId = this.clients.get(docId);
    if (clientId === undefined) return;
    this.clients.delete(docId);
    const rest = (this.docs.get(clientId) ?? []).filter((d) => d !== docId);
    if (rest.length) this.docs.set(clientId, rest);
    else this.docs.delete(clientId);
  }
}

export interface OutgoingDocument {
  docId: string;
  doc: ClientDocument;
  /** the mirror's revision this replaces (none: a new document) */
  rev?: string;
  clientId: number;
  clientUpdatedAt: number;
}

/**
 * Every document this device has something new for: at most `limit` of them (the caller
 * comes back for the rest). `newDocId` names the document of a client never synced.
 */
export async function localChanges(refs: SyncRefs, newDocId: () => Promise<string>, now = Date.now(), limit = 500): Promise<OutgoingDocument[]> {
  const stamps = new Map<number, number>();
  await db.clients.orderBy('updatedAt').eachKey((updatedAt, cursor) => stamps.set(cursor.primaryKey as number, updatedAt as number));
  const rows = new Map<string, { clientId: number; clientUpdatedAt: number }>();
  await db.syncDocs.orderBy('clientUpdatedAt').eachKey((clientUpdatedAt, cursor) => {
    rows.set(cursor.primaryKey as string, { clientId: 0, clientUpdatedAt: clientUpdatedAt as number });
  });
  for (const [docId, row] of rows) row.clientId = refs.clientOf(docId) ?? 0;
  const out: OutgoingDocument[] = [];
  // synced documents whose client changed or was deleted, or whose version is not in the
  // mirror yet (a new document's row has the stamp -1, which no client has)
  const candidates = [...rows].filter(([, r]) => r.clientId > 0 && stamps.get(r.clientId) !== r.clientUpdatedAt).map(([d]) => d).slice(0, limit);
  if (candidates.length) {
    // read in bulk: a first sync or a settings change makes thousands of these
    const found = await db.syncDocs.bulkGet(candidates);
    const clients = await db.clients.bulkGet(found.map((r) => (r && r.clientId > 0 ? r.clientId : -1)));
    const histories = await readHistories(clients.map((c) => c?.id ?? -1));
    const seen: SyncDocRow[] = [];
    found.forEach((row, i) => {
      if (!row) return;
      const client = clients[i];
      let doc: ClientDocument;
      if (client) doc = localDocument(client, histories[i] ?? [], row.base, refs);
      else if (row.base.deletedAt === undefined) doc = mergeClientDocuments(row.base, deletedDocument(now));
      else doc = row.base;
      // nothing new: the stamp remembered, so it is not looked at again
      if (row.rev !== undefined && sameDocument(doc, row.base)) {
        if (client) seen.push({ ...row, clientUpdatedAt: client.updatedAt });
        return;
      }
      out.push({ docId: row.docId, doc, rev: row.rev, clientId: client?.id ?? 0, clientUpdatedAt: client?.updatedAt ?? 0 });
    });
    if (seen.length) await db.syncDocs.bulkPut(seen);
  }
  // clients never synced: a document each
  const fresh = [...stamps.keys()].filter((id) => !refs.docOf(id)).slice(0, limit - out.length);
  if (fresh.length) {
    const [clients, histories] = await Promise.all([db.clients.bulkGet(fresh), readHistories(fresh)]);
    const docIds = await Promise.all(fresh.map(() => newDocId()));
    const placeholders: SyncDocRow[] = [];
    clients.forEach((client, i) => {
      if (client) placeholders.push({ docId: docIds[i], clientId: client.id!, base: { kind: 'client', card: {}, touchpoints: [], deleted: {} }, clientUpdatedAt: -1 });
    });
    // taken now, so a second look does not make a second document for them; linked before
    // the documents are made, so a referral between two of them names the other's document
    await db.syncDocs.bulkPut(placeholders);
    for (const p of placeholders) refs.link(p.docId, p.clientId);
    clients.forEach((client, i) => {
      if (client) out.push({ docId: docIds[i], doc: localDocument(client, histories[i] ?? [], undefined, refs), clientId: client.id!, clientUpdatedAt: client.updatedAt });
    });
  }
  return out;
}

/** The mirror now holds each `doc` at its `rev`: the base the next change is measured against. */
export async function markWritten(refs: SyncRefs, written: (OutgoingDocument & { rev: string })[]): Promise<void> {
  if (written.length === 0) return;
  await db.transaction('rw', db.syncDocs, db.clients, async () => {
    const ids = written.map((w) => w.docId);
    const [rows, clients] = await Promise.all([db.syncDocs.bulkGet(ids), db.clients.bulkGet(written.map((w) => w.clientId || -1))]);
    await db.syncDocs.bulkPut(
      written.map((w, i) => {
        const alive = !!clients[i];
        if (!alive) refs.unlink(w.docId);
        const since = rows[i]?.fromElsewhereAt;
        return {
          docId: w.docId,
          clientId: alive ? w.clientId : 0,
          base: w.doc,
          rev: w.rev,
          // a client written meanwhile has another stamp: looked at again on the next pass
          clientUpdatedAt: alive ? w.clientUpdatedAt : 0,
          ...(since !== undefined ? { fromElsewhereAt: since } : {}),
        };
      }),
    );
  });
}

/** The mirror took the merged version of `docId` back as `rev`. */
export async function setAgreedRevision(docId: string, rev: string): Promise<void> {
  await db.transaction('rw', db.syncDocs, db.syncMeta, async () => {
    if (await db.syncDocs.update(docId, { rev })) return;
    const record = (await db.syncMeta.get(RECORD_PREFIX + docId))?.value as RecordRow | undefined;
    if (record) await db.syncMeta.put({ key: RECORD_PREFIX + docId, value: { ...record, rev } });
  });
}

/** The revision of the mirror this device last agreed on for `docId` (none: never seen). */
export async function agreedRevision(docId: string): Promise<string | undefined> {
  const row = await db.syncDocs.get(docId);
  if (row) return row.rev;
  return ((await db.syncMeta.get(RECORD_PREFIX + docId))?.value as RecordRow | undefined)?.rev;
}

export interface AppliedDocument {
  /** what both sides now hold: the mirror must be given it when it differs from what came */
  merged: ClientDocument;
  /** the client here changed (a new one, an edit, a deletion) */
  changedHere: boolean;
}

export interface IncomingDocument {
  docId: string;
  /** the mirror's version, its conflicting revisions already merged in */
  incoming: ClientDocument;
  /** the mirror's winning revision it was read at */
  rev: string;
}

/**
 * Merges each incoming document with its client as it is here and writes the results, all
 * in ONE transaction (a first sync brings thousands: one transaction each cost ~6 ms). A
 * document that cannot be stored (it fails the checks) fails the batch and changes nothing;
 * the caller then takes the batch one by one, to keep the good ones.
 */
export async function applyDocuments(refs: SyncRefs, items: IncomingDocument[], now = Date.now()): Promise<AppliedDocument[]> {
  try {
    return await db.transaction('rw', [db.clients, db.histories, db.historyParts, db.digests, db.settings, db.syncDocs], async () => {
      const settings = await getSettings();
      const out: AppliedDocument[] = [];
      for (const item of items) out.push(await applyHere(refs, item, settings, now));
      return out;
    });
  } catch (e) {
    // links made inside the failed transaction: back to what the rows say
    await refs.reload();
    throw e;
  }
}

/** One document, in the caller's transaction; linked at once so the next of a batch can name it. */
async function applyHere(refs: SyncRefs, { docId, incoming, rev }: IncomingDocument, settings: Settings, now: number): Promise<AppliedDocument> {
  const row = await db.syncDocs.get(docId);
  let client: Client | undefined = row && row.clientId > 0 ? await db.clients.get(row.clientId) : undefined;
  if (!client && incoming.deletedAt === undefined) client = await clientWithAddresses(incoming);
  const here = client ? localDocument(client, await readHistory(client.id!), row?.base, refs) : undefined;
  const merged = here ? mergeClientDocuments(here, incoming) : incoming;
  const base: Omit<SyncDocRow, 'clientId' | 'clientUpdatedAt'> = { docId, base: merged, rev };
  if (merged.deletedAt !== undefined) {
    if (client) {
      await deleteHistory(client.id!);
      await db.clients.delete(client.id!);
    }
    await db.syncDocs.put({ ...base, clientId: 0, clientUpdatedAt: 0, fromElsewhereAt: now });
    refs.unlink(docId);
    return { merged, changedHere: !!client };
  }
  if (here && sameDocument(here, merged)) {
    await db.syncDocs.put({ ...base, clientId: client!.id!, clientUpdatedAt: client!.updatedAt, ...(row?.fromElsewhereAt ? { fromElsewhereAt: row.fromElsewhereAt } : {}) });
    refs.link(docId, client!.id!);
    return { merged, changedHere: false };
  }
  const next = clientFromDocument(merged, client, refs, now);
  const clash = await db.clients.where('emails').anyOf(next.emails).filter((c) => c.id !== client?.id).first();
  if (clash) throw new ValidationError(`a synced client has ${next.emails.find((e) => clash.emails.includes(e))}, which belongs to ${clash.name} here`);
  const id = client?.id ?? (await db.clients.add(next));
  const history: Touchpoint[] = historyFromDocument(merged, id, refs);
  await writeHistory(id, history);
  const written = await putDerived({ ...next, id }, settings, now, history);
  await db.syncDocs.put({ ...base, clientId: id, clientUpdatedAt: written.updatedAt, fromElsewhereAt: now });
  refs.link(docId, id);
  return { merged, changedHere: true };
}

/**
 * Documents applied before the client their referral names had arrived: now that it may
 * have, each such client is given its referrer (one transaction). The stamp is left as it
 * is: the client now says what its base says, so nothing is sent back.
 */
export async function resolveReferrals(refs: SyncRefs, docIds: string[]): Promise<void> {
  if (docIds.length === 0) return;
  await db.transaction('rw', db.clients, db.syncDocs, async () => {
    const rows = await db.syncDocs.bulkGet(docIds);
    for (const row of rows) {
      const named = row?.base.card.referredBy?.value;
      if (!row || row.clientId <= 0 || typeof named !== 'string') continue;
      const referrer = refs.clientOf(named);
      if (referrer === undefined || referrer === row.clientId) continue;
      const client = await db.clients.get(row.clientId);
      if (client && client.referredBy === undefined) await db.clients.update(row.clientId, { referredBy: referrer });
    }
  });
}

/** One document: `applyDocuments` of one. */
export async function applyDocument(refs: SyncRefs, docId: string, incoming: ClientDocument, rev: string, now = Date.now()): Promise<AppliedDocument> {
  return (await applyDocuments(refs, [{ docId, incoming, rev }], now))[0];
}

/** The client here with one of `doc`'s addresses (addresses are unique across clients): the same person. */
async function clientWithAddresses(doc: ClientDocument): Promise<Client | undefined> {
  const emails = doc.card.emails?.value;
  if (!Array.isArray(emails) || emails.length === 0) return undefined;
  return db.clients.where('emails').anyOf(emails.filter((e): e is string => typeof e === 'string')).first();
}

export async function getSyncMeta<T>(key: string): Promise<T | undefined> {
  return (await db.syncMeta.get(key))?.value as T | undefined;
}

export async function putSyncMeta(key: string, value: unknown): Promise<void> {
  await db.syncMeta.put({ key, value });
}

/** Forgets everything sync kept here (disconnecting): the clients themselves stay as they are. */
export async function forgetSync(): Promise<void> {
  await db.transaction('rw', db.syncDocs, db.syncMeta, async () => {
    await db.syncDocs.clear();
    await db.syncMeta.clear();
  });
}

// ---------------------------------------------------------------- settings and templates

/**
 * The settings and the templates sync as documents too (lib/domain/sync-records.ts). They
 * are few (one settings document, a few dozen templates), so their rows live in `syncMeta`
 * under `doc:<id>` and are all read at each look, with no index of their own.
 */
export interface RecordRow {
  docId: string;
  kind: 'settings' | 'template';
  /** the template it is (0: deleted, or not arrived) */
  templateId?: number;
  base: ClientDocument;
  rev?: string;
}

const RECORD_PREFIX = 'doc:';

async function recordRows(): Promise<RecordRow[]> {
  return (await db.syncMeta.where('key').startsWith(RECORD_PREFIX).toArray()).map((r) => r.value as RecordRow);
}

export interface OutgoingRecord {
  docId: string;
  doc: ClientDocument;
  rev?: string;
  kind: 'settings' | 'template';
  templateId?: number;
}

/**
 * The settings' document against its base. On a device never synced, a setting still at its
 * default carries no edit time: a new browser connecting does not put its defaults over the
 * settings the user chose elsewhere.
 */
function settingsDocument(settings: Settings, base: ClientDocument | undefined, now: number): ClientDocument {
  const untouched = (f: string, v: unknown) => (stableJson(DEFAULT_SETTINGS[f as keyof Settings] ?? null) === stableJson(v) ? 0 : now);
  return recordDocument('settings', settings as unknown as Record<string, unknown>, SYNCED_SETTINGS, base, now, untouched);
}

/** A template's document against its base; a built-in's shipped words carry no edit time, so they never win over an edit elsewhere. */
function templateDocument(t: Template, base: ClientDocument | undefined, now: number): ClientDocument {
  const words = t.builtInKey ? BUILT_IN_TEMPLATES.find((b) => b.builtInKey === t.builtInKey) : undefined;
  const first = (f: string, v: unknown) => (words && stableJson(words[f as keyof typeof words] ?? null) === stableJson(v) ? 0 : t.updatedAt ?? now);
  return recordDocument('template', t as unknown as Record<string, unknown>, TEMPLATE_FIELDS, base, t.updatedAt ?? now, first);
}

/** The settings and templates with something new since their base (few: all looked at). */
export async function localRecordChanges(
  ids: { settings: string; template: (t: Template) => Promise<string> },
  now = Date.now(),
): Promise<OutgoingRecord[]> {
  const [rows, settings, templates] = await Promise.all([recordRows(), getSettings(), db.templates.toArray()]);
  const out: OutgoingRecord[] = [];
  const settingsRow = rows.find((r) => r.kind === 'settings');
  const settingsDoc = settingsDocument(settings, settingsRow?.base, now);
  if (!settingsRow?.rev || !sameDocument(settingsDoc, settingsRow.base)) out.push({ docId: settingsRow?.docId ?? ids.settings, doc: settingsDoc, rev: settingsRow?.rev, kind: 'settings' });
  const byTemplate = new Map(rows.filter((r) => r.kind === 'template' && r.templateId).map((r) => [r.templateId!, r]));
  for (const t of templates) {
    const row = byTemplate.get(t.id!);
    byTemplate.delete(t.id!);
    const doc = templateDocument(t, row?.base, now);
    if (row?.rev && sameDocument(doc, row.base)) continue;
    out.push({ docId: row?.docId ?? (await ids.template(t)), doc, rev: row?.rev, kind: 'template', templateId: t.id });
  }
  // rows left: their template was deleted here
  for (const row of byTemplate.values()) {
    if (row.base.deletedAt !== undefined) continue;
    out.push({ docId: row.docId, doc: mergeClientDocuments(row.base, { ...deletedDocument(now), kind: 'template' }), rev: row.rev, kind: 'template', templateId: 0 });
  }
  return out;
}

/** The mirror holds each record's document at its `rev`. */
export async function markRecordsWritten(written: (OutgoingRecord & { rev: string })[]): Promise<void> {
  if (written.length === 0) return;
  await db.syncMeta.bulkPut(
    written.map((w) => ({
      key: RECORD_PREFIX + w.docId,
      value: { docId: w.docId, kind: w.kind, base: w.doc, rev: w.rev, ...(w.kind === 'template' ? { templateId: w.templateId ?? 0 } : {}) } satisfies RecordRow,
    })),
  );
}

/**
 * Merges an arriving settings or template document with the record here and writes the
 * result through the same checks as the user's own edits, with its new base, in one
 * transaction. A settings change that moves due dates re-derives every client in it.
 */
export async function applyRecord(docId: string, incoming: ClientDocument, rev: string, now = Date.now()): Promise<AppliedDocument> {
  return db.transaction('rw', [db.settings, db.clients, db.histories, db.historyParts, db.digests, db.templates, db.syncMeta], async () => {
    const row = (await db.syncMeta.get(RECORD_PREFIX + docId))?.value as RecordRow | undefined;
    const put = (r: RecordRow) => db.syncMeta.put({ key: RECORD_PREFIX + docId, value: r });
    if (incoming.kind === 'settings') {
      const current = await getSettings();
      const here = settingsDocument(current, row?.base, now);
      const merged = mergeClientDocuments(here, incoming);
      const values = recordValues(merged);
      const patch = Object.fromEntries(
        Object.entries(values).filter(([k, v]) => stableJson(v) !== stableJson((current as unknown as Record<string, unknown>)[k] ?? null)),
      );
      if (Object.keys(patch).length) await updateSettings(patch as SettingsPatch);
      await put({ docId, kind: 'settings', base: merged, rev });
      return { merged, changedHere: Object.keys(patch).length > 0 };
    }
    let template = row?.templateId ? await db.templates.get(row.templateId) : undefined;
    const key = incoming.card.builtInKey?.value;
    if (!template && !row && typeof key === 'string') template = await db.templates.where('builtInKey').equals(key).first();
    const here = template ? templateDocument(template, row?.base, now) : undefined;
    const merged = here ? mergeClientDocuments(here, incoming) : incoming;
    if (merged.deletedAt !== undefined) {
      if (template && !template.builtIn) await db.templates.delete(template.id!);
      await put({ docId, kind: 'template', templateId: 0, base: merged, rev });
      return { merged, changedHere: !!template };
    }
    if (here && sameDocument(here, merged)) {
      await put({ docId, kind: 'template', templateId: template!.id!, base: merged, rev });
      return { merged, changedHere: false };
    }
    const v = recordValues(merged);
    const valid = validateTemplate({ name: v.name, category: v.category, subject: v.subject, body: v.body, stages: v.stages, situations: v.situations } as TemplateInput);
    const builtIn = template?.builtIn ?? (v.builtIn === true && typeof v.builtInKey === 'string' && BUILT_IN_TEMPLATES.some((b) => b.builtInKey === v.builtInKey));
    const next: Template = { ...(template ?? {}), ...valid, builtIn, updatedAt: now };
    if (builtIn && typeof v.builtInKey === 'string') next.builtInKey = v.builtInKey;
    else delete next.builtInKey;
    const id = await db.templates.put(next);
    await put({ docId, kind: 'template', templateId: id, base: merged, rev });
    return { merged, changedHere: true };
  });
}
