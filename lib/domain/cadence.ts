/**
 * How often to be in touch, and whether that is now.
 *
 * Days are *calendar* days in the local time zone, not 24-hour blocks: a client last seen
 * at 17:00 on day 0 with a 42-day cadence is due "on day 42", all of it, so the due time is
 * the END of day 42 (`endOfDay(addDays(last, cadence))`). Consequences the UI relies on:
 *   - anywhere on day 42 the client is not overdue (it is "due-soon", 0 days to go);
 *   - from the first millisecond of day 43 the client is overdue by 1 day
 *     (`differenceInCalendarDays(now, dueAt)`: day 43 vs day 42);
 *   - `nextDueAt < now` alone decides "overdue", so lib/db can answer it from an index.
 * addDays/endOfDay work on the local calendar, so a DST change in between moves nothing.
 */
import { addDays, differenceInCalendarDays, endOfDay } from 'date-fns';
import type { Client, Settings, Stage } from './model';
import { DEFAULT_SETTINGS, MAX_CADENCE_DAYS } from './settings';

/**
 * The per-client override wins when it is a positive whole number; then, for a key account,
 * the key-account cadence when the user set one; otherwise the stage's
 * cadence from the settings (falling back to the default if the setting is not a number).
 * The result is a whole number of days (rounded), at least 1, and at most MAX_CADENCE_DAYS
 * unless the user allowed long cadences.
 */
export function effectiveCadenceDays(
  stage: Stage,
  settings: Settings,
  clientOverride?: number,
  keyAccount?: boolean,
): number {
  let days: number;
  const keyCadence = settings.keyAccountCadenceDays;
  if (clientOverride !== undefined && Number.isInteger(clientOverride) && clientOverride > 0) {
    days = clientOverride;
  } else if (keyAccount && keyCadence !== undefined && Number.isInteger(keyCadence) && keyCadence > 0) {
    // key accounts (the 80/20 clients) can be given a cadence of their own
    days = keyCadence;
  } else {
    const fromSettings = settings.cadenceDays?.[stage];
    days = Number.isFinite(fromSettings) ? fromSettings : DEFAULT_SETTINGS.cadenceDays[stage];
  }
  days = Math.max(1, Math.round(days));
  if (!settings.allowLongCadence) days = Math.min(days, MAX_CADENCE_DAYS);
  return days;
}

/**
 * The second-sale window: "the most important thing is getting the second sale ... as soon
 * as possible". From a customer's first sale until the end of the day `secondSaleWindowDays`
 * (90) later, their cadence is `secondSaleDays` (14); then their stage's cadence again. A
 * customer is a client with exactly one sale (a second one ends the window: they are a client).
 */
export function secondSaleWindowEnd(firstSaleAt: number, settings: Pick<Settings, 'secondSaleWindowDays'>): number {
  return endOfDay(addDays(firstSaleAt, settings.secondSaleWindowDays)).getTime();
}

/** Whether the client is in the second-sale window at `now` (the panel says "aim: second sale"). */
export function inSecondSaleWindow(
  client: Pick<Client, 'stage' | 'saleCount' | 'firstSaleAt'>,
  now: number,
  settings: Pick<Settings, 'secondSaleWindowDays'>,
): boolean {
  return (
    client.stage === 'customer' &&
    client.saleCount === 1 &&
    client.firstSaleAt !== undefined &&
    client.firstSaleAt <= now &&
    now <= secondSaleWindowEnd(client.firstSaleAt, settings)
  );
}

/** The second-sale cadence, a whole number of days within the same cap as every cadence. */
export function secondSaleCadenceDays(settings: Settings): number {
  const d = Number.isFinite(settings.secondSaleDays) ? settings.secondSaleDays : DEFAULT_SETTINGS.secondSaleDays;
  const days = Math.max(1, Math.round(d));
  return settings.allowLongCadence ? days : Math.min(days, MAX_CADENCE_DAYS);
}

/** The last millisecond of the day `cadenceDays` calendar days after the last contact (or creation). */
export function computeNextDueAt(lastContactAt: number | undefined, createdAt: number, cadenceDays: number): number {
  return endOfDay(addDays(lastContactAt ?? createdAt, cadenceDays)).getTime();
}

export type CadenceStatus =
  | { state: 'on-track'; dueAt: number; daysUntilDue: number }
  | { state: 'due-soon'; dueAt: number; daysUntilDue: number }
  | { state: 'overdue'; dueAt: number; daysOverdue: number }
  | { state: 'snoozed'; until: number };

/**
 * Where a client stands against its cadence at `now`. Snoozing hides every other state
 * while it lasts. "due-soon" covers the due day itself (0 days to go) up to and including
 * `dueSoonDays` calendar days before it. `daysOverdue` counts calendar days, so with a
 * `nextDueAt` from computeNextDueAt it is at least 1 (a due time that is not an end of day
 * could give 0 on the due day's remainder).
 */
export function cadenceStatus(
  client: Pick<Client, 'nextDueAt' | 'snoozedUntil'>,
  now: number,
  settings: Settings,
): CadenceStatus | null {
  const dueAt = client.nextDueAt;
  if (dueAt === undefined) return null;
  if (client.snoozedUntil !== undefined && client.snoozedUntil > now) {
    return { state: 'snoozed', until: client.snoozedUntil };
  }
  if (now > dueAt) {
    return { state: 'overdue', dueAt, daysOverdue: differenceInCalendarDays(now, dueAt) };
  }
  const daysUntilDue = differenceInCalendarDays(dueAt, now);
  if (daysUntilDue <= settings.dueSoonDays) return { state: 'due-soon', dueAt, daysUntilDue };
  return { state: 'on-track', dueAt, daysUntilDue };
}
