/**
 * A client as it travels (a `ClientDocument`, lib/domain/sync-merge.ts) and back.
 *
 * The product's write functions do not record when each field was edited; the sync works
 * that out by difference instead, the way a three-way merge does. For every synced client
 * the device keeps the document it last agreed with the server on (its *base*, in
 * lib/db/sync-store.ts). The client's document now is the base with what changed since:
 * a card field whose value differs from the base's takes the client's `updatedAt` (the time
 * of the local write that changed it), a field that did not change keeps the base's time;
 * a touchpoint that differs takes `updatedAt` as its edit time; a touchpoint the base had
 * and the history no longer has was deleted here, and becomes a tombstone. So every write
 * path of the product (the panel, captures, imports, restores) syncs without knowing sync
 * exists, and an edit made offline carries the time it was made.
 *
 * Coming back, a document becomes a client through the same checks as the user's own input
 * (lib/domain/clients.ts, lib/domain/touchpoints.ts): a document decrypted under the right
 * key could still come from an older or broken version, and nothing unchecked is stored.
 * Numbers that name a record of one device only (a client's id, a template's) never travel:
 * another client is named by its document id.
 */
import type { Client, Touchpoint } from './model';
import { applyClientPatch, type ClientPatch } from './clients';
import { validateTouchpoint, type TouchpointInput } from './touchpoints';
import { isTouchpointId } from './ids';
import { toTime, ValidationError } from './validate';
import { stableJson, type ClientDocument, type DocumentKind, type SyncedField, type SyncedTouchpoint } from './sync-merge';
import { SYNCED_SETTINGS, TEMPLATE_FIELDS } from './sync-records';

/** The client's own fields that sync (the derived ones are recomputed on arrival). */
export const CARD_FIELDS = [
  'name', 'emails', 'company', 'stageOverride', 'tags', 'cadenceDays', 'keyAccount', 'importantDates', 'notes',
  'snoozedUntil', 'dormantSnoozedUntil', 'referredBy', 'firstDueAt', 'formerSince', 'createdAt',
] as const;
export type CardField = (typeof CARD_FIELDS)[number];

const FIELDS_OF: Record<DocumentKind, readonly string[]> = { client: CARD_FIELDS, settings: SYNCED_SETTINGS, template: TEMPLATE_FIELDS };

/** Maps between this device's client ids and the documents that name those clients elsewhere. */
export interface ClientRefs {
  docOf(clientId: number): string | undefined;
  clientOf(docId: string): number | undefined;
}

function cardValue(client: Client, field: CardField, refs: ClientRefs): unknown {
  if (field === 'referredBy') return client.referredBy === undefined ? null : refs.docOf(client.referredBy) ?? null;
  const v = client[field];
  return v === undefined ? null : v;
}

function travelling(t: Touchpoint, refs: ClientRefs): SyncedTouchpoint {
  const { clientId: _c, templateId: _t, referredClientId, ...rest } = t;
  const out: SyncedTouchpoint = { ...rest, id: t.id! };
  const referred = referredClientId === undefined ? undefined : refs.docOf(referredClientId);
  if (referred) out.referredClient = referred;
  return out;
}

const sameTouch = (a: SyncedTouchpoint, b: SyncedTouchpoint) => {
  const { updatedAt: _a, ...x } = a;
  const { updatedAt: _b, ...y } = b;
  return stableJson(x) === stableJson(y);
};

/**
 * The document of `client` with `history` as this device has them now, against `base` (the
 * document last agreed on; none for a client never synced, whose every field then counts as
 * edited when it was last written).
 */
export function localDocument(client: Client, history: Touchpoint[], base: ClientDocument | undefined, refs: ClientRefs): ClientDocument {
  const at = client.updatedAt;
  const card: Record<string, SyncedField> = {};
  for (const f of CARD_FIELDS) {
    const value = cardValue(client, f, refs);
    const before = base?.card[f];
    // a referrer this device has not received yet is unknown here, not removed
    const unknownHere = f === 'referredBy' && value === null && typeof before?.value === 'string' && refs.clientOf(before.value) === undefined;
    card[f] = before && (unknownHere || stableJson(before.value) === stableJson(value)) ? before : { value, at };
  }
  const deleted: Record<string, number> = { ...(base?.deleted ?? {}) };
  const baseTouches = new Map((base?.touchpoints ?? []).map((t) => [t.id, t]));
  const touchpoints: SyncedTouchpoint[] = [];
  for (const t of history) {
    if (!t.id) continue;
    const now = travelling(t, refs);
    const was = baseTouches.get(t.id);
    baseTouches.delete(t.id);
    // likewise the client a referral brought, when that client has not arrived here
    if (was?.referredClient && now.referredClient === undefined && refs.clientOf(was.referredClient) === undefined) now.referredClient = was.referredClient;
    if (was && sameTouch(was, now)) {
      if (was.updatedAt !== undefined) now.updatedAt = was.updatedAt;
    } else if (was) now.updatedAt = Math.max(at, (was.updatedAt ?? was.createdAt) + 1);
    touchpoints.push(now);
  }
  // in the base and gone from the history: deleted on this device
  for (const id of baseTouches.keys()) deleted[id] = Math.max(deleted[id] ?? -Infinity, at);
  touchpoints.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return { kind: 'client', card, touchpoints, deleted };
}

