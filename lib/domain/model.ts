/**
 * The model: every record Touchbase keeps and every shape its contexts exchange, with the
 * limits each field must keep and the one rule for what an email address is. Everything
 * else derives from this file: the repository's checks (lib/domain/validate.ts), the zod
 * schemas that check untrusted input (lib/domain/model-schema.ts, used by the message
 * protocol and backups), the page readers' clipping (lib/mail). It imports nothing, so any
 * layer may use it, the content scripts included (only `normalizeEmail` and a few numbers
 * of it end up in their bundle).
 *
 * Times are epoch milliseconds: they index, compare and serialise without conversion, and
 * a missing time is an absent field, which IndexedDB leaves out of an index.
 */

// ---------------------------------------------------------------- limits

/**
 * The sizes the page readers clip to, as numbers of their own: the content scripts use only
 * these, and a bundle keeps a whole object for one of its keys (LIMITS stays out of theirs).
 */
export const MAX_EMAIL = 254;
export const MAX_NAME = 200;
export const MAX_SUBJECT = 500;
export const MAX_PAGE_ID = 200;
export const MAX_PARTICIPANTS = 100;
export const MAX_MESSAGES = 500;

/** The size of every field, checked at every entrance (a write, a message, a backup). */
export const LIMITS = {
  email: MAX_EMAIL,
  /** a client's addresses */
  emails: 50,
  name: MAX_NAME,
  company: 200,
  domain: 253,
  tag: 40,
  tags: 50,
  notes: 20_000,
  importantDates: 20,
  dateLabel: 60,
  holidays: 20,
  subject: MAX_SUBJECT,
  summary: 5_000,
  /** a thread or message key (lib/db/capture.ts) */
  key: 600,
  /** a sale's amount */
  amount: 1e12,
  /** any cadence, in days */
  cadenceDays: 3650,
  templateName: 120,
  templateCategory: 60,
  templateSubject: 300,
  templateBody: 10_000,
  builtInKey: 60,
  myName: 200,
  signature: 2_000,
  ownAddresses: 50,
  learnedAddresses: 20,
  /** what a page reader sends: an id from a page attribute, people, messages, diagnostics */
  pageId: MAX_PAGE_ID,
  participants: MAX_PARTICIPANTS,
  messages: MAX_MESSAGES,
  diagnostics: 20,
  diagnostic: 200,
  url: 2048,
} as const;

/** The first and last moments a time may name (years 0001-9999): outside is a bug, not a date. */
export const MIN_TIME = -62135596800000;
export const MAX_TIME = 253402300799999;

// ---------------------------------------------------------------- addresses

/**
 * the local part: a dot-atom of RFC 5322 without the apostrophe (a markup character here),
 * at most 64 characters, no leading, trailing or doubled dot
 */
const LOCAL = /^(?!\.)(?!.*\.\.)[a-z0-9!#$%&*+/=?^_`{|}~.-]{1,64}(?<!\.)$/;
/** a domain label: letters/digits (internationalised ones too), inner hyphens, at most 63 */
const LABEL = /^[a-z0-9\u00a1-\uffff](?:[a-z0-9\u00a1-\uffff-]{0,61}[a-z0-9\u00a1-\uffff])?$/;
/**
 * Unicode spaces, controls, invisible formatting (soft hyphen, zero-width, bidi controls),
 * private-use and unassigned characters: allowed by LABEL's wide range but never part of a
 * real domain (and a way to make two addresses look alike).
 */
const INVISIBLE = /[\s\p{C}]/u;
/** the top-level domain: letters (two or more) or an IDN `xn--` label */
const TLD = /^(?:[a-z\u00a1-\uffff]{2,}|xn--[a-z0-9-]+)$/;

/**
 * An email address as the product accepts it, lower-cased, or null: trimmed, one `@`, a
 * dotted domain, no spaces and no markup characters, at most 254 characters; `<a@b.c>` and
 * `mailto:` forms are unwrapped. Pragmatic rather than the full RFC 5322 grammar: what mail
 * pages show and what people type (no quoted local parts, IP-literal domains or comments).
 * The one rule every entrance uses: the readers, the repository, messages and backups.
 */
export function normalizeEmail(raw: string): string | null {
  if (typeof raw !== 'string' || raw.length > 1000) return null;
  let s = raw.trim();
  if (s.startsWith('<') && s.endsWith('>')) s = s.slice(1, -1).trim();
  if (/^mailto:/i.test(s)) {
    s = s.slice(7);
    // mailto:a@b.com?subject=.. : the query is not part of the address
    const q = s.indexOf('?');
    if (q >= 0) s = s.slice(0, q);
  }
  s = s.toLowerCase();
  if (s.length === 0 || s.length > MAX_EMAIL) return null;
  const at = s.indexOf('@');
  if (at <= 0 || at !== s.lastIndexOf('@')) return null;
  const domain = s.slice(at + 1);
  const labels = domain.split('.');
  return LOCAL.test(s.slice(0, at)) &&
    !INVISIBLE.test(domain) &&
    labels.length > 1 &&
    labels.every((l) => LABEL.test(l)) &&
    TLD.test(labels[labels.length - 1])
    ? s
    : null;
}

/** The part after the `@` of a normalised address. */
export function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1);
}

