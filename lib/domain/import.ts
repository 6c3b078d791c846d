/**
 * Imported clients' first due dates. A new client is due `cadence` days after creation, so
 * a thousand contacts imported at once would all be due (and then overdue) on the same
 * day, and Today would be a wall. Instead the i-th of n imported clients is first due on
 * day 1 + floor(i × cadence / n) after the import: spread evenly over one cadence, every
 * day of it used when there are more clients than days. The date is kept on the client
 * (`firstDueAt`) and stands for "creation + cadence" (lib/domain/derive.ts).
 */
import { addDays, endOfDay } from 'date-fns';

export function spreadFirstDueAt(index: number, count: number, cadenceDays: number, now: number): number {
  const days = Math.max(1, Math.round(cadenceDays));
  const day = Math.min(days, 1 + Math.floor((index * days) / Math.max(1, count)));
  return endOfDay(addDays(now, day)).getTime();
}
