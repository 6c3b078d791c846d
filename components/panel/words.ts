/**
 * The words the panel uses for kinds, stages and times, in one place. Dates are written by
 * hand in one fixed English form ("Tue 24 Nov 2026, 09:05") rather than with date-fns'
 * `format`, whose pattern engine and locale data would be most of the panel's date code;
 * durations likewise (lib/domain/distance.ts, not `formatDistanceStrict`).
 */
import { distanceStrict } from '@/lib/domain/distance';
import type { Stage, TouchKind } from '@/lib/domain/model';

export const KIND_LABEL: Record<TouchKind, string> = {
  'email-in': 'Email from them',
  'email-out': 'Email from you',
  call: 'Call',
  meeting: 'Meeting',
  message: 'Message',
  mail: 'Letter',
  gift: 'Gift',
  lunch: 'Lunch',
  sale: 'Sale',
  note: 'Note',
  referral: 'Referral',
  'referral-ask': 'Asked for a referral',
  score: 'Satisfaction score',
};

export const STAGE_LABEL: Record<Stage, string> = {
  prospect: 'Prospect',
  customer: 'Customer',
  client: 'Client',
  former: 'Former client',
};

export function ago(at: number, now: number): string {
  if (at > now) return 'just now';
  if (now - at < 60_000) return 'just now';
  return `${distanceStrict(at, now)} ago`;
}

export function waited(ms: number): string {
  if (ms < 60_000) return 'less than a minute';
  return distanceStrict(0, ms);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const pad = (n: number) => String(n).padStart(2, '0');

/** "Tue 24 Nov 2026, 09:05" */
export function exactDate(at: number): string {
  const d = new Date(at);
  return `${WEEKDAYS[d.getDay()]} ${d.getDate()} ${MONTHS[d.getMonth()].slice(0, 3)} ${d.getFullYear()}, ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "24 Nov" */
export function shortDate(at: number): string {
  const d = new Date(at);
  return `${d.getDate()} ${MONTHS[d.getMonth()].slice(0, 3)}`;
}

/** "November 2026" */
export function monthYear(at: number): string {
  const d = new Date(at);
  return `${MONTHS[d.getMonth()]} ${d.getFullYear()}`;
}

/** "24 November", for a month (1-12) and a day */
export const dayOfMonth = (month: number, day: number) => `${day} ${MONTHS[month - 1]}`;

/** "2026-11-24": a local day, as a date input holds it */
export function localDay(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function money(n: number): string {
  return new Intl.NumberFormat(undefined, { maximumFractionDigits: 2, minimumFractionDigits: n % 1 ? 2 : 0 }).format(n);
}

export function daysWord(n: number): string {
  return `${n} day${n === 1 ? '' : 's'}`;
}
