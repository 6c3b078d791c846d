/**
 * The product's default rules (DESIGN.md, "Why it exists"): customers every 14 days to get
 * the second sale, clients every six weeks, former clients a 90-day re-engagement, and
 * answers within 24 h (on time) / 48 h (acceptable), counted in working hours, Monday
 * to Friday (lib/domain/working-time.ts). Every one can be changed by the user;
 * lib/db merges the stored settings over these, so a setting added later simply appears
 * with its default.
 *
 * The object is frozen (deeply): it is shared by every caller, and a caller that pushed
 * into `ownAddresses` or edited `cadenceDays` in place would silently change the defaults
 * of everyone else. Copy it (`{ ...DEFAULT_SETTINGS, cadenceDays: { ... } }`) to change it.
 */
import type { Settings } from '../db/types';

/** "reach out to the customer four times a year, minimum": no cadence above this unless allowed. */
export const MAX_CADENCE_DAYS = 91;

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  cadenceDays: Object.freeze({ prospect: 14, customer: 14, client: 42, former: 90 }),
  allowLongCadence: false,
  dueSoonDays: 3,
  replyOnTimeHours: 24,
  replyLateHours: 48,
  workingDays: Object.freeze([1, 2, 3, 4, 5]) as unknown as number[],
  workingDaysOnly: true,
  nudgeAfterDays: 3,
  ownAddresses: Object.freeze([]) as unknown as string[],
  autoCapture: true,
  myName: '',
  signature: '',
});