// ---------------------------------------------------------------- the thread contract

/** A person as a page shows them. */
export interface Person {
  /** lower-case, always a valid address (normalizeEmail) */
  email: string;
  name?: string;
}

export interface ThreadMessage {
  id?: string;
  from: Person;
  to: Person[];
  /** ISO 8601 in local time; absent when the page's date could not be read (never guessed) */
  sentAt?: string;
  direction: 'inbound' | 'outbound' | 'unknown';
}

export type MailProvider = 'gmail' | 'outlook';
export const MAIL_PROVIDERS: readonly MailProvider[] = ['gmail', 'outlook'];

/** What a content script reads off the open thread (lib/mail/gmail.ts, lib/mail/outlook.ts). */
export interface ThreadSnapshot {
  provider: MailProvider;
  threadId?: string;
  subject: string;
  self?: Person;
  correspondent?: Person;
  participants: Person[];
  /** oldest first, as on screen */
  messages: ThreadMessage[];
}

/** One conversation of the visible message list (inbox, label, search result), as its row shows it. */
export interface MailListRow {
  /** the conversation id: Gmail's thread id (as the thread reader reads it), Outlook's `data-convid` */
  threadId?: string;
  /** participants' addresses, lower-case, in the order the row shows them (Gmail: the latest sender is usually last) */
  participants: Person[];
  /** the sender of the latest message when the row tells it */
  latestFrom?: Person;
  unread: boolean;
  /** the full date of the latest message, ISO 8601 local with offset, from the row's `title`/`aria-label`, never the short "9:14 AM"; absent when unreadable */
  latestAt?: string;
  subject: string;
}

/** What a content script reads off the visible message list (lib/mail/gmail-list.ts, lib/mail/outlook-list.ts). */
export interface MailListSnapshot {
  provider: MailProvider;
  rows: MailListRow[];
}

// ---------------------------------------------------------------- the records

export type Stage = 'prospect' | 'customer' | 'client' | 'former';
export const STAGES: readonly Stage[] = ['prospect', 'customer', 'client', 'former'];

/**
 * What happened. Contact with the client: the emails both ways, call, meeting, message,
 * `mail` (a letter), gift, lunch, sale, and `referral-ask` (the user asked for a referral).
 * Records, not contact (like a note): `referral` (the client referred someone: who, in the
 * subject, and `referredClientId` when that person became a client) and `score` (the
 * client's 0-10 answer to "How'm I doing?", in `score`). Which of them restart the contact
 * clock and which answer an email is lib/domain/lastContact.ts and response.ts.
 */
export type TouchKind =
  | 'email-in' | 'email-out' | 'call' | 'meeting' | 'message' | 'mail' | 'gift' | 'lunch' | 'sale' | 'note'
  | 'referral' | 'referral-ask' | 'score';
export const TOUCH_KINDS: readonly TouchKind[] = [
  'email-in', 'email-out', 'call', 'meeting', 'message', 'mail', 'gift', 'lunch', 'sale', 'note',
  'referral', 'referral-ask', 'score',
];

export type TouchSource = 'detected' | 'manual' | 'template';
export const TOUCH_SOURCES: readonly TouchSource[] = ['detected', 'manual', 'template'];

