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
import type { Client, ClientHistory, HistoryDigest, Settings, Template } from '../domain/model';
import { digestOf } from '../domain/digest';
import type { ClientDocument } from '../domain/sync-merge';
import {
  historyRows, packNumberedHistories, partsOf, withFreshIds, type HistoryPartRow, type HistoryRow, type NumberedTouchpoint,
} from './history-rows';
import { needsYouAt } from '../domain/overdue';
import { DEFAULT_SETTINGS, settingsFrom } from '../domain/settings';
import { withDerivedFields } from '../domain/derive';
import { anniversaryKeys } from '../domain/clients';
import { bringRulesUpToDate } from './rules';

/**
 * A synced document (lib/db/sync-store.ts): the client it is (none once deleted), the
 * version this device last agreed on (`base`), and the revision of the local mirror that
 * holds that version (none while it still has to be written there).
 */
export interface SyncDocRow {
  docId: string;
  /** 0: no client (deleted, or not yet arrived) */
  clientId: number;
  base: ClientDocument;
  rev?: string;
  /** the client's `updatedAt` when `base` was taken from it or written to it */
  clientUpdatedAt: number;
  /** when a change from another device last landed in this client */
  fromElsewhereAt?: number;
}

export interface SyncMetaRow {
  key: string;
  value: unknown;
}

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

/**
 * Version 2 adds the indexes the Today view and the insights read by: clients by
 * `[stage+nextDueAt]` (who is due, per stage) and by `anniversaries` ("MM-DD" of their
 * important dates, so this week's birthdays need no scan), touchpoints by `[kind+at]` (reply speed,
 * sales per period) and by `templateId` (which follow-ups get answers). Its upgrade fills
 * fields that version-1 records may lack, so every reader can rely on them.
 */
export const SCHEMA_V2 = {
  clients:
    '++id, *emails, *tags, stage, nextDueAt, awaitingReplySince, lastContactAt, lifetimeValue, snoozedUntil, updatedAt, [stage+nextDueAt], *anniversaries',
  touchpoints: '++id, clientId, [clientId+at], at, kind, threadKey, &messageKey, [kind+at], templateId',
  templates: '++id, name, category, builtInKey',
  settings: 'key',
};

/**
 * Version 3 keeps only the indexes a query reads. Every index is one more write on each
 * add and put (in the benchmark a bulk write went from about 5,500 to 6,100-8,500 records/s
 * and logging a call from 4.8 to 2.5-4 ms without the unused ones), and
 * a compound index answers queries on its first part as well (Dexie's virtual indexes):
 * `[clientId+at]` serves `where('clientId')`, `[kind+at]` serves `where('kind')`. Gone:
 * touchpoints' `clientId`, `at`, `kind` (covered) and `threadKey` (never queried); clients'
 * `stage`, `updatedAt` and `[stage+nextDueAt]` (never queried). No data changes.
 */
export const SCHEMA_V3 = {
  clients:
    '++id, *emails, *tags, nextDueAt, awaitingReplySince, lastContactAt, lifetimeValue, snoozedUntil, *anniversaries',
  touchpoints: '++id, [clientId+at], &messageKey, [kind+at], templateId',
  templates: '++id, name, category, builtInKey',
  settings: 'key',
};

/**
 * Version 4 indexes `needsYouAt` (lib/domain/overdue.ts): the moment a client starts to
 * need the user, snoozing included, so the badge is one index count instead of three key
 * reads and a set union. The upgrade fills it from the fields each client already has.
 */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  clients:
    '++id, *emails, *tags, nextDueAt, awaitingReplySince, lastContactAt, lifetimeValue, snoozedUntil, *anniversaries, needsYouAt',
};

/**
 * Version 5 keeps each client's history in one record (`histories`, keyed by clientId; why
 * in lib/db/history.ts) and its upgrade packs every touchpoint into it, keeping their
 * (numbered) ids;
 * version 6 then drops the old `touchpoints` store (Dexie lets an upgrade read a store
 * that only a later version deletes). Both run in the one upgrade transaction, so a
 * database is either wholly on version 4 or wholly on 6.
 */
