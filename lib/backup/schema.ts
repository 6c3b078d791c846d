/**
 * The backup file's shape, checked whole before anything is restored. Strict: an unknown
 * field, a wrong type, an address that is not one, a touchpoint pointing at a client that
 * is not in the file: each is refused with the path of the field ("clients[3].emails[0]").
 */
import { z } from '../domain/zod';
import { clientSchema, positiveId, templateSchema, text, touchpointSchema } from '../domain/model-schema';

export const BACKUP_FORMAT = 'touchbase-backup';
/**
 * Version 3 (schema version 8): a touchpoint's id is a string unique in the whole file and
 * for the life of a database (lib/domain/ids.ts). Versions 1 and 2 numbered touchpoints
 * (version 1 across the file, version 2 within each client): both still restore, each
 * touchpoint given an id of today in its history order. An older Touchbase given a newer
 * file says it needs updating instead of calling the file damaged.
 */
export const BACKUP_VERSION = 3;
/** The last format whose touchpoint ids were numbers. */
export const LAST_NUMBERED_VERSION = 2;

/** The key of the one settings row (lib/db/settings.ts); a backup with another is refused. */
export const SETTINGS_ROW_KEY = 'app';

export const settingsRowSchema = z.strictObject({ key: text(40), value: z.record(z.string(), z.unknown()) });

/**
 * Largest backup file taken; a bigger one is refused from its size, before it is read. An
 * email recorded from a thread is about 300 bytes of backup (a call or a note less), so
 * 50 MB holds some 170,000 of them: years of a busy book, while a read (the text, then the
 * parsed rows) stays well inside a page's memory.
 */
export const MAX_BACKUP_BYTES = 50 * 1024 * 1024;

/** The most rows of each table a backup holds; a merge that would pass one is refused. */
export const BACKUP_LIMITS = { clients: 200_000, touchpoints: 5_000_000, templates: 10_000, settings: 100 };

/** A touchpoint of formats 1 and 2: a whole number for an id. */
export const numberedTouchpointSchema = touchpointSchema.extend({ id: positiveId });

const tables = <T extends typeof touchpointSchema | typeof numberedTouchpointSchema>(touchpoint: T) =>
  z.strictObject({
    clients: z.array(clientSchema).max(BACKUP_LIMITS.clients),
    touchpoints: z.array(touchpoint).max(BACKUP_LIMITS.touchpoints),
    templates: z.array(templateSchema).max(BACKUP_LIMITS.templates),
    settings: z.array(settingsRowSchema).max(BACKUP_LIMITS.settings),
  });

interface RefinedData {
  clients: { id: number; emails: string[] }[];
  touchpoints: { id: string | number; clientId: number; kind: string; amount?: number; messageKey?: string }[];
}

/**
 * What the shape of one row cannot say: ids unique (a touchpoint's in the whole file, or,
 * numbered, within its client), each address of one client only, each touchpoint's client
 * in the file, an amount on sales only, a message key once per client.
 */
const acrossRows = (touchpointIds: 'file' | 'client') => (d: RefinedData, ctx: z.RefinementCtx) => {
  const clientIds = new Set<number>();
  const emails = new Map<string, number>();
  d.clients.forEach((c, i) => {
    if (clientIds.has(c.id)) ctx.addIssue({ code: 'custom', path: ['clients', i, 'id'], message: 'duplicate id' });
    clientIds.add(c.id);
    c.emails.forEach((e, j) => {
      if (emails.has(e)) ctx.addIssue({ code: 'custom', path: ['clients', i, 'emails', j], message: `${e} belongs to two clients` });
      emails.set(e, c.id);
    });
  });
  const tpIds = new Set<string>();
  const keys = new Set<string>();
  d.touchpoints.forEach((t, i) => {
    if (!clientIds.has(t.clientId)) ctx.addIssue({ code: 'custom', path: ['touchpoints', i, 'clientId'], message: 'no such client in the file' });
    const ref = touchpointIds === 'file' ? String(t.id) : `${t.clientId}:${t.id}`;
    if (tpIds.has(ref)) {
      const message = touchpointIds === 'file' ? 'duplicate id' : 'duplicate id in the same client';
      ctx.addIssue({ code: 'custom', path: ['touchpoints', i, 'id'], message });
    }
    tpIds.add(ref);
    if (t.kind === 'sale' && t.amount === undefined) ctx.addIssue({ code: 'custom', path: ['touchpoints', i, 'amount'], message: 'a sale needs an amount' });
    if (t.kind !== 'sale' && t.amount !== undefined) ctx.addIssue({ code: 'custom', path: ['touchpoints', i, 'amount'], message: 'only a sale has an amount' });
    if (t.messageKey) {
      const key = `${t.clientId}:${t.messageKey}`;
      if (keys.has(key)) ctx.addIssue({ code: 'custom', path: ['touchpoints', i, 'messageKey'], message: 'duplicate message key in the same client' });
      keys.add(key);
    }
  });
};

export const dataSchema = tables(touchpointSchema).superRefine(acrossRows('file'));
/** The data of formats 1 and 2. */
export const numberedDataSchema = tables(numberedTouchpointSchema).superRefine(acrossRows('client'));

const header = {
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int().min(1),
  schemaVersion: z.number().int().positive(),
  exportedAt: z.string().max(40),
  counts: z.strictObject({
    clients: z.number().int().min(0),
    touchpoints: z.number().int().min(0),
    templates: z.number().int().min(0),
    settings: z.number().int().min(0),
  }),
  checksum: z.string().regex(/^[0-9a-f]{64}$/),
};

export const backupSchema = z.strictObject({ ...header, data: dataSchema });
/** A file of formats 1 and 2. */
export const numberedBackupSchema = z.strictObject({ ...header, data: numberedDataSchema });

export type BackupData = z.infer<typeof dataSchema>;
export type Backup = z.infer<typeof backupSchema>;
