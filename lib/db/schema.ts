/**
 * The `touchbase` database, opened only in the extension's own origin (background and
 * extension pages; never a content script, whose IndexedDB would be Gmail's).
 *
 * Indexes exist for every list the product shows without a scan: clients by address
 * (multi-entry `emails`), by due date, by waiting reply, by snooze; touchpoints by
 * `[clientId+at]` for a client's history newest first, and `&messageKey` so an email seen
 * in a thread is recorded once (IndexedDB leaves records without the key out of a unique
 * index, so manual touchpoints need none).
 */
import Dexie, { type Table } from 'dexie';
import type { Client, Template, Touchpoint } from './types';

export interface SettingsRow {
  key: string;
  value: unknown;
}

export const DB_NAME = 'touchbase';

export const SCHEMA_V1 = {
  clients:
    '++id, *emails, *tags, stage, nextDueAt, awaitingReplySince, lastContactAt, lifetimeValue, snoozedUntil, updatedAt',
  touchpoints: '++id, clientId, [clientId+at], at, kind, threadKey, &messageKey',
  templates: '++id, name, category, builtInKey',
  settings: 'key',
};

export class TouchbaseDB extends Dexie {
  clients!: Table<Client, number>;
  touchpoints!: Table<Touchpoint, number>;
  templates!: Table<Template, number>;
  settings!: Table<SettingsRow, string>;

  constructor(name: string = DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
  }
}

export const db = new TouchbaseDB();
