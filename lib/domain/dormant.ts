/**
 * Dormant clients: "most salespeople overlook inactive customers". A customer or client
 * (not a prospect, who never bought, and not a former client, already let go) who has
 * bought nothing for `dormantMonths` (12 by default) is flagged dormant, on the card and in
 * Today's own section, with the revive template suggested. One click marks them former or
 * snoozes the flag (DORMANT_SNOOZE_MONTHS), after which it comes back if still no sale.
 *
 * The flag is a moment, derived and stored with the client (`dormantAt`, indexed), so
 * Today finds the dormant clients with one index range and no scan: dormant exactly when
 * `dormantAt < now`.
 */
import { addMonths } from 'date-fns';
import type { Client, Settings } from './model';

/** How long "Not now" hides the dormant flag. */
export const DORMANT_SNOOZE_MONTHS = 3;

/** From when the client counts as dormant (undefined: never, as things stand). */
export function dormantAt(
  client: Pick<Client, 'stage' | 'lastSaleAt' | 'dormantSnoozedUntil'>,
  settings: Pick<Settings, 'dormantMonths'>,
): number | undefined {
  if ((client.stage !== 'customer' && client.stage !== 'client') || client.lastSaleAt === undefined) return undefined;
  const at = addMonths(client.lastSaleAt, settings.dormantMonths).getTime();
  return client.dormantSnoozedUntil === undefined ? at : Math.max(at, client.dormantSnoozedUntil);
}

export function isDormant(client: Pick<Client, 'dormantAt'>, now: number): boolean {
  return client.dormantAt !== undefined && client.dormantAt < now;
}

/** The end of a snooze of the dormant flag that starts now. */
export function dormantSnoozeEnd(now: number): number {
  return addMonths(now, DORMANT_SNOOZE_MONTHS).getTime();
}
