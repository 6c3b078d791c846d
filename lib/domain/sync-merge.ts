/**
 * Merging two versions of a synced client without loss (issue #19): what two devices
 * edited offline becomes the same client on both, whichever merges first.
 *
 * A client travels as one document: its card, each field with the time of its last edit,
 * its touchpoints, and the ids of the touchpoints deleted (tombstones). Two versions merge
 * by rules that do not care about order, so the merge is commutative, associative and
 * idempotent (`tests/lib/domain/sync-merge.test.ts` checks all three on random versions):
 *
 * - **touchpoints** are united by their id, which is unique for the life of every database
 *   (lib/domain/ids.ts); the same touchpoint edited on both sides keeps the later edit
 *   (`updatedAt`, else `createdAt`);
 * - **a deleted touchpoint** stays deleted: its tombstone is kept and beats the touchpoint,
 *   so a copy on a device that has not heard of the deletion does not bring it back;
 * - **card fields** take the newer edit, field by field (a company changed on the laptop and
 *   a tag added on the desktop both stay);
 * - **a deleted client** stays deleted: the document keeps only the tombstone.
 *
 * Ties (the same millisecond on two devices) fall to a fixed order of the values
 * themselves, so both devices pick the same one.
 */
import type { Touchpoint } from './model';

export interface SyncedField {
  value: unknown;
  /** epoch ms of the edit that set it */
  at: number;
}

/** What a document holds: a client, the settings that follow the user, or a template. */
export type DocumentKind = 'client' | 'settings' | 'template';

export interface ClientDocument {
  /** a client; the settings and templates travel in the same shape, their fields as the card, no touchpoints */
  kind: DocumentKind;
  /** the card's fields by name, each with its last edit */
  card: Record<string, SyncedField>;
  /** the touchpoints not deleted, by id (in id order) */
  touchpoints: SyncedTouchpoint[];
  /** deleted touchpoints: id -> when */
  deleted: Record<string, number>;
  /** when the client was deleted: the document is then only this tombstone */
  deletedAt?: number;
}

/**
 * A touchpoint as it travels: its id always set, and when it was last edited if it was; what
 * names a record of one device only (the client's number, a template's) stays behind, and the
 * client a referral brought is named by that client's document (`referredClient`).
 */
export type SyncedTouchpoint = Omit<Touchpoint, 'clientId' | 'templateId' | 'referredClientId'> & {
  id: string;
  updatedAt?: number;
  referredClient?: string;
};

/** JSON with object keys in order: the same value gives the same text on every device. */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const o = value as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`)
    .join(',')}}`;
}

/** The later of two versions by `time`; at the same time, the greater by its stable JSON. */
function later<T>(x: T, y: T, time: (v: T) => number): T {
  const tx = time(x);
  const ty = time(y);
  if (tx !== ty) return tx > ty ? x : y;
  return stableJson(x) >= stableJson(y) ? x : y;
}

const editedAt = (t: SyncedTouchpoint) => t.updatedAt ?? t.createdAt ?? t.at;

/** The one version both devices end with. */
export function mergeClientDocuments(a: ClientDocument, b: ClientDocument): ClientDocument {
  if (a.deletedAt !== undefined || b.deletedAt !== undefined) {
    return { kind: a.kind, card: {}, touchpoints: [], deleted: {}, deletedAt: Math.max(a.deletedAt ?? -Infinity, b.deletedAt ?? -Infinity) };
  }
  const deleted: Record<string, number> = { ...a.deleted };
  for (const [id, at] of Object.entries(b.deleted)) deleted[id] = Math.max(deleted[id] ?? -Infinity, at);

  const card: Record<string, SyncedField> = { ...a.card };
  for (const [k, f] of Object.entries(b.card)) card[k] = k in card ? later(card[k], f, (v) => v.at) : f;

  const byId = new Map<string, SyncedTouchpoint>();
  for (const t of [...a.touchpoints, ...b.touchpoints]) {
    if (t.id in deleted) continue;
    const seen = byId.get(t.id);
    byId.set(t.id, seen ? later(seen, t, editedAt) : t);
  }
  const touchpoints = [...byId.values()].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return { kind: a.kind, card, touchpoints, deleted };
}
