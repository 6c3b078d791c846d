/**
 * "Last contact" is the latest touchpoint that is not a note: a note is the user writing to
 * themselves, whereas every other kind (either direction, a sale, a card in the mail, a
 * gift) is contact with the client. An inbound email counts too: they were in touch, and
 * an unanswered one is tracked separately (response.ts), so it cannot be forgotten.
 */
import type { Touchpoint } from './model';

export function lastContactAt(touchpoints: Pick<Touchpoint, 'at' | 'kind'>[]): number | undefined {
  let latest: number | undefined;
  for (const t of touchpoints) {
    if (t.kind === 'note') continue;
    if (latest === undefined || t.at > latest) latest = t.at;
  }
  return latest;
}
