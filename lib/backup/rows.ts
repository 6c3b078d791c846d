/**
 * Every row of a backup under the rules of the app's own writes (lib/domain): a client as
 * applyClientPatch takes it, a touchpoint as validateTouchpoint, a template as the editor
 * (validateTemplate), the settings as the options page (validateSettingsPatch). zod checked
 * the shape; these see what a shape cannot (a 30 February, a note without words,
 * `replyLateHours: "soon"`). They return the values as the rules give them (trimmed, control
 * characters out, addresses lower-case), which are what a restore writes; a refusal names
 * the field: "clients[3].importantDates[0]", "settings.replyLateHours".
 *
 * Here and not in lib/domain so that the pages which never restore (the side panel) do not
 * carry it; the rules themselves are the domain's, unchanged.
 */
import { applyClientPatch, type ClientPatch } from '../domain/clients';
import type { Client, Settings, Template } from '../domain/model';
import { DEFAULT_SETTINGS, validateSettingsPatch, type SettingsPatch } from '../domain/settings';
import { validateTemplate } from '../domain/templates/validate';
import { validateTouchpoint } from '../domain/touchpoints';
import { cleanText, inField, refusedAt, ValidationError } from '../domain/validate';
import { LIMITS } from '../domain/model';
import { SETTINGS_ROW_KEY, type BackupData } from './schema';

/** "clients[3].importantDates[0]: <problem>", or the message when no field is known. */
export function whereRefused(e: ValidationError): string {
  return (e.field === undefined ? e.message : `${e.field}: ${e.problem}`).replace(/\.$/, '');
}

/** A client's own fields, each checked on its own so a refusal names it. */
const CLIENT_FIELDS = [
  'emails', 'name', 'company', 'stageOverride', 'tags', 'cadenceDays', 'keyAccount', 'importantDates', 'notes', 'snoozedUntil',
] as const satisfies readonly (keyof ClientPatch & keyof Client)[];

/**
 * A stored client under applyClientPatch's rules, field by field (emails first: the name
 * falls back on them); its derived fields are left for the restore to re-derive.
 */
export function checkClientRecord(c: Client): Client {
  let out = c;
  for (const k of CLIENT_FIELDS) {
    if (c[k] !== undefined) out = inField(k, () => applyClientPatch(out, { [k]: c[k] } as ClientPatch));
  }
  // a client made without dates has no keys to index: leave it as it came
  if (c.anniversaries === undefined && out.anniversaries?.length === 0) delete out.anniversaries;
  return out;
}

/** A stored template under the editor's rules, its id, built-in flag and key and time kept. */
export function checkTemplateRecord(t: Template): Template {
  const out: Template = { ...t, ...validateTemplate(t) };
  if (t.builtInKey !== undefined) {
    const key = inField('builtInKey', () => cleanText(t.builtInKey, 'built-in key', LIMITS.builtInKey));
    if (key) out.builtInKey = key;
    else delete out.builtInKey;
  }
  return out;
}

/**
 * The one settings row's value under the options page's rules: each setting on its own
 * first, so a refusal names it ("replyLateHours"), against defaults that let any one value
 * pass the rules between settings; then all of them over DEFAULT_SETTINGS, which also checks
 * those (a cadence over 91 days unless allowed, late before on time).
 */
const EACH_ALONE: Settings = { ...DEFAULT_SETTINGS, allowLongCadence: true, replyOnTimeHours: Number.MIN_VALUE, replyLateHours: 24 * 60 };

export function checkSettingsValue(value: Record<string, unknown>): Settings {
  for (const k of Object.keys(value)) {
    try {
      validateSettingsPatch({ [k]: value[k] } as SettingsPatch, EACH_ALONE);
    } catch (e) {
      if (e instanceof ValidationError && e.field === undefined) throw new ValidationError(e.message, e.problem, k);
      throw e;
    }
  }
  return validateSettingsPatch(value as SettingsPatch, DEFAULT_SETTINGS);
}

/**
 * Every row checked (see above) and replaced, in place, by its checked value (so a large
 * file is never held twice over); throws a ValidationError whose field names the row and
 * the field. Returns the same data.
 */
export function checkRows(d: BackupData): BackupData {
  const rows = <T, U>(name: string, list: T[], check: (row: T) => U): U[] => {
    list.forEach((row, i) => (list[i] = inField(`${name}[${i}]`, () => check(row)) as unknown as T));
    return list as unknown as U[];
  };
  const seen = new Set<string>();
  d.settings.forEach((r, i) => {
    if (r.key !== SETTINGS_ROW_KEY) throw refusedAt(`settings[${i}].key`, `"${r.key}" is not a settings row`);
    if (seen.has(r.key)) throw refusedAt(`settings[${i}].key`, `a second "${r.key}" row`);
    seen.add(r.key);
  });
  rows('clients', d.clients, (c) => checkClientRecord(c as Client));
  rows('touchpoints', d.touchpoints, (t) => ({ ...validateTouchpoint(t, t.createdAt), id: t.id }));
  rows('templates', d.templates, (t) => checkTemplateRecord(t as Template));
  // one row, so a setting is named by its key alone: "settings.replyLateHours"
  for (const r of d.settings) r.value = inField('settings', () => checkSettingsValue(r.value)) as unknown as Record<string, unknown>;
  return d;
}
