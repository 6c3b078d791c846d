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

export const RULES_VERSION = 1;
/** The settings-table row that holds the rules version reached. */
export const RULES_ROW = 'rules';

/** The version a database has reached, from its `rules` row (0: none yet). */
const versionOf = (row: { value: unknown } | undefined): number => {
  const v = (row?.value as { version?: unknown } | undefined)?.version;
  return typeof v === 'number' ? v : 0;
};

/**
 * Brings the database to RULES_VERSION (see above); does nothing when it is there. `db`
 * is the database being opened (Dexie's "vip" instance inside the `ready` event). The work
 * itself (./rules-apply.ts) is loaded only when there is some: once per rules change.
 */
export async function bringRulesUpToDate(db: Dexie, now = Date.now()): Promise<void> {
  if (versionOf(await db.table('settings').get(RULES_ROW)) >= RULES_VERSION) return;
  const { applyRules } = await import('./rules-apply');
  await applyRules(db, RULES_VERSION, RULES_ROW, now);
}