export interface ImportantDate {
  label: string;
  /** 1-12 */
  month: number;
  /** 1-31 */
  day: number;
  year?: number;
}

export interface Client {
  id?: number;
  name: string;
  /** lower-case, at least one; multi-entry index */
  emails: string[];
  company?: string;
  domain?: string;
  /** set by hand: wins over the stage derived from sales ("former" can only be set this way) */
  stageOverride?: Stage;
  tags: string[];
  /** per-client cadence override, days */
  cadenceDays?: number;
  keyAccount?: boolean;
  importantDates: ImportantDate[];
  /** "MM-DD" of each important date: indexed, so the dates of the coming week are found without a scan */
  anniversaries?: string[];
  notes: string;
  snoozedUntil?: number;
  /**
   * when the stage was set to "former" by hand (lib/domain/clients.ts sets and clears it
   * with the override): from then on the client counts as lost in retention, whatever they
   * bought in the year before
   */
  formerSince?: number;
  /** the client who referred this one (a referral logged with "track as client") */
  referredBy?: number;
  /** the dormant flag is snoozed until then (lib/domain/dormant.ts) */
  dormantSnoozedUntil?: number;
  /**
   * the first due date given at import (end of a day), spread over the cadence so a
   * thousand imported contacts are not all due on one day: the due date is never earlier
   */
  firstDueAt?: number;

  // ---- derived (lib/domain/derive.ts), kept true by lib/db in the same transaction as every write ----
  stage: Stage;
  saleCount: number;
  lifetimeValue: number;
  /** the first and the latest sale */
  firstSaleAt?: number;
  lastSaleAt?: number;
  /** the user's latest contact (or any touch's, by the `contactClock` setting): what the cadence counts from */
  lastContactAt?: number;
  nextDueAt?: number;
  awaitingReplySince?: number;
  /** the moment this client counts as needing the user (lib/domain/overdue.ts): indexed, so the badge is one count */
  needsYouAt?: number;
  /** from when a customer or client with no sale for `dormantMonths` is flagged dormant (indexed, for Today) */
  dormantAt?: number;

  createdAt: number;
  updatedAt: number;
}

export interface Touchpoint {
  /**
   * unique for the life of the database and across devices, never reused: a ULID-like
   * string, 26 characters of Crockford base32, time first (lib/domain/ids.ts)
   */
  id?: string;
  clientId: number;
  at: number;
  kind: TouchKind;
  source: TouchSource;
  subject?: string;
  summary?: string;
  /** sales only, >= 0 */
  amount?: number;
  threadKey?: string;
  /** unique in the client's history when present: a detected email is recorded once */
  messageKey?: string;
  templateId?: number;
  /** an email from the client the user marked "no reply needed": handled without a touch (lib/domain/response.ts) */
  noReplyNeeded?: true;
  /** a `score` only: the client's answer to "How'm I doing?", a whole number 0-10 */
  score?: number;
  /** a `referral` only: the client the referred person became */
  referredClientId?: number;
  createdAt: number;
}

/**
 * One client's whole history: every touchpoint of the client, in one record, sorted by
 * (at, id). See lib/db/history.ts for why the history is one record and not one per touch.
 */
export interface ClientHistory {
  clientId: number;
  items: Touchpoint[];
}

/**
 * A client's history as the Insights page reads it, kept beside the history by every write
 * (lib/db/history.ts): only the fields the insights compute from, in columns of typed
 * arrays, which IndexedDB copies in and out far faster than the touchpoints' objects
 * (lib/domain/digest.ts says why and how much). Derived: never exported, rebuilt on restore.
 */
export interface HistoryDigest {
  clientId: number;
  /** each touchpoint's time, in the history's order */
  at: Float64Array;
  /** each touchpoint's kind, as its index in TOUCH_KINDS */
  kind: Uint8Array;
  /** the fields few touchpoints have, by position in the columns */
  extra: { i: number; templateId?: number; noReplyNeeded?: true; score?: number; referredClientId?: number }[];
}

/** Names one touchpoint: its id, and its client, whose history record holds it. */
export interface TouchpointRef {
  clientId: number;
  id: string;
}

