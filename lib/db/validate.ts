/**
 * Input checks run before any transaction opens, so refused input never reaches the
 * database. Each throws a ValidationError whose message names the field and the problem.
 */
import { normalizeEmail } from '../mail/address';
import { ValidationError } from './errors';

export type TimeInput = number | Date | string;

/** Epoch ms from a number, a Date or an ISO string; anything else is refused. */
export function toTime(value: unknown, field: string): number {
  let t: number;
  if (typeof value === 'number') t = value;
  else if (value instanceof Date) t = value.getTime();
  else if (typeof value === 'string' && value.trim() !== '') t = Date.parse(value);
  else throw new ValidationError(`${field} is not a date`);
  // the year 0001 to 9999: a finite number outside is a bug, not a date
  if (!Number.isFinite(t) || t < -62135596800000 || t > 253402300799999) {
    throw new ValidationError(`${field} is not a date`);
  }
  return t;
}

// C0/C1 control characters other than tab and newline have no place in a name or a note
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** Trimmed text without control characters, refused when over `max` characters. */
export function cleanText(value: unknown, field: string, max: number, opts: { multiline?: boolean } = {}): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw new ValidationError(`${field} must be text`);
  let s = value.replace(CONTROL, '');
  if (!opts.multiline) s = s.replace(/\s+/g, ' ');
  s = s.trim();
  if (s.length > max) throw new ValidationError(`${field} is longer than ${max} characters`);
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
  if (values.length > 50) throw new ValidationError('a client can have at most 50 email addresses');
  return [...new Set(values.map(toEmail))];
}

export function toAmount(value: unknown, field = 'amount'): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ValidationError(`${field} must be a number`);
  }
  if (value < 0) throw new ValidationError(`${field} cannot be negative`);
  if (value > 1e12) throw new ValidationError(`${field} is too large`);
  return Math.round(value * 100) / 100;
}

export function toPositiveDays(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 3650) {
    throw new ValidationError(`${field} must be a whole number of days between 1 and 3650`);
  }
  return value;
}

export function toTags(values: unknown): string[] {
  if (values === undefined) return [];
  if (!Array.isArray(values)) throw new ValidationError('tags must be a list');
  if (values.length > 50) throw new ValidationError('at most 50 tags');
  const tags = values.map((t) => cleanText(t, 'a tag', 40)).filter(Boolean);
  return [...new Set(tags)];
}

export function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1);
}