export const SCHEMA_V5 = { ...SCHEMA_V4, histories: 'clientId' };
export const SCHEMA_V6 = {
  clients: SCHEMA_V4.clients,
  histories: SCHEMA_V5.histories,
  templates: SCHEMA_V4.templates,
  settings: SCHEMA_V4.settings,
};

/**
 * Version 7 changes no store: it re-derives every client, because the reply clock now
 * counts working days (lib/domain/working-time.ts) and `needsYouAt`, stored under clock
 * hours, would otherwise disagree with the badge's and Today's rule until each client's
 * next write.
 */

/**
 * Version 8 changes no store: it gives every touchpoint an id unique for the life of the
 * database (lib/domain/ids.ts) in place of its number, which was unique within its client
 * only and went again to the next touchpoint once the newest was deleted. Each history gets
 * its new ids in its order, (at, number), from one maker whose ids increase, so every
 * history sorts as before; no touchpoint is left out. Ids are kept in no other record, and
 * the message keys stay as they are.
 */

/**
 * Version 9 indexes `dormantAt` (lib/domain/dormant.ts): the moment a customer or client with
 * no sale for a year turns dormant, so Today's "Dormant" section is one index range, no scan.
 * No data changes here: the rules' re-derive (lib/db/rules.ts) fills the field on first open.
 */
export const SCHEMA_V9 = { ...SCHEMA_V6, clients: `${SCHEMA_V6.clients}, dormantAt` };

/**
 * Version 10 adds `digests`: beside each history, the few fields the Insights page computes
 * from, in typed-array columns (lib/domain/digest.ts says why), kept by every write of a
 * history (lib/db/history.ts). The upgrade makes one for every history there is.
 */
export const SCHEMA_V10 = { ...SCHEMA_V9, digests: 'clientId' };

/**
 * Version 11 is for sync (lib/db/sync-store.ts, issue #19): clients indexed by `updatedAt`,
 * so what changed since the last look is one index range; `syncDocs`, a row per synced
 * document naming its client and holding the version last agreed with the server; and
 * `syncMeta` for the connection. No data changes: nothing syncs until the user connects.
 */
export const SCHEMA_V11 = {
  ...SCHEMA_V10,
  clients: `${SCHEMA_V10.clients}, updatedAt`,
  syncDocs: 'docId, clientId, clientUpdatedAt',
  syncMeta: 'key',
};

/**
 * Version 12 splits long histories: a client's `histories` row keeps its newest 1 to 500
 * touchpoints and `historyParts` the older ones, 500 to a row (lib/db/history.ts says why:
 * logging on a history of 3,000 touches rewrote ~600 KB). Its upgrade splits every history
 * longer than one part; a shorter one (nearly every client) is left as it is.
 */
export const SCHEMA_V12 = { ...SCHEMA_V11, historyParts: '[clientId+part]' };

/** The schema the code reads from: the newest version. */
export const CURRENT_SCHEMA = SCHEMA_V12;

/** Stands for a version a test left out: its declarations go nowhere. */
const NO_VERSION = { stores: () => NO_VERSION, upgrade: () => NO_VERSION } as unknown as ReturnType<Dexie['version']>;

export class TouchbaseDB extends Dexie {
  clients!: Table<Client, number>;
  histories!: Table<HistoryRow, number>;
  historyParts!: Table<HistoryPartRow, [number, number]>;
  digests!: Table<HistoryDigest, number>;
  templates!: Table<Template, number>;
  settings!: Table<SettingsRow, string>;
  syncDocs!: Table<SyncDocRow, string>;
  syncMeta!: Table<SyncMetaRow, string>;

