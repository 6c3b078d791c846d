/**
 * Stored data that follows the product's rules, brought up to date once when the rules
 * change, without a schema version: every client's derived fields (lib/domain/derive.ts)
 * and the built-in templates' situations (when each is suggested) are written by the code
 * of their day, so when those rules change, RULES_VERSION goes up and the next time any
 * context opens the database (the background, a page, a test) it re-derives every client
 * and refreshes the built-ins, in one transaction, before any other read or write runs
 * (Dexie's `ready` event waits for it). The version reached is kept in the settings table,
 * in its own row (`rules`), apart from the user's settings.
 *
 * Why not a Dexie version: a version is for the shape of the stores, and two branches
 * that each add one collide; a rule change needs no new store or index. Two contexts
 * opening at once both see the old version, but the write transaction reads it again
 * first, so the second finds the work done.
 *
 * Versions:
 *   1. issue 16, the client lifecycle: the user's own touches restart the contact clock,
 *      the second-sale window, sales' first and last dates, dormancy (`dormantAt`);
 *      `formerSince` for clients already former (their `updatedAt`, the latest moment they
 *      can have been marked); the built-ins suggested at the lifecycle's moments (feedback
 *      at 30 days, the expectation check at six months, a referral ask after the second
 *      sale or a score of 9-10).
 */
import type Dexie from 'dexie';
import type { Client, ClientHistory, Template } from '../domain/model';
import { settingsFrom } from '../domain/settings';
import { withDerivedFields } from '../domain/derive';
import { BUILT_IN_TEMPLATES } from '../domain/templates/builtins';

export const RULES_VERSION = 1;
/** The settings-table row that holds the rules version reached. */
export const RULES_ROW = 'rules';

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

interface RulesRow {
  key: string;
  value: unknown;
}

const versionOf = (row: RulesRow | undefined) => {
  const v = (row?.value as { version?: unknown } | undefined)?.version;
  return typeof v === 'number' ? v : 0;
};

/**
 * Brings the database to RULES_VERSION (see above); does nothing when it is there. `db`
 * is the database being opened (Dexie's "vip" instance inside the `ready` event).
 */
export async function bringRulesUpToDate(db: Dexie, now = Date.now()): Promise<void> {
  const settingsTable = db.table<RulesRow, string>('settings');
  if (versionOf(await settingsTable.get(RULES_ROW)) >= RULES_VERSION) return;
  const clients = db.table<Client, number>('clients');
  const histories = db.table<ClientHistory, number>('histories');
  const templates = db.table<Template, number>('templates');
  await db.transaction('rw', [clients, histories, templates, settingsTable], async () => {
    if (versionOf(await settingsTable.get(RULES_ROW)) >= RULES_VERSION) return;
    const settings = settingsFrom((await settingsTable.get('app'))?.value);
    const items = new Map((await histories.toArray()).map((r) => [r.clientId, r.items]));
    await clients.toCollection().modify((c: Client, ref: { value: Client }) => {
      const base: Client = c.stageOverride === 'former' && c.formerSince === undefined ? { ...c, formerSince: c.updatedAt ?? now } : c;
      ref.value = withDerivedFields(base, items.get(c.id!) ?? [], settings);
    });
    const stored = await templates.toArray();
    const refreshed = stored.map(refreshBuiltIn).filter((t, i) => t !== stored[i]);
    if (refreshed.length) await templates.bulkPut(refreshed);
    await settingsTable.put({ key: RULES_ROW, value: { version: RULES_VERSION } });
  });
}
