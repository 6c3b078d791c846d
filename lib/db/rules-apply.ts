/**
 * The work of lib/db/rules.ts, loaded only when a database is behind RULES_VERSION: every
 * client re-derived, `formerSince` for clients already former, the built-ins' situations
 * (and their untouched words) brought to the shipped ones. One transaction, which reads
 * the version again first, so two contexts opening at once do it once.
 */
import type Dexie from 'dexie';
import type { Client, Template } from '../domain/model';
import { joinHistories, type HistoryPartRow, type HistoryRow } from './history-rows';
import { settingsFrom } from '../domain/settings';
import { withDerivedFields } from '../domain/derive';
import { BUILT_IN_TEMPLATES } from '../domain/templates/builtins';

/**
 * What the built-ins were before a version changed them: a stored field still equal to
 * its old shipped value is the user's untouched copy and takes the new one; an edited one
 * stays. (Situations are never edited by the user, so they always take the shipped ones.)
 */
const SHIPPED_BEFORE: Record<string, Partial<Pick<Template, 'subject' | 'body' | 'stages'>>> = {
  'expectation-check': {
    subject: 'One question about success',
    body:
      'Hi {{firstName}},\n\n' +
      'Six months from now, how will you know this purchase was a success? ' +
      'If you tell me what you are measuring, I can help make sure we hit it.\n\n' +
      'Thanks,\n{{myName}}',
  },
  referral: { stages: ['client'] },
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A stored built-in brought to the shipped rules; the same object when nothing changes. */
export function refreshBuiltIn(t: Template): Template {
  const shipped = t.builtIn ? BUILT_IN_TEMPLATES.find((b) => b.builtInKey === t.builtInKey) : undefined;
  if (!shipped) return t;
  const next: Template = { ...t, situations: [...shipped.situations] };
  const before = SHIPPED_BEFORE[shipped.builtInKey] ?? {};
  for (const k of ['subject', 'body', 'stages'] as const) {
    if (before[k] !== undefined && same(t[k], before[k])) (next as unknown as Record<string, unknown>)[k] = structuredClone(shipped[k]);
  }
  return same(next, t) ? t : next;
}

interface SettingsRow {
  key: string;
  value: unknown;
}

const versionIn = (row: SettingsRow | undefined) => {
  const v = (row?.value as { version?: unknown } | undefined)?.version;
  return typeof v === 'number' ? v : 0;
};

/** Brings `db` to rules `version`, recorded in the settings row `row` (lib/db/rules.ts names both). */
export async function applyRules(db: Dexie, version: number, row: string, now = Date.now()): Promise<void> {
  const settingsTable = db.table<SettingsRow, string>('settings');
  const clients = db.table<Client, number>('clients');
  const histories = db.table<HistoryRow, number>('histories');
  const historyParts = db.table<HistoryPartRow, [number, number]>('historyParts');
  const templates = db.table<Template, number>('templates');
  await db.transaction('rw', [clients, histories, historyParts, templates, settingsTable], async () => {
    if (versionIn(await settingsTable.get(row)) >= version) return;
    const settings = settingsFrom((await settingsTable.get('app'))?.value);
    const items = new Map(joinHistories(await histories.toArray(), await historyParts.toArray()).map((r) => [r.clientId, r.items]));
    await clients.toCollection().modify((c: Client, ref: { value: Client }) => {
      const base: Client = c.stageOverride === 'former' && c.formerSince === undefined ? { ...c, formerSince: c.updatedAt ?? now } : c;
      ref.value = withDerivedFields(base, items.get(c.id!) ?? [], settings);
    });
    const stored = await templates.toArray();
    const refreshed = stored.map(refreshBuiltIn).filter((t, i) => t !== stored[i]);
    if (refreshed.length) await templates.bulkPut(refreshed);
    await settingsTable.put({ key: row, value: { version } });
  });
}