  /** `upTo`: declare the versions up to this one only (tests check each upgrade step on its own) */
  constructor(name: string = DB_NAME, upTo = Infinity) {
    super(name);
    const version = (n: number) => (n <= upTo ? this.version(n) : NO_VERSION);
    version(1).stores(SCHEMA_V1);
    version(2)
      .stores(SCHEMA_V2)
      .upgrade(async (tx) => {
        await tx
          .table('clients')
          .toCollection()
          .modify((c: Partial<Client>) => {
            c.tags ??= [];
            c.importantDates ??= [];
            c.notes ??= '';
            c.saleCount ??= 0;
            c.lifetimeValue ??= 0;
            c.stage ??= 'prospect';
            c.anniversaries = anniversaryKeys(c.importantDates);
          });
        await tx
          .table('templates')
          .toCollection()
          .modify((t: Partial<Template>) => {
            t.situations ??= [];
            t.stages ??= [];
          });
      });
    version(3).stores(SCHEMA_V3);
    version(4)
      .stores(SCHEMA_V4)
      .upgrade(async (tx) => {
        const row = (await tx.table('settings').get('app')) as SettingsRow | undefined;
        const stored = (row?.value ?? {}) as Partial<Settings>;
        const settings = {
          replyLateHours: stored.replyLateHours ?? DEFAULT_SETTINGS.replyLateHours,
          workingDays: stored.workingDays ?? DEFAULT_SETTINGS.workingDays,
          workingDaysOnly: stored.workingDaysOnly ?? DEFAULT_SETTINGS.workingDaysOnly,
        };
        await tx
          .table('clients')
          .toCollection()
          .modify((c: Client) => {
            const at = needsYouAt(c, settings);
            if (at === undefined) delete c.needsYouAt;
            else c.needsYouAt = at;
          });
      });
    version(5)
      .stores(SCHEMA_V5)
      .upgrade(async (tx) => {
        const touchpoints = (await tx.table('touchpoints').toArray()) as NumberedTouchpoint[];
        await tx.table('histories').bulkAdd(packNumberedHistories(touchpoints));
      });
    version(6).stores({ ...SCHEMA_V6, touchpoints: null });
    version(7)
      .stores(SCHEMA_V6)
      .upgrade(async (tx) => {
        const settings = settingsFrom(((await tx.table('settings').get('app')) as SettingsRow | undefined)?.value);
        const histories = new Map(((await tx.table('histories').toArray()) as ClientHistory[]).map((r) => [r.clientId, r.items]));
        await tx
          .table('clients')
          .toCollection()
          .modify((c: Client, ref: { value: Client }) => {
            ref.value = withDerivedFields(c, histories.get(c.id!) ?? [], settings);
          });
      });
    version(8)
      .stores(SCHEMA_V6)
      .upgrade(async (tx) => {
        const now = Date.now();
        await tx
          .table('histories')
          .toCollection()
          .modify((h: { items: NumberedTouchpoint[] }, ref: { value: ClientHistory }) => {
            ref.value = { ...h, items: withFreshIds(h.items, undefined, now) } as ClientHistory;
          });
      });
    version(9).stores(SCHEMA_V9);
    version(10)
      .stores(SCHEMA_V10)
      .upgrade(async (tx) => {
        const rows = (await tx.table('histories').toArray()) as ClientHistory[];
        await tx.table('digests').bulkPut(rows.map((r) => digestOf(r.clientId, r.items)));
      });
    version(11).stores(SCHEMA_V11);
    version(12)
      .stores(SCHEMA_V12)
      .upgrade(async (tx) => {
        const long = (await tx.table('histories').filter((r: ClientHistory) => partsOf(r.items.length) > 0).toArray()) as ClientHistory[];
        const rows = long.map((r) => historyRows(r.clientId, r.items));
        await tx.table('historyParts').bulkPut(rows.flatMap((r) => r.parts));
        await tx.table('histories').bulkPut(rows.map((r) => r.head));
      });
    // on every open, before anything else: stored fields brought to the rules of this code
    // (not for a test that opens an older version on purpose)
    if (upTo === Infinity) this.on('ready', (vip) => bringRulesUpToDate(vip), true);
  }
}

export const db = new TouchbaseDB();
