/**
 * A client's own fields, as the user gives them: checked and normalised before anything is
 * stored (the derived fields are lib/domain/derive.ts). Pure, so the repository, a restore
 * and the panel's "track as client" guess all use the same rules.
 */
import { domainOf, LIMITS, STAGES, type Client, type ImportantDate, type Stage } from './model';
import { cleanText, eachIn, refused, toBoolean, toEmails, toPositiveDays, toTags, toTime, ValidationError, type TimeInput } from './validate';

export interface ClientInput {
  name?: string;
  emails: string[];
  company?: string;
  stageOverride?: Stage | null;
  tags?: string[];
  cadenceDays?: number | null;
  keyAccount?: boolean;
  importantDates?: ImportantDate[];
  notes?: string;
  snoozedUntil?: TimeInput | null;
  /** the dormant flag hidden until then (null: shown again) */
  dormantSnoozedUntil?: TimeInput | null;
  /** the client who referred this one (null: nobody) */
  referredBy?: number | null;
  /** the first due date an import gives (lib/csv/import.ts spreads them over the cadence) */
  firstDueAt?: TimeInput | null;
}

export type ClientPatch = Partial<ClientInput>;

/** Free-mail domains say nothing about the company. */
const FREE_MAIL = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com',
  'yahoo.com', 'icloud.com', 'me.com', 'aol.com', 'proton.me', 'protonmail.com', 'gmx.de',
  'gmx.net', 'web.de', 'yandex.ru', 'mail.ru', 'qq.com',
]);

/** "acme-corp.co.uk" -> "Acme Corp": a good first guess the user can edit. */
export function companyFromEmail(email: string): string | undefined {
  const domain = domainOf(email);
  if (FREE_MAIL.has(domain)) return undefined;
  const parts = domain.split('.');
  // skip a second-level public suffix such as co.uk / com.au
  let label = parts.length >= 3 && parts[parts.length - 2].length <= 3 ? parts[parts.length - 3] : parts[parts.length - 2];
  if (!label) return undefined;
  label = label.replace(/[-_]+/g, ' ');
  return label.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
}

/** "dana.client@acme.com" -> "Dana Client": the name of a client nobody named. */
export function nameFromEmail(email: string): string {
  const local = email.slice(0, email.indexOf('@')).replace(/[._+-]+/g, ' ').trim();
  return local.replace(/\b\p{L}/gu, (c) => c.toUpperCase()) || email;
}

/** "MM-DD" of a month and day: the key the `anniversaries` index holds. */
export const anniversaryKey = (month: number, day: number) => `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

export function anniversaryKeys(dates: ImportantDate[]): string[] {
  return [...new Set(dates.map((d) => anniversaryKey(d.month, d.day)))];
}

function toStage(v: unknown): Stage | undefined {
  if (v === undefined || v === null) return undefined;
  if (!STAGES.includes(v as Stage)) throw new ValidationError(`unknown stage "${String(v)}"`);
  return v as Stage;
}

export function toImportantDates(values: unknown): ImportantDate[] {
  if (values === undefined) return [];
  if (!Array.isArray(values)) throw new ValidationError('important dates must be a list');
  if (values.length > LIMITS.importantDates) throw new ValidationError(`at most ${LIMITS.importantDates} important dates`);
  return eachIn(values, (v, i) => {
    const d = v as Partial<ImportantDate>;
    const label = cleanText(d?.label, `important date ${i + 1} label`, LIMITS.dateLabel) || 'Date';
    const { month, day, year } = d ?? {};
    const bad = (what: string) => refused('important date', `"${label}" has no valid ${what}`);
    if (!Number.isInteger(month) || month! < 1 || month! > 12) throw bad('month');
    const maxDay = new Date(2024, month!, 0).getDate(); // 2024: leap year allows 29 Feb
    if (!Number.isInteger(day) || day! < 1 || day! > maxDay) throw bad('day');
    if (year !== undefined && (!Number.isInteger(year) || year < 1900 || year > 2200)) throw bad('year');
    return year === undefined ? { label, month: month!, day: day! } : { label, month: month!, day: day!, year };
  });
}

/**
 * Applies a checked patch to a client; throws before anything is written. A refusal inside
 * a list names the item (ValidationError's `field`: "[1]" of the emails, tags or dates).
 * Setting the stage to "former" by hand records when (`formerSince`, `now`): from then on
 * retention counts the client as lost. Leaving "former" forgets it.
 */
export function applyClientPatch(base: Client, patch: ClientPatch, now = Date.now()): Client {
  const next: Client = { ...base };
  if (patch.emails !== undefined) next.emails = toEmails(patch.emails);
  if (patch.name !== undefined) {
    next.name = cleanText(patch.name, 'name', LIMITS.name) || nameFromEmail(next.emails[0]);
  }
  if (patch.company !== undefined) {
    const c = cleanText(patch.company, 'company', LIMITS.company);
    if (c) next.company = c;
    else delete next.company;
  }
  if (patch.stageOverride !== undefined) {
    const s = toStage(patch.stageOverride);
    if (s) next.stageOverride = s;
    else delete next.stageOverride;
    if (s !== 'former') delete next.formerSince;
    else if (base.stageOverride !== 'former' || next.formerSince === undefined) next.formerSince = now;
  }
  if (patch.tags !== undefined) next.tags = toTags(patch.tags);
  if (patch.cadenceDays !== undefined) {
    if (patch.cadenceDays === null) delete next.cadenceDays;
    else next.cadenceDays = toPositiveDays(patch.cadenceDays, 'cadence');
  }
  if (patch.keyAccount !== undefined) next.keyAccount = toBoolean(patch.keyAccount, 'key account');
  if (patch.importantDates !== undefined) {
    next.importantDates = toImportantDates(patch.importantDates);
    next.anniversaries = anniversaryKeys(next.importantDates);
  }
  if (patch.notes !== undefined) next.notes = cleanText(patch.notes, 'notes', LIMITS.notes, { multiline: true });
  if (patch.snoozedUntil !== undefined) {
    if (patch.snoozedUntil === null) delete next.snoozedUntil;
    else next.snoozedUntil = toTime(patch.snoozedUntil, 'snooze date');
  }
  if (patch.dormantSnoozedUntil !== undefined) {
    if (patch.dormantSnoozedUntil === null) delete next.dormantSnoozedUntil;
    else next.dormantSnoozedUntil = toTime(patch.dormantSnoozedUntil, 'dormant snooze date');
  }
  if (patch.firstDueAt !== undefined) {
    if (patch.firstDueAt === null) delete next.firstDueAt;
    else next.firstDueAt = toTime(patch.firstDueAt, 'first due date');
  }
  if (patch.referredBy !== undefined) {
    if (patch.referredBy === null) delete next.referredBy;
    else if (!Number.isInteger(patch.referredBy) || patch.referredBy <= 0) throw new ValidationError('referred by: not a client');
    else next.referredBy = patch.referredBy;
  }
  next.domain = domainOf(next.emails[0]);
  return next;
}

/** A new client from the user's input, its derived fields still at their zero values. */
export function newClient(input: ClientInput, now: number): Client {
  if (!input || typeof input !== 'object') throw new ValidationError('no client given');
  const emails = toEmails(input.emails);
  const blank: Client = {
    name: '', emails, tags: [], importantDates: [], notes: '', stage: 'prospect', saleCount: 0,
    lifetimeValue: 0, createdAt: now, updatedAt: now,
  };
  const company = input.company ?? companyFromEmail(emails[0]);
  return applyClientPatch(blank, { ...input, emails, name: input.name ?? '', company }, now);
}
