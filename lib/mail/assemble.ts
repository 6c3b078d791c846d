/**
 * The provider-independent half of reading a thread: from what a reader found on the page
 * (raw messages, addresses already validated) to the ThreadSnapshot of the contract.
 * Decides the user's own addresses, each message's direction, the canonical name of each
 * person, the participants and the correspondent, and applies the protocol's size limits.
 */
import {
  MAX_MESSAGES, MAX_NAME, MAX_PAGE_ID, MAX_PARTICIPANTS, MAX_SUBJECT, normalizeEmail,
  type MailProvider, type Person, type ThreadMessage, type ThreadSnapshot,
} from '../domain/model';
import { cleanText, clip, type Diagnostics } from './dom';

/** the model's limits, which the protocol checks (lib/messages/protocol.ts) */
export { MAX_NAME, MAX_SUBJECT, MAX_MESSAGES };
export const MAX_ID = MAX_PAGE_ID;
export const MAX_PEOPLE = MAX_PARTICIPANTS;

/**
 * A person as a page shows them. `rank` says how much the shown name is worth: 3 the
 * account's own name, 2 a sender's name in an expanded header, 1 a recipient's name or a
 * collapsed sender's. The user's own address takes names of rank 2 and up only (elsewhere
 * Gmail shows it as a translated "me", "я", "我").
 */
export interface RawPerson {
  email: string;
  name?: string;
  rank: 1 | 2 | 3;
}

export interface RawMessage {
  id?: string;
  from: RawPerson;
  to: RawPerson[];
  sentAt?: string;
}

export interface RawThread {
  provider: MailProvider;
  threadId?: string;
  subject: string;
  messages: RawMessage[];
  /** the user's addresses as the page shows them, most trusted first */
  pageSelf: RawPerson[];
}

/** a display name as safe text: no markup, at most 200 characters, absent when it only repeats the address */
export function cleanName(raw: string | null | undefined, email: string): string | undefined {
  const n = cleanText(raw, MAX_NAME);
  return n && n.toLowerCase() !== email ? n : undefined;
}

/** an id from a page attribute: printable text, at most 200 characters */
export const cleanId = (raw: string | null | undefined): string | undefined => cleanText(raw, MAX_ID) || undefined;

export function assemble(raw: RawThread, ownAddresses: string[] | undefined, diag: Diagnostics): ThreadSnapshot {
  const p = raw.provider;
  const own = new Set(raw.pageSelf.map((s) => s.email));
  for (const a of Array.isArray(ownAddresses) ? ownAddresses.slice(0, 50) : []) {
    const e = typeof a === 'string' && normalizeEmail(a);
    if (e) own.add(e);
  }

  // oldest first: when the page lists the newest on top (Outlook can), turn the order around
  let messages = raw.messages;
  const dated = messages.filter((m) => m.sentAt).map((m) => Date.parse(m.sentAt!));
  if (dated[0] > dated[dated.length - 1]) messages = [...messages].reverse();
  messages = messages.slice(-MAX_MESSAGES);

  // one canonical name per address: the best-ranked, first seen; participants in order of appearance
  const book = new Map<string, { name?: string; rank: number }>();
  const order = new Set<string>();
  const add = (q: RawPerson, appears = true) => {
    const e = book.get(q.email) ?? { rank: 0 };
    book.set(q.email, e);
    if (appears) order.add(q.email);
    if (q.name && q.rank > e.rank && (q.rank > 1 || !own.has(q.email))) Object.assign(e, { name: q.name, rank: q.rank });
  };
  const person = (email: string): Person => {
    const name = book.get(email)?.name;
    return name ? { email, name } : { email };
  };
  raw.pageSelf.forEach((s) => add(s, false));
  for (const m of messages) [m.from, ...m.to].forEach((q) => add(q));

  const out = messages.map((m): ThreadMessage => {
    const msg: ThreadMessage = {
      from: person(m.from.email),
      to: m.to.slice(0, MAX_PEOPLE).map((t) => person(t.email)),
      direction: !own.size ? 'unknown' : own.has(m.from.email) ? 'outbound' : 'inbound',
    };
    if (m.id) msg.id = m.id;
    if (m.sentAt) msg.sentAt = m.sentAt;
    return msg;
  });

  // self: the page's address; else one of the settings' addresses, preferring one in this thread
  const selfEmail = raw.pageSelf[0]?.email ?? [...order, ...own].find((e) => own.has(e));
  if (!selfEmail) diag.add(`${p}.self: none found`);

  // the correspondent: the latest sender who is not the user, else the first other recipient
  const latest = [...out].reverse();
  const correspondent =
    latest.find((m) => !own.has(m.from.email))?.from ??
    latest.map((m) => m.to.find((t) => !own.has(t.email))).find(Boolean);
  if (!correspondent) diag.add(`${p}.correspondent: none found`);

  const snapshot: ThreadSnapshot = {
    provider: p,
    subject: clip(raw.subject, MAX_SUBJECT),
    participants: [...order].slice(0, MAX_PEOPLE).map(person),
    messages: out,
  };
  if (raw.threadId) snapshot.threadId = raw.threadId;
  if (selfEmail) snapshot.self = person(selfEmail);
  if (correspondent) snapshot.correspondent = correspondent;
  return snapshot;
}
