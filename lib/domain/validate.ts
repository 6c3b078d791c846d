/**
 * The checks every write runs on its input before any transaction opens, so refused input
 * never reaches the database. Pure, and written once: the repository (lib/db) runs them on
 * what the user types, and a restore runs the same ones on every row of a backup. Each
 * throws a ValidationError whose message names the field and the problem; the sizes are
 * the model's (LIMITS).
 */
import { LIMITS, MAX_TIME, MIN_TIME, normalizeEmail } from './model';

/**
 * Refused input: the message names the problem, and nothing was written. A check that
 * knows which field it refused also says so apart (`field`, a path such as
 * "importantDates[0]", and `problem`, the message without the field's name), so a caller
 * that names fields its own way can: a restore says "clients[3].importantDates[0]: ...".
 */
export class ValidationError extends Error {
  /** the problem without the field's name ("must be a number of hours above 0"); the message when no field is known */
  readonly problem: string;
  constructor(
    message: string,
    problem: string = message,
    /** where in the input: "replyLateHours", "importantDates[0]", "cadenceDays.client" */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ValidationError';
    this.problem = problem;
  }
}

/** A refusal of the field the user knows as `label`: the message is "<label> <problem>"; `field` where it is, when known. */
export function refused(label: string, problem: string, field?: string): ValidationError {
  return new ValidationError(`${label} ${problem}`, problem, field);
}

/** A refusal whose message says all (no label to take off) of the field at `field`. */
export function refusedAt(field: string, message: string): ValidationError {
  return new ValidationError(message, message, field);
}

/**
 * Runs `check`, adding `field` in front of the field a ValidationError it throws names
 * ("importantDates" + "[0]", "cadenceDays" + "client"); the message stays the user's.
 */
export function inField<T>(field: string, check: () => T): T {
  try {
    return check();
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    const inner = e.field === undefined ? '' : e.field.startsWith('[') ? e.field : `.${e.field}`;
    throw new ValidationError(e.message, e.problem, field + inner);
  }
}

/** Checks each item of a list in its own field ("[0]", "[1]"...). */
export function eachIn<T, U>(values: readonly T[], check: (value: T, index: number) => U): U[] {
  return values.map((v, i) => inField(`[${i}]`, () => check(v, i)));
}

export type TimeInput = number | Date | string;

/** Epoch ms from a number, a Date or an ISO string; anything else is refused. */
export function toTime(value: unknown, field: string): number {
  let t: number;
  if (typeof value === 'number') t = value;
  else if (value instanceof Date) t = value.getTime();
  else if (typeof value === 'string' && value.trim() !== '') t = Date.parse(value);
  else throw refused(field, 'is not a date');
  if (!Number.isFinite(t) || t < MIN_TIME || t > MAX_TIME) {
    throw refused(field, 'is not a date');
  }
  return t;
}

// C0/C1 control characters other than tab and newline have no place in a name or a note
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** Trimmed text without control characters, refused when over `max` characters. */
export function cleanText(value: unknown, field: string, max: number, opts: { multiline?: boolean } = {}): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw refused(field, 'must be text');
  let s = value.replace(CONTROL, '');
  if (!opts.multiline) s = s.replace(/\s+/g, ' ');
  s = s.trim();
  if (s.length > max) throw refused(field, `is longer than ${max} characters`);
  return s;
}

export function toEmail(value: unknown): string {
  const email = typeof value === 'string' ? normalizeEmail(value) : null;
  if (!email) {
    const shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 80)) : String(value);
    throw new ValidationError(`${shown} is not an email address`);
  }
  return email;
}

export function toEmails(values: unknown): string[] {
  if (!Array.isArray(values) || values.length === 0) {
    throw new ValidationError('a client needs at least one email address');
  }
  if (values.length > LIMITS.emails) throw new ValidationError(`a client can have at most ${LIMITS.emails} email addresses`);
  return [...new Set(eachIn(values, toEmail))];
}

export function toAmount(value: unknown, field = 'amount'): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw refused(field, 'must be a number');
  if (value < 0) throw refused(field, 'cannot be negative');
  if (value > LIMITS.amount) throw refused(field, 'is too large');
  return Math.round(value * 100) / 100;
}

export function toPositiveDays(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > LIMITS.cadenceDays) {
    throw refused(field, `must be a whole number of days between 1 and ${LIMITS.cadenceDays}`);
  }
  return value;
}

/** true or false, and nothing that merely looks like one ("yes", 1). */
export function toBoolean(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') throw refused(field, 'must be true or false');
  return value;
}

export function toTags(values: unknown): string[] {
  if (values === undefined) return [];
  if (!Array.isArray(values)) throw refused('tags', 'must be a list');
  if (values.length > LIMITS.tags) throw new ValidationError(`at most ${LIMITS.tags} tags`);
  const tags = eachIn(values, (t) => cleanText(t, 'a tag', LIMITS.tag)).filter(Boolean);
  return [...new Set(tags)];
}
