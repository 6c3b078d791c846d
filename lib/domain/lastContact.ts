/**
 * "Last contact" is what the cadence counts from: the moment the user was last in touch.
 *
 * By default (`contactClock: 'own'`) only the user's OWN touches restart the clock: an email
 * the user sent, a call, a meeting, a message, a letter, a gift, a lunch, a sale, asking for
 * a referral. The client's email does not: a client who writes in every week while the
 * user never answers is not being looked after, and an unanswered email is tracked apart
 * (response.ts), so it cannot be forgotten. With `contactClock: 'any'` every touch that is
 * contact restarts it, the client's emails included (the rule before issue 16).
 *
 * Never contact, in either setting: a note (the user writing to themselves), a referral
 * the client made and a satisfaction score (records of what the client did or said, whose
 * conversation, if any, is a touch of its own).
 */
import type { ContactClock, Touchpoint, TouchKind } from './model';

/** Records, not contact: they never restart the clock and answer nothing. */
export const RECORD_KINDS: readonly TouchKind[] = Object.freeze(['note', 'referral', 'score'] as TouchKind[]);

/** The client's own touches: contact, but not the user keeping in touch. */
export const THEIR_KINDS: readonly TouchKind[] = Object.freeze(['email-in'] as TouchKind[]);

/** Whether a touch of this kind restarts the contact clock under `clock`. */
export function restartsClock(kind: TouchKind, clock: ContactClock = 'own'): boolean {
  if (RECORD_KINDS.includes(kind)) return false;
  return clock === 'any' || !THEIR_KINDS.includes(kind);
}

export function lastContactAt(touchpoints: Pick<Touchpoint, 'at' | 'kind'>[], clock: ContactClock = 'own'): number | undefined {
  let latest: number | undefined;
  for (const t of touchpoints) {
    if (!restartsClock(t.kind, clock)) continue;
    if (latest === undefined || t.at > latest) latest = t.at;
  }
  return latest;
}
