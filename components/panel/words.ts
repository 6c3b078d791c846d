/** The words the panel uses for kinds, stages and times, in one place. */
import { format, formatDistanceStrict } from 'date-fns';
import type { Stage, TouchKind } from '@/lib/domain/model';

export const KIND_LABEL: Record<TouchKind, string> = {
  'email-in': 'Email from them',
  'email-out': 'Email from you',
  call: 'Call',
  meeting: 'Meeting',
  message: 'Message',
  mail: 'Letter',
  gift: 'Gift',
  sale: 'Sale',
  note: 'Note',
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
  return `${formatDistanceStrict(at, now, { roundingMethod: 'floor' })} ago`;
}

export function waited(ms: number): string {
  if (ms < 60_000) return 'less than a minute';
  return formatDistanceStrict(0, ms, { roundingMethod: 'floor' });
}

export const exactDate = (at: number) => format(at, 'EEE d MMM yyyy, HH:mm');
export const shortDate = (at: number) => format(at, 'd MMM');

export function money(n: number): string {
  return new Intl.NumberFormat(undefined, { maximumFractionDigits: 2, minimumFractionDigits: n % 1 ? 2 : 0 }).format(n);
}

export function daysWord(n: number): string {
  return `${n} day${n === 1 ? '' : 's'}`;
}
