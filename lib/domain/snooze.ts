/**
 * Snoozing a client in one click: for a day, a week or a month from now, or until the end
 * of a day the user picks (the client card's date works the same way). While snoozed, the
 * client is neither on the badge nor in Today (lib/domain/overdue.ts).
 */
import { addDays, addMonths, addWeeks, endOfDay } from 'date-fns';
import { ValidationError } from './validate';

export type SnoozeChoice = 'day' | 'week' | 'month';

export const SNOOZE_CHOICES: readonly { choice: SnoozeChoice; label: string }[] = [
  { choice: 'day', label: '1 day' },
  { choice: 'week', label: '1 week' },
  { choice: 'month', label: '1 month' },
];

export function snoozeEnd(choice: SnoozeChoice, now: number): number {
  if (choice === 'day') return addDays(now, 1).getTime();
  if (choice === 'week') return addWeeks(now, 1).getTime();
  return addMonths(now, 1).getTime();
}

/** The end of a day given as a date input holds it ("2026-12-24"), local time; today or later. */
export function snoozeUntilDay(day: string, now: number): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const d = m ? new Date(+m[1], +m[2] - 1, +m[3]) : null;
  if (!d || d.getMonth() !== +m![2] - 1 || d.getDate() !== +m![3]) throw new ValidationError(`"${day.slice(0, 20)}" is not a date`);
  const end = endOfDay(d).getTime();
  if (end < now) throw new ValidationError('pick a day from today on');
  return end;
}
