/**
 * Backups: one versioned JSON file with every table and a SHA-256 checksum of its data.
 *
 * Restoring is all or nothing. The whole file is parsed and validated first (format,
 * version, every field, the counts, the checksum, and every row under the rules of the
 * app's own writes: ./rows.ts); only a file that passes is planned
 * (what is new, what exists) and then written in ONE transaction over all tables, with
 * every client's derived fields recomputed. Any refusal or failure leaves the database
 * exactly as it was.
 */
import { db } from '../db/schema';
import { getSettings, updateSettings } from '../db/settings';
import { withDerivedAll, recomputeClient } from '../db/derived';
import { allTouchpoints, countTouchpoints, putHistories } from '../db/history';
import { HistoryBatch } from '../db/history-batch';
import { packHistories } from './histories';
import { LIMITS, type Client, type Template, type Touchpoint } from '../domain/model';
import { ValidationError } from '../domain/validate';
import { withFreshIds, type NumberedTouchpoint } from '../db/history-rows';
import { checkRows, whereRefused } from './rows';
import {
  BACKUP_FORMAT, BACKUP_LIMITS, BACKUP_VERSION, backupSchema, LAST_NUMBERED_VERSION, MAX_BACKUP_BYTES, numberedBackupSchema,
  SETTINGS_ROW_KEY, type Backup, type BackupData,
} from './schema';
import { settingsFrom } from '../domain/settings';

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

/** JSON with object keys sorted, so the same data always gives the same checksum. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]))
      : v,
  );
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A backup file as an export makes it: its text, checked, and what it holds. */
export interface BackupFile {
  text: string;
  counts: Backup['counts'];
  exportedAt: string;
}

/**
 * Every table as the text of a backup file, checked with the parser a restore uses
 * (`parseBackup`: shape, counts, checksum and the rules of every row) before it is offered,
 * so a file that would not restore is never handed out as a backup. It does not note the
 * time of the backup: the page does that once the file was saved (`markBackedUp`).
 *
 * The data is serialised once, as canonical JSON, and written as it is after the header
 * (`"data"` last): its checksum is the hash of that very text, so a restore checks it
 * without writing the data out again (see parseBackup).
 */
export async function exportBackup(now = Date.now()): Promise<BackupFile> {
  let data: BackupData | null = (await db.transaction('r', db.clients, db.histories, db.historyParts, db.templates, db.settings, async () => ({
    clients: await db.clients.toArray(),
    touchpoints: await allTouchpoints(),
    templates: await db.templates.toArray(),
    // the settings the app uses (settingsFrom): a row an older restore left broken is
    // exported with its bad values at their defaults, as the app reads it, not refused
    // the user's settings only: other rows are this database's bookkeeping (lib/db/rules.ts)
    settings: (await db.settings.toArray()).filter((r) => r.key === SETTINGS_ROW_KEY).map((r) => ({ ...r, value: settingsFrom(r.value) as unknown as Record<string, unknown> })),
  }))) as BackupData;
  const counts = {
    clients: data.clients.length,
    touchpoints: data.touchpoints.length,
    templates: data.templates.length,
    settings: data.settings.length,
  };
  const exportedAt = new Date(now).toISOString();
  const dataText = canonicalJson(data);
  data = null; // the rows are in the text now: let them go before the check parses it again
  const header = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    schemaVersion: db.verno || 1,
    exportedAt,
    counts,
    checksum: await sha256Hex(dataText),
  };
  const text = `${JSON.stringify(header).slice(0, -1)},"data":${dataText}}`;
  try {
    await parseBackup(text);
  } catch (e) {
    throw new BackupError(`The backup did not pass its own check, so no file was made: ${e instanceof Error ? e.message : String(e)}`);
  }
  return { text, counts, exportedAt };
}

/** Notes the time of a backup, once its file was saved. */
export async function markBackedUp(now = Date.now()): Promise<void> {
  await updateSettings({ lastBackupAt: now });
}

export function backupFileName(now = Date.now()): string {
  return `touchbase-backup-${new Date(now).toISOString().slice(0, 10)}.json`;
}