/** The tombstone of a client deleted on this device. */
export function deletedDocument(at: number): ClientDocument {
  return { kind: 'client', card: {}, touchpoints: [], deleted: {}, deletedAt: at };
}

/** Whether two documents say the same (their times included). */
export function sameDocument(a: ClientDocument | undefined, b: ClientDocument | undefined): boolean {
  return stableJson(a) === stableJson(b);
}

/**
 * Checks that `value` (decrypted, so from a device with the key, but any version of it) has a
 * document's shape; the fields themselves are checked by `clientFromDocument`.
 */
export function toClientDocument(value: unknown): ClientDocument {
  const v = value as ClientDocument;
  const isRecord = (o: unknown): o is Record<string, unknown> => !!o && typeof o === 'object' && !Array.isArray(o);
  const fields = isRecord(v) ? FIELDS_OF[v.kind as DocumentKind] : undefined;
  if (!isRecord(v) || !fields || !isRecord(v.card) || !Array.isArray(v.touchpoints) || !isRecord(v.deleted))
    throw new ValidationError('a synced document that is not a client, the settings or a template');
  if (v.deletedAt !== undefined && !Number.isFinite(v.deletedAt)) throw new ValidationError('a synced document with a broken deletion time');
  if (v.kind !== 'client' && (v.touchpoints.length || Object.keys(v.deleted).length)) throw new ValidationError(`synced ${v.kind} with touchpoints`);
  for (const [k, f] of Object.entries(v.card)) {
    if (!fields.includes(k) || !isRecord(f) || !Number.isFinite(f.at) || !('value' in f))
      throw new ValidationError(`a synced ${v.kind} with a field it cannot have (${k.slice(0, 40)})`);
  }
  for (const [id, at] of Object.entries(v.deleted)) {
    if (!isTouchpointId(id) || !Number.isFinite(at)) throw new ValidationError('a synced client with a broken deleted touchpoint');
  }
  for (const t of v.touchpoints) {
    if (!isRecord(t) || !isTouchpointId(t.id) || (t.updatedAt !== undefined && !Number.isFinite(t.updatedAt)))
      throw new ValidationError('a synced client with a broken touchpoint');
  }
  return v;
}

/**
 * The client a (live, not deleted) document describes, built over `existing` (the local
 * client it merges into, if there is one) through the checks the user's own edits pass.
 * Its derived fields are the caller's to recompute.
 */
export function clientFromDocument(doc: ClientDocument, existing: Client | undefined, refs: ClientRefs, now: number): Client {
  const value = (f: CardField) => doc.card[f]?.value ?? null;
  const emails = value('emails');
  if (!Array.isArray(emails) || emails.length === 0) throw new ValidationError('a synced client with no address');
  const referred = value('referredBy');
  const patch: ClientPatch = {
    name: (value('name') as string | null) ?? '',
    emails: emails as string[],
    company: (value('company') as string | null) ?? '',
    stageOverride: value('stageOverride') as ClientPatch['stageOverride'],
    tags: (value('tags') as string[] | null) ?? [],
    cadenceDays: value('cadenceDays') as number | null,
    keyAccount: (value('keyAccount') as boolean | null) ?? false,
    importantDates: (value('importantDates') as ClientPatch['importantDates'] | null) ?? [],
    notes: (value('notes') as string | null) ?? '',
    snoozedUntil: value('snoozedUntil') as number | null,
    dormantSnoozedUntil: value('dormantSnoozedUntil') as number | null,
    referredBy: typeof referred === 'string' ? refs.clientOf(referred) ?? null : null,
    firstDueAt: value('firstDueAt') as number | null,
  };
  const createdAt = value('createdAt');
  const blank: Client = {
    name: '', emails: [], tags: [], importantDates: [], notes: '', stage: 'prospect', saleCount: 0, lifetimeValue: 0,
    createdAt: createdAt === null ? now : toTime(createdAt, 'created'), updatedAt: now,
  };
  const base: Client = existing ? { ...existing, createdAt: blank.createdAt } : blank;
  if (patch.referredBy === base.id) patch.referredBy = null;
  const next = applyClientPatch(base, patch, now);
  const former = value('formerSince');
  if (next.stageOverride === 'former' && former !== null) next.formerSince = toTime(former, 'former since');
  else if (next.stageOverride !== 'former') delete next.formerSince;
  if (!next.keyAccount) delete next.keyAccount;
  return next;
}

/** The document's touchpoints as touchpoints of the local client `clientId`, each checked. */
export function historyFromDocument(doc: ClientDocument, clientId: number, refs: ClientRefs): Touchpoint[] {
  return doc.touchpoints.map((t) => {
    const { updatedAt: _u, referredClient, id, ...rest } = t;
    const input = { ...rest, clientId } as TouchpointInput & { referredClientId?: number };
    const referredClientId = referredClient === undefined ? undefined : refs.clientOf(referredClient);
    if (referredClientId !== undefined) input.referredClientId = referredClientId;
    const checked = validateTouchpoint(input as TouchpointInput, t.createdAt);
    return { ...checked, id } as Touchpoint;
  });
}