/** The moments a template suits; the sidebar suggests templates whose situation is now. */
export type TemplateSituation =
  | 'check-in'
  | 'late-reply'
  | 'overdue'
  | 'after-purchase'
  | 'new-customer'
  | 'birthday'
  | 'holiday'
  | 'former'
  | 'value'
  | 'referral'
  | 'feedback'
  | 'half-year';
/**
 * When each is now: lib/domain/templates/suggest.ts (`situationsNow`). 'former' is also a
 * dormant client (time to revive), 'feedback' 30 days after a sale, 'half-year' six months after.
 */
export const TEMPLATE_SITUATIONS: readonly TemplateSituation[] = [
  'check-in', 'late-reply', 'overdue', 'after-purchase', 'new-customer', 'birthday', 'holiday', 'former', 'value',
  'referral', 'feedback', 'half-year',
];

export interface Template {
  id?: number;
  name: string;
  category: string;
  subject: string;
  body: string;
  /** stages it suits; empty = any */
  stages: Stage[];
  situations: TemplateSituation[];
  builtIn: boolean;
  /** stable key of a built-in template, so an edited built-in can be reset */
  builtInKey?: string;
  updatedAt?: number;
}

/** A holiday the user greets clients on: a day of the year. */
export interface Holiday {
  label: string;
  /** 1-12 */
  month: number;
  /** 1-31 (29 February falls on the 28th in other years) */
  day: number;
}

/** What restarts the contact clock: the user's own touches only, or any touch (their emails too). */
export type ContactClock = 'own' | 'any';

/** How often a backup file is written by itself into Downloads/Touchbase (off until the user turns it on). */
export const AUTO_BACKUPS = ['off', 'weekly', 'daily'] as const;
export type AutoBackup = (typeof AUTO_BACKUPS)[number];

export interface Settings {
  /** days between contacts per stage */
  cadenceDays: Record<Stage, number>;
  /** after the first sale: contact every this many days, aiming at the second sale ... */
  secondSaleDays: number;
  /** ... for this many days after the first sale, then the stage's cadence again */
  secondSaleWindowDays: number;
  /** a customer or client with no sale for this many months is dormant */
  dormantMonths: number;
  /** 'own' (default): only the user's own touches restart the clock; 'any': the client's emails too */
  contactClock: ContactClock;
  /** the holidays the user sends greetings for (the holiday template is suggested the week before) */
  holidays: Holiday[];
  /** the user's explicit permission for cadences over 91 days */
  allowLongCadence: boolean;
  /** cadence for key accounts (the clients marked key, e.g. the top 80 % of revenue); unset = their stage's */
  keyAccountCadenceDays?: number;
  /** a client is "due soon" this many days before the due date */
  dueSoonDays: number;
  /** unanswered inbound email: on time below this many hours */
  replyOnTimeHours: number;
  /** unanswered inbound email: late above this many hours */
  replyLateHours: number;
  /** the weekdays whose hours count towards the reply thresholds, 0 = Sunday … 6 = Saturday */
  workingDays: number[];
  /** count only working days' hours (false: plain clock hours, every day counts) */
  workingDaysOnly: boolean;
  /** when the user wrote last: nudge after this many days without an answer */
  nudgeAfterDays: number;
  /** the user's own addresses as the user typed them, lower-case */
  ownAddresses: string[];
  /**
   * the user's addresses learnt from the mail pages (the account a page shows), newest
   * first; kept apart from the typed ones so a wrong one can be seen and removed
   */
  learnedAddresses: string[];
  /** record the emails of a tracked client's open thread automatically */
  autoCapture: boolean;
  myName: string;
  signature: string;
  lastBackupAt?: number;
  /**
   * a notification each working day at `digestTime` saying what Today holds (the user turns
   * it on in the options, which asks for the optional `notifications` permission)
   */
  digestEnabled: boolean;
  /** the local time of the daily digest, 24-hour "HH:MM" */
  digestTime: string;
  /** a notification when a key account's email has waited `replyOnTimeHours` of working time */
  keyAccountAlerts: boolean;
  /**
   * a backup file written by itself every week or day into Downloads/Touchbase (the user
   * turns it on in the options, which asks for the optional `downloads` permission)
   */
  autoBackup: AutoBackup;
}
