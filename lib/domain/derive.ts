/**
 * A client's denormalised fields, recomputed from its whole history (lib/db calls this in
 * the transaction of every write, so deletes and edits are as correct as inserts).
 *
 * Optional fields (`lastContactAt`, `awaitingReplySince`, `needsYouAt`) are ABSENT from the result when
 * unknown, never present-with-undefined, so spreading the result over a client record does
 * not leave an `undefined` key behind (lib/db still deletes stale keys itself: spreading
 * cannot remove a value the old record had).
 *
 * Money is summed in whole cents, so 0.1 + 0.2 gives 0.3 and not 0.30000000000000004.
 * A missing, negative or non-finite amount counts as 0.
 */
import type { Client, Settings, Stage, Touchpoint } from './model';
import { computeNextDueAt, effectiveCadenceDays } from './cadence';
import { lastContactAt as findLastContact } from './lastContact';
import { awaitingReplySince as findAwaitingReplySince } from './response';
import { stageFromSales } from './stage';
import { needsYouAt } from './overdue';

export interface DerivedFields {
  stage: Stage;
  saleCount: number;
  lifetimeValue: number;
  lastContactAt?: number;
  nextDueAt: number;
  awaitingReplySince?: number;
  needsYouAt?: number;
}

const DERIVED_OPTIONAL = ['lastContactAt', 'awaitingReplySince', 'needsYouAt'] as const;

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

export function deriveClientFields(
  client: Pick<Client, 'stageOverride' | 'cadenceDays' | 'createdAt' | 'keyAccount' | 'snoozedUntil'>,
  touchpoints: Pick<Touchpoint, 'at' | 'kind' | 'amount' | 'noReplyNeeded'>[],
  settings: Settings,
): DerivedFields {
  let saleCount = 0;
  let cents = 0;
  for (const t of touchpoints) {
    if (t.kind !== 'sale') continue;
    saleCount++;
    const amount = t.amount;
    if (typeof amount === 'number' && Number.isFinite(amount) && amount > 0) cents += Math.round(amount * 100);
  }
  const stage = stageFromSales(saleCount, client.stageOverride);
  const cadence = effectiveCadenceDays(stage, settings, client.cadenceDays, client.keyAccount);
  const last = findLastContact(touchpoints);
  const awaiting = findAwaitingReplySince(touchpoints);

  const out: DerivedFields = {
    stage,
    saleCount,
    lifetimeValue: cents / 100,
    nextDueAt: computeNextDueAt(last, client.createdAt, cadence),
  };
  if (last !== undefined) out.lastContactAt = last;
  if (awaiting !== undefined) out.awaitingReplySince = awaiting;
  const needs = needsYouAt({ ...out, snoozedUntil: client.snoozedUntil }, settings);
  if (needs !== undefined) out.needsYouAt = needs;
  return out;
}
