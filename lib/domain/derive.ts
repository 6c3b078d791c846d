/**
 * A client's denormalised fields, recomputed from its whole history (lib/db calls this in
 * the transaction of every write, so deletes and edits are as correct as inserts).
 *
 * Optional fields (`firstSaleAt`, `lastSaleAt`, `lastContactAt`, `awaitingReplySince`,
 * `needsYouAt`, `dormantAt`) are ABSENT from the result when
 * unknown, never present-with-undefined, so spreading the result over a client record does
 * not leave an `undefined` key behind (lib/db still deletes stale keys itself: spreading
 * cannot remove a value the old record had).
 *
 * Money is summed in whole cents, so 0.1 + 0.2 gives 0.3 and not 0.30000000000000004.
 * A missing, negative or non-finite amount counts as 0.
 */
import type { Client, Settings, Stage, Touchpoint } from './model';
import { computeNextDueAt, effectiveCadenceDays, secondSaleCadenceDays, secondSaleWindowEnd } from './cadence';
import { dormantAt } from './dormant';
import { DEFAULT_SETTINGS } from './settings';
import { lastContactAt as findLastContact } from './lastContact';
import { awaitingReplySince as findAwaitingReplySince } from './response';
import { stageFromSales } from './stage';
import { needsYouAt } from './overdue';

export interface DerivedFields {
  stage: Stage;
  saleCount: number;
  lifetimeValue: number;
  firstSaleAt?: number;
  lastSaleAt?: number;
  lastContactAt?: number;
  nextDueAt: number;
  awaitingReplySince?: number;
  needsYouAt?: number;
  dormantAt?: number;
}

const DERIVED_OPTIONAL = ['firstSaleAt', 'lastSaleAt', 'lastContactAt', 'awaitingReplySince', 'needsYouAt', 'dormantAt'] as const;

/** The client's own fields the derivation reads. */
export type DeriveInput = Pick<
  Client,
  'stageOverride' | 'cadenceDays' | 'createdAt' | 'keyAccount' | 'snoozedUntil' | 'dormantSnoozedUntil' | 'firstDueAt'
>;

/** The client with its derived fields true for this history (a stale optional field removed). */
export function withDerivedFields<C extends Client>(
  client: C,
  touchpoints: Pick<Touchpoint, 'at' | 'kind' | 'amount' | 'noReplyNeeded'>[],
  settings: Settings,
): C {
  const d = deriveClientFields(client, touchpoints, settings);
  const next: C = { ...client, ...d };
  for (const k of DERIVED_OPTIONAL) if (d[k] === undefined) delete next[k];
  return next;
}

/**
 * The due date: `cadence` days after the last contact, except
 *   - in the second-sale window (a customer's first 90 days after the first sale), when
 *     the second-sale cadence (14 days) applies to the due dates that fall inside the
 *     window; one that would fall after it takes the stage's cadence, so the window ends
 *     by itself without anything having to run on its last day. A cadence set for this
 *     client by hand wins over the window;
 *   - `firstDueAt`, the first due date an import spread over the cadence, stands for
 *     "creation + cadence" and the due date is never before it.
 */
function nextDue(
  client: DeriveInput,
  stage: Stage,
  saleCount: number,
  firstSaleAt: number | undefined,
  last: number | undefined,
  settings: Settings,
): number {
  const cadence = effectiveCadenceDays(stage, settings, client.cadenceDays, client.keyAccount);
  let due = computeNextDueAt(last, client.createdAt, cadence);
  const overridden = client.cadenceDays !== undefined && Number.isInteger(client.cadenceDays) && client.cadenceDays > 0;
  if (stage === 'customer' && saleCount === 1 && firstSaleAt !== undefined && !overridden) {
    const aimed = computeNextDueAt(last, client.createdAt, secondSaleCadenceDays(settings));
    if (aimed <= secondSaleWindowEnd(firstSaleAt, settings)) due = aimed;
  }
  // an import's first due date stands in for "creation + cadence", and no contact since
  // the import moves the due date before it (an old imported sale does not make it overdue)
  if (client.firstDueAt !== undefined && (last === undefined || client.firstDueAt > due)) due = client.firstDueAt;
  return due;
}

export function deriveClientFields(
  client: DeriveInput,
  touchpoints: Pick<Touchpoint, 'at' | 'kind' | 'amount' | 'noReplyNeeded'>[],
  settings: Settings,
): DerivedFields {
  let saleCount = 0;
  let cents = 0;
  let firstSaleAt: number | undefined;
  let lastSaleAt: number | undefined;
  for (const t of touchpoints) {
    if (t.kind !== 'sale') continue;
    saleCount++;
    if (firstSaleAt === undefined || t.at < firstSaleAt) firstSaleAt = t.at;
    if (lastSaleAt === undefined || t.at > lastSaleAt) lastSaleAt = t.at;
    const amount = t.amount;
    if (typeof amount === 'number' && Number.isFinite(amount) && amount > 0) cents += Math.round(amount * 100);
  }
  const stage = stageFromSales(saleCount, client.stageOverride);
  const last = findLastContact(touchpoints, settings.contactClock ?? DEFAULT_SETTINGS.contactClock);
  const awaiting = findAwaitingReplySince(touchpoints);

  const out: DerivedFields = {
    stage,
    saleCount,
    lifetimeValue: cents / 100,
    nextDueAt: nextDue(client, stage, saleCount, firstSaleAt, last, settings),
  };
  if (firstSaleAt !== undefined) out.firstSaleAt = firstSaleAt;
  if (lastSaleAt !== undefined) out.lastSaleAt = lastSaleAt;
  if (last !== undefined) out.lastContactAt = last;
  if (awaiting !== undefined) out.awaitingReplySince = awaiting;
  const needs = needsYouAt({ ...out, snoozedUntil: client.snoozedUntil }, settings);
  if (needs !== undefined) out.needsYouAt = needs;
  const dormant = dormantAt({ stage, lastSaleAt, dormantSnoozedUntil: client.dormantSnoozedUntil }, { dormantMonths: settings.dormantMonths ?? DEFAULT_SETTINGS.dormantMonths });
  if (dormant !== undefined) out.dormantAt = dormant;
  return out;
}
