/**
 * The records of the `touchbase` database. Times are epoch milliseconds: they index,
 * compare and serialise (backups) without any conversion, and a missing time is simply
 * an absent field, which IndexedDB leaves out of the index.
 */

export type Stage = 'prospect' | 'customer' | 'client' | 'former';
export const STAGES: readonly Stage[] = ['prospect', 'customer', 'client', 'former'];

export type TouchKind =
  | 'email-in'
  | 'email-out'
  | 'call'
  | 'meeting'
  | 'message'
  | 'mail'
  | 'gift'
  | 'sale'
  | 'note';
export const TOUCH_KINDS: readonly TouchKind[] = [
  'email-in', 'email-out', 'call', 'meeting', 'message', 'mail', 'gift', 'sale', 'note',
];

export type TouchSource = 'detected' | 'manual' | 'template';

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

  // ---- derived, kept true by lib/db in the same transaction as every write ----
  stage: Stage;
  saleCount: number;
  lifetimeValue: number;
  lastContactAt?: number;
  nextDueAt?: number;
  awaitingReplySince?: number;
  /** the moment this client counts as needing the user (see lib/domain/overdue.ts): indexed, so the badge is one count */
  needsYouAt?: number;

  createdAt: number;
  updatedAt: number;
}

export interface Touchpoint {
  /** unique within its client's history (a touchpoint is named by clientId and id) */
  id?: number;
  clientId: number;
  at: number;
  kind: TouchKind;
  source: TouchSource;
  subject?: string;
  summary?: string;
  /** sales only, >= 0 */
  amount?: number;
  threadKey?: string;
  /** unique when present: a detected email is recorded once */
  messageKey?: string;
  templateId?: number;
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

/** Names one touchpoint: its id is unique within its client's history. */
export interface TouchpointRef {
  clientId: number;
  id: number;
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
  | 'feedback';

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

export interface Settings {
  /** days between contacts per stage */
  cadenceDays: Record<Stage, number>;
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
  /** the user's own addresses, lower-case (also learnt from the page) */
  ownAddresses: string[];
  /** record the emails of a tracked client's open thread automatically */
  autoCapture: boolean;
  myName: string;
  signature: string;
  lastBackupAt?: number;
}