/** "clients[3].emails[0]": a field of the file, named from inside `data` as the rules name them. */
function describePath(path: PropertyKey[]): string {
  const inData = path[0] === 'data' && path.length > 1 ? path.slice(1) : path;
  return inData.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${String(p)}` : String(p)), '');
}

/**
 * The `data` member's own text, when the file is laid out as an export writes it: a header
 * of plain values, then `"data":` and the data, last. Proven by parsing: the header with
 * `null` for the data must parse as an object (so this `"data":` is a member of the file's
 * own object, not text in a string or a deeper object), and so must the data text; the whole
 * file then parses to the header with that data. Undefined for any other layout.
 */
function splitData(text: string): { header: Record<string, unknown>; data: unknown; dataText: string } | undefined {
  const at = text.indexOf('"data":');
  const end = text.lastIndexOf('}');
  if (at < 0 || end < at || text.slice(end + 1).trim() !== '') return undefined;
  try {
    const header = JSON.parse(`${text.slice(0, at)}"data":null}`);
    if (!header || typeof header !== 'object' || Array.isArray(header)) return undefined;
    const dataText = text.slice(at + 7, end);
    return { header, data: JSON.parse(dataText), dataText };
  } catch {
    return undefined;
  }
}

/** The parsed file, and the hash of its data text when it is laid out as an export writes it. */
async function readJson(text: string): Promise<{ raw: unknown; textHash?: string }> {
  const split = splitData(text);
  if (!split) return { raw: parseJson(text) };
  return { raw: { ...split.header, data: split.data }, textHash: await sha256Hex(split.dataText) };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const t = text.trim();
    if (t.startsWith('{') && !t.endsWith('}')) {
      throw new BackupError('The file is cut short (truncated): it was not completely saved or copied.');
    }
    throw new BackupError('The file is not a backup: it is not JSON.');
  }
}

/**
 * Reads and checks a backup file (shape, counts, checksum, the rules of every row); throws
 * a BackupError naming the problem. Memory: a file as an export writes it is parsed once
 * and its checksum taken over its own data text, never written out again; the text is let
 * go before zod copies the parsed rows, and those before the rules' copies. Only a file laid
 * out otherwise (an older export, a re-indented file) is written out as canonical JSON for
 * its checksum, once the text is gone.
 */
export async function parseBackup(text: string): Promise<Backup> {
  if (typeof text !== 'string') throw new BackupError('The file is empty.');
  if (text.length > MAX_BACKUP_BYTES) throw new BackupError('The file is too large to be a Touchbase backup.');
  if (text.trim() === '') throw new BackupError('The file is empty.');
  let { raw, textHash } = await readJson(text);
  text = ''; // nothing below needs the text
  if (!raw || typeof raw !== 'object' || (raw as { format?: unknown }).format !== BACKUP_FORMAT) {
    throw new BackupError('The file is not a Touchbase backup.');
  }
  const version = (raw as { version?: unknown }).version;
  if (typeof version === 'number' && version > BACKUP_VERSION) {
    throw new BackupError(
      `The backup was made by a newer version of Touchbase (backup format ${version}); update the extension to restore it.`,
    );
  }
  // formats 1 and 2 numbered touchpoints: checked as they were written, given ids below
  const numbered = typeof version === 'number' && version <= LAST_NUMBERED_VERSION;
  const parsed = (numbered ? numberedBackupSchema : backupSchema).safeParse(raw);
  raw = undefined;
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BackupError(`The backup is damaged: ${describePath(issue.path)}: ${issue.message}.`);
  }
  const b = parsed.data;
  for (const k of ['clients', 'touchpoints', 'templates', 'settings'] as const) {
    if (b.counts[k] !== b.data[k].length) {
      throw new BackupError(`The backup is damaged: it should hold ${b.counts[k]} ${k} but holds ${b.data[k].length}.`);
    }
  }
  if (textHash !== b.checksum && (await sha256Hex(canonicalJson(b.data))) !== b.checksum) {
    throw new BackupError('The backup is damaged: its checksum does not match its contents (the file was changed).');
  }
  if (numbered) {
    // each touchpoint an id of today, in its history's order; nothing else changes
    (b.data as BackupData).touchpoints = withFreshIds(b.data.touchpoints as NumberedTouchpoint[]) as BackupData['touchpoints'];
  }
  try {
    checkRows(b.data as BackupData);
    return b as Backup;
  } catch (e) {
    if (e instanceof ValidationError) throw new BackupError(`The backup cannot be restored: ${whereRefused(e)}.`);
    throw e;
  }
}

export type RestoreMode = 'replace' | 'merge';

export interface RestorePlan {
  mode: RestoreMode;
  clients: { total: number; new: number; existing: number };
  touchpoints: { total: number; new: number; duplicate: number };
  templates: { total: number; new: number; existing: number };
  /** what is in the database now and would be removed (replace only) */
  removed: { clients: number; touchpoints: number };
}

async function matchClients(data: BackupData): Promise<Map<number, number | undefined>> {
  const map = new Map<number, number | undefined>();
  for (const c of data.clients) {
    const existing = await db.clients.where('emails').anyOf(c.emails).first();
    map.set(c.id, existing?.id);
  }
  return map;
}

const tpKey = (t: { kind: string; at: number }) => `${t.kind}|${t.at}`;

/**
 * A backup's touchpoint is already in a history when it has the same message key, or the
 * same kind at the same moment, as one there.
 */
const sameTouch = (t: Pick<Touchpoint, 'kind' | 'at' | 'messageKey'>) =>
  t.messageKey ? [`m|${t.messageKey}`, tpKey(t)] : [tpKey(t)];

export async function planRestore(backup: Backup, mode: RestoreMode): Promise<RestorePlan> {
  const d = backup.data;
  return db.transaction('r', db.clients, db.histories, db.historyParts, db.templates, async () => {
    if (mode === 'replace') {
      return {
        mode,
        clients: { total: d.clients.length, new: d.clients.length, existing: 0 },
        touchpoints: { total: d.touchpoints.length, new: d.touchpoints.length, duplicate: 0 },
        templates: { total: d.templates.length, new: d.templates.length, existing: 0 },
        removed: { clients: await db.clients.count(), touchpoints: await countTouchpoints() },
      };
    }
    const matched = await matchClients(d);
    const here = new HistoryBatch(sameTouch);
    await here.load([...matched.values()].filter((id): id is number => id !== undefined));
    let dup = 0;
    for (const t of d.touchpoints) {
      const clientId = matched.get(t.clientId);
      if (clientId !== undefined && here.has(clientId, t as Touchpoint)) dup++;
    }
    const templateHere = await templatesHere();
    const tplExisting = d.templates.filter((t) => templateHere(t) !== undefined).length;
    const existing = [...matched.values()].filter((v) => v !== undefined).length;
    return {
      mode,
      clients: { total: d.clients.length, new: d.clients.length - existing, existing },
      touchpoints: { total: d.touchpoints.length, new: d.touchpoints.length - dup, duplicate: dup },
      templates: { total: d.templates.length, new: d.templates.length - tplExisting, existing: tplExisting },
      removed: { clients: 0, touchpoints: 0 },
    };
  });
}

/**
 * The id here of a template of the file: the one with its built-in key, else the one with
 * its name (undefined: none here).
 */
async function templatesHere(): Promise<(t: Pick<Template, 'builtInKey' | 'name'>) => number | undefined> {
  const byKey = new Map<string, number>();
  const byName = new Map<string, number>();
  for (const t of await db.templates.toArray()) {
    if (t.builtInKey !== undefined && !byKey.has(t.builtInKey)) byKey.set(t.builtInKey, t.id!);
    if (!byName.has(t.name)) byName.set(t.name, t.id!);
  }
  return (t) => (t.builtInKey !== undefined ? byKey.get(t.builtInKey) : undefined) ?? byName.get(t.name);
}

/**
 * Adds the file's templates that are not here; returns, for each template id of the file,
 * its id here (the template already here, or the one just added), so the touchpoints sent
 * from a template still name it: without the map, a merged touchpoint kept the file's id,
 * which here belongs to another template or to none, and answer rates went to the wrong one.
 */
async function mergeTemplates(templates: Template[]): Promise<Map<number, number>> {
  const here = await templatesHere();
  const ids = new Map<number, number>();
  for (const t of templates) {
    const { id: theirs, ...rest } = t;
    ids.set(theirs!, here(t) ?? (await db.templates.add(rest as Template)));
  }
  return ids;
}

/**
 * A merge must leave a book a backup can hold (BACKUP_LIMITS), or its next export would not
 * restore: checked inside the merge's transaction, so a refusal writes nothing.
 */
async function assertFitsABackup(touchpointsAdded: boolean): Promise<void> {
  const totals = {
    clients: await db.clients.count(),
    templates: await db.templates.count(),
    touchpoints: touchpointsAdded ? await countTouchpoints() : 0,
  };
  for (const k of ['clients', 'touchpoints', 'templates'] as const) {
    if (totals[k] > BACKUP_LIMITS[k]) {
      throw new BackupError(
        `Merging would make more than ${BACKUP_LIMITS[k].toLocaleString('en')} ${k}, more than a backup can hold; nothing was changed.`,
      );
    }
  }
}

/** Writes a checked backup in one transaction; nothing is written if anything fails. */
export async function restoreBackup(backup: Backup, mode: RestoreMode, now = Date.now()): Promise<RestorePlan> {
  const plan = await planRestore(backup, mode);
  const d = backup.data;
  await db.transaction('rw', [db.clients, db.histories, db.historyParts, db.digests, db.templates, db.settings], async () => {
    if (mode === 'replace') {
      await Promise.all([db.clients.clear(), db.templates.clear(), db.settings.delete(SETTINGS_ROW_KEY)]);
      await db.settings.bulkPut(d.settings);
      const rows = packHistories(d.touchpoints as Touchpoint[]);
      await putHistories(rows, { clear: true });
      await db.templates.bulkPut(d.templates as Template[]);
      const settings = await getSettings();
      // written now: to sync (lib/db/sync-store.ts) the restore is an edit made now, which
      // reaches the other devices and wins over their older edits, as the user meant
      const restored = await withDerivedAll(d.clients as Client[], rows, settings);
      for (const c of restored) c.updatedAt = now;
      await db.clients.bulkPut(restored);
      return;
    }
    const settings = await getSettings();
    const matched = await matchClients(d);
    const idMap = new Map<number, number>();
    for (const c of d.clients) {
      const existing = matched.get(c.id);
      if (existing !== undefined) {
        idMap.set(c.id, existing);
        // the same person: keep the record here, add the addresses and tags it lacked
        const cur = (await db.clients.get(existing))!;
        const free: string[] = [];
        for (const e of c.emails) {
          const owner = await db.clients.where('emails').equals(e).first();
          if (!owner) free.push(e);
        }
        // capped at the model's limits, what is here first: a merged client must still restore
        const emails = [...cur.emails, ...free].slice(0, Math.max(cur.emails.length, LIMITS.emails));
        const tags = [...new Set([...cur.tags, ...c.tags])].slice(0, Math.max(cur.tags.length, LIMITS.tags));
        if (emails.length !== cur.emails.length || tags.length !== cur.tags.length) {
          await db.clients.put({ ...cur, emails, tags });
        }
        continue;
      }
      const { id: _old, ...rest } = c;
      idMap.set(c.id, await db.clients.add(rest as Client));
    }
    const touched = new Set<number>(idMap.values());
    const templateIds = await mergeTemplates(d.templates as Template[]);
    // each touched history as it was plus what the file adds: a touchpoint already here,
    // or twice in the file, is added once
    const merged = new HistoryBatch(sameTouch, now);
    await merged.load(idMap.values());
    for (const t of d.touchpoints) {
      const clientId = idMap.get(t.clientId)!;
      const { id, clientId: _theirs, templateId, ...touch } = t as Touchpoint;
      if (merged.has(clientId, touch)) continue;
      // a template that is not in the file (deleted before the export) is named by none here
      const here = templateId === undefined ? undefined : templateIds.get(templateId);
      // the file's id stays when the history here does not hold it (ids are unique across devices)
      merged.add(clientId, here === undefined ? touch : { ...touch, templateId: here }, id);
    }
    await merged.writeAll();
    for (const id of touched) await recomputeClient(id, settings, now);
    await assertFitsABackup(merged.added > 0);
  });
  return plan;
}
