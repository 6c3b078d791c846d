/**
 * The backup file's shape, checked whole before anything is restored. Strict: an unknown
 * field, a wrong type, an address that is not one, a touchpoint pointing at a client that
 * is not in the file: each is refused with the path of the field ("clients[3].emails[0]").
 */
import { z } from 'zod';
import { clientSchema, templateSchema, text, touchpointSchema } from '../domain/model-schema';

export const BACKUP_FORMAT = 'touchbase-backup';
/**
 * Version 2 (schema version 6, histories): a touchpoint's id and message key are unique
 * within its client, no longer across the file. Version-1 files meet that too, so both
 * restore; an older Touchbase given a version-2 file says it needs updating instead of
 * calling the file damaged.
 */
export const BACKUP_VERSION = 2;

/** The key of the one settings row (lib/db/settings.ts); a backup with another is refused. */
export const SETTINGS_ROW_KEY = 'app';

export const settingsRowSchema = z.strictObject({ key: text(40), value: z.record(z.string(), z.unknown()) });

/** The most rows of each table a backup holds; a merge that would pass one is refused. */
export const BACKUP_LIMITS = { clients: 200_000, touchpoints: 5_000_000, templates: 10_000, settings: 100 };

export const dataSchema = z
  .strictObject({
    clients: z.array(clientSchema).max(BACKUP_LIMITS.clients),
    touchpoints: z.array(touchpointSchema).max(BACKUP_LIMITS.touchpoints),
    templates: z.array(templateSchema).max(BACKUP_LIMITS.templates),
    settings: z.array(settingsRowSchema).max(BACKUP_LIMITS.settings),
  })
  .superRefine((d, ctx) => {
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
    // ids and message keys are unique within a client's history (lib/db/history.ts)
    const tpIds = new Set<string>();
    const keys = new Set<string>();
    d.touchpoints.forEach((t, i) => {
      if (!clientIds.has(t.clientId)) ctx.addIssue({ code: 'custom', path: ['touchpoints', i, 'clientId'], message: 'no such client in the file' });
      const ref = `${t.clientId}:${t.id}`;
      if (tpIds.has(ref)) ctx.addIssue({ code: 'custom', path: ['touchpoints', i, 'id'], message: 'duplicate id in the same client' });
      tpIds.add(ref);
      if (t.kind === 'sale' && t.amount === undefined) ctx.addIssue({ code: 'custom', path: ['touchpoints', i, 'amount'], message: 'a sale needs an amount' });
      if (t.kind !== 'sale' && t.amount !== undefined) ctx.addIssue({ code: 'custom', path: ['touchpoints', i, 'amount'], message: 'only a sale has an amount' });
      if (t.messageKey) {
        const key = `${t.clientId}:${t.messageKey}`;
        if (keys.has(key)) ctx.addIssue({ code: 'custom', path: ['touchpoints', i, 'messageKey'], message: 'duplicate message key in the same client' });
        keys.add(key);
      }
    });
  });

export const backupSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int(),
  schemaVersion: z.number().int().positive(),
  exportedAt: z.string().max(40),
  counts: z.strictObject({
    clients: z.number().int().min(0),
    touchpoints: z.number().int().min(0),
    templates: z.number().int().min(0),
    settings: z.number().int().min(0),
  }),
  checksum: z.string().regex(/^[0-9a-f]{64}$/),
  data: dataSchema,
});

export type BackupData = z.infer<typeof dataSchema>;
export type Backup = z.infer<typeof backupSchema>;
