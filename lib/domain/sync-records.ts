/**
 * The settings that follow the user, and the templates, as synced documents (issue #19).
 * They travel in the client document's shape (lib/domain/sync-merge.ts): each field with
 * the time of its last edit as the card, merged field by field, the newer edit winning; a
 * deleted template is a tombstone. Edit times come by difference from the version last
 * agreed on, as for clients (lib/domain/sync-document.ts).
 *
 * Settings that belong to one device stay on it: the reminders (a digest at 08:30 suits
 * the office, not the laptop), automatic backups and the last backup's time (each browser
 * backs up its own files), and the addresses learnt from this browser's mail pages.
 */
import type { Settings, Template } from './model';
import { stableJson, type ClientDocument, type SyncedField } from './sync-merge';

export const SYNCED_SETTINGS = [
  'cadenceDays', 'secondSaleDays', 'secondSaleWindowDays', 'dormantMonths', 'contactClock', 'holidays', 'allowLongCadence',
  'keyAccountCadenceDays', 'dueSoonDays', 'replyOnTimeHours', 'replyLateHours', 'workingDays', 'workingDaysOnly',
  'nudgeAfterDays', 'ownAddresses', 'autoCapture', 'myName', 'signature',
] as const satisfies readonly (keyof Settings)[];

export const TEMPLATE_FIELDS = ['name', 'category', 'subject', 'body', 'stages', 'situations', 'builtIn', 'builtInKey'] as const satisfies readonly (keyof Template)[];

/**
 * The document of a record with `values` now, against `base`: a field that differs from the
 * base's takes `at`; one that does not keeps the base's time. `firstAt` gives a field's time
 * when there is no base (a built-in template's shipped words: 0, so they never beat an edit).
 */
export function recordDocument(
  kind: 'settings' | 'template',
  values: Record<string, unknown>,
  fields: readonly string[],
  base: ClientDocument | undefined,
  at: number,
  firstAt?: (field: string, value: unknown) => number,
): ClientDocument {
  const card: Record<string, SyncedField> = {};
  for (const f of fields) {
    const value = values[f] ?? null;
    const before = base?.card[f];
    card[f] = before && stableJson(before.value) === stableJson(value) ? before : { value, at: base ? at : (firstAt?.(f, value) ?? at) };
  }
  return { kind, card, touchpoints: [], deleted: {} };
}

/** The fields of a merged document, as they are to be stored (a `null` is an absent value). */
export function recordValues(doc: ClientDocument): Record<string, unknown> {
  return Object.fromEntries(Object.entries(doc.card).map(([k, f]) => [k, f.value]));
}
