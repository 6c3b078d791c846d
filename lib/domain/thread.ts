/**
 * The open thread as the panel sees it: who in it is not the user, and whether the person
 * shown is waiting for the user's answer. Pure, so the panel's status and its tests agree.
 */
import type { Person, Settings, ThreadSnapshot, Touchpoint } from './model';
import { replyStatus, touchDirection, type ReplyEvent, type ReplyStatus } from './response';

/**
 * Two records of one email (the thread's, the list's, the history's) are at most this far
 * apart: pages print times to the minute, and a list and a thread may round differently.
 */
export const SAME_EMAIL_MS = 2 * 60_000;

/** The thread's participants who are not the user (the page's self and the user's own addresses). */
export function outsideParticipants(snapshot: ThreadSnapshot | null | undefined, own: readonly string[]): Person[] {
  if (!snapshot) return [];
  const mine = new Set(own);
  if (snapshot.self) mine.add(snapshot.self.email);
  return snapshot.participants.filter((p) => !mine.has(p.email));
}

/**
 * The reply status between the user and `email`: the thread's dated messages that involve
 * them, and every touch of the client's history (a call or a meeting after their email
 * answers it, whatever the thread shows).
 */
export function threadReplyStatus(
  email: string,
  snapshot: ThreadSnapshot | null | undefined,
  history: Pick<Touchpoint, 'at' | 'kind' | 'noReplyNeeded'>[],
  now: number,
  settings: Settings,
): ReplyStatus {
  const events: ReplyEvent[] = [];
  // an email the user marked "no reply needed" is that too when the thread shows it again
  const handled = history.filter((t) => t.kind === 'email-in' && t.noReplyNeeded).map((t) => t.at);
  for (const m of snapshot?.messages ?? []) {
    if (!m.sentAt) continue;
    const involved = m.from.email === email || m.to.some((p) => p.email === email);
    if (!involved) continue;
    const at = Date.parse(m.sentAt);
    const marked = m.direction === 'inbound' && handled.some((h) => Math.abs(h - at) <= SAME_EMAIL_MS);
    events.push({ at, direction: marked ? 'handled' : m.direction });
  }
  for (const t of history) events.push({ at: t.at, direction: touchDirection(t.kind, t.noReplyNeeded) });
  return replyStatus(events, now, settings);
}
