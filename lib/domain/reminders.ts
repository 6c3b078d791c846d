/**
 * Reminders that reach the user outside the mail page (issue #13): the words and the
 * timing, as pure functions. The background (lib/background/reminders.ts) schedules and
 * shows them; nothing here touches a browser API.
 *
 *   - The daily digest comes at the user's time of day, on working days only (every day
 *     when `workingDaysOnly` is off): one line saying what Today holds, e.g.
 *     "1 late reply (1 key account), 5 overdue, 2 due soon, Priya’s birthday on Thursday".
 *     Nothing to say, no notification.
 *   - A key-account alert says one key account's email has waited `replyOnTimeHours` of
 *     working time (the rule of lib/domain/response.ts, so it agrees with the panel).
 *   - Every notification has a stable id, so the background shows each once.
 */
import type { Client, ImportantDate, Settings } from './model';
import { parseTimeOfDay, DEFAULT_SETTINGS } from './settings';
import { HOUR_MS } from './response';
import { isWorkingDay, workingWeekOf } from './working-time';

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

const pad = (n: number) => String(n).padStart(2, '0');

/** "YYYY-MM-DD" of the local calendar day holding `t`. */
export function localDateKey(t: number): string {
  const d = new Date(t);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function sameLocalDay(a: number, b: number): boolean {
  return localDateKey(a) === localDateKey(b);
}

/** The id of the digest of the day holding `t`: one digest a day, whatever wakes the background. */
export const digestId = (t: number) => `digest:${localDateKey(t)}`;

/** The id of the alert for one waiting email: a new email after an answer is a new alert. */
export const keyAlertId = (clientId: number, awaitingReplySince: number) => `key:${clientId}:${awaitingReplySince}`;

/** A notification of ours (the background ignores clicks on anything else). */
export const isReminderId = (id: string) => /^(digest|key):/.test(id);

type WeekSettings = Pick<Settings, 'workingDays' | 'workingDaysOnly'>;

/** Reminders may come on the day holding `t`: a working day, or any day when the week is off. */
export function isReminderDay(t: number, settings: WeekSettings): boolean {
  return isWorkingDay(t, workingWeekOf(settings));
}

/**
 * The next moment, strictly after `now`, at which the digest is due: the user's time of day
 * on the first working day that still has it ahead (today when its time is still to come).
 * Built from the local calendar (`new Date(y, m, d, hh, mm)`), so a DST change moves nothing
 * but the hour that does not exist: a time in the skipped hour of a spring-forward day
 * comes that much later (02:30 is 03:30), and a time the autumn change repeats comes the
 * first time. An invalid stored time falls back to the default one.
 */
export function nextDigestAt(now: number, settings: WeekSettings & Pick<Settings, 'digestTime'>): number {
  const time = parseTimeOfDay(settings.digestTime) ?? parseTimeOfDay(DEFAULT_SETTINGS.digestTime)!;
  const d = new Date(now);
  // eight days: today (when its time is still ahead) and a whole week after it, which
  // always holds a working day (lib/domain/working-time.ts counts every day when none is)
  for (let i = 0; i <= 8; i++) {
    const at = new Date(d.getFullYear(), d.getMonth(), d.getDate() + i, time.hours, time.minutes).getTime();
    if (at > now && isReminderDay(at, settings)) return at;
  }
  // unreachable: a week always holds a day the reminders may come on
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1, time.hours, time.minutes).getTime();
}

// ---------------------------------------------------------------- the digest's words

/** A row of Today as the digest reads it (lib/db/today.ts's TodayEntry has this shape). */
export interface DigestEntry {
  client: Pick<Client, 'name' | 'keyAccount'>;
  /** for a date: the days until it, 0 = today */
  amount: number;
  date?: Pick<ImportantDate, 'label'>;
}

/** Today's sections, every row of them (read without a limit), and their totals. */
export interface DigestInput {
  lateReplies: DigestEntry[];
  overdue: DigestEntry[];
  dates: DigestEntry[];
  totals: { lateReplies: number; overdue: number; dueSoon: number; dates: number };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const keyNote = (entries: DigestEntry[]) => {
  const n = entries.filter((e) => e.client.keyAccount).length;
  return n ? ` (${plural(n, 'key account', 'key accounts')})` : '';
};

/** "Priya Raman" -> "Priya"; a name of one word stays whole. */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] || name;
}

/** "Birthday" -> "birthday" inside a sentence; "IPO day" keeps its capitals. */
function labelInSentence(label: string): string {
  const l = label.trim();
  return l.length > 1 && l[1] === l[1].toLowerCase() ? l[0].toLowerCase() + l.slice(1) : l;
}

/** "today", "tomorrow", "on Thursday", or "next Thursday" a week ahead (the same weekday as today). */
export function dayWord(days: number, now: number): string {
  if (days <= 0) return 'today';
  if (days === 1) return 'tomorrow';
  const weekday = WEEKDAYS[(new Date(now).getDay() + days) % 7];
  return days >= 7 ? `next ${weekday}` : `on ${weekday}`;
}

/** The nearest important date(s) of the week: every one on the nearest day, by first name. */
function nearestDates(dates: DigestEntry[], now: number): string | null {
  const dated = dates.filter((e) => e.date && e.amount >= 0 && e.amount <= 7);
  if (!dated.length) return null;
  const nearest = Math.min(...dated.map((e) => e.amount));
  const names = dated
    .filter((e) => e.amount === nearest)
    .map((e) => `${firstName(e.client.name)}’s ${labelInSentence(e.date!.label)}`);
  const who =
    names.length === 1
      ? names[0]
      : names.length === 2
        ? `${names[0]} and ${names[1]}`
        : `${names[0]}, ${names[1]} and ${names.length - 2} more`;
  return `${who} ${dayWord(nearest, now)}`;
}

/**
 * The digest's one line, or null when there is nothing to say (then no notification):
 * the totals of late replies, overdue and due soon, the key accounts among the late and
 * the overdue, and the nearest important date(s) of the coming week.
 */
export function digestMessage(today: DigestInput, now: number): string | null {
  const t = today.totals;
  const parts: string[] = [];
  if (t.lateReplies) parts.push(plural(t.lateReplies, 'late reply', 'late replies') + keyNote(today.lateReplies));
  if (t.overdue) parts.push(`${t.overdue} overdue${keyNote(today.overdue)}`);
  if (t.dueSoon) parts.push(`${t.dueSoon} due soon`);
  const dates = nearestDates(today.dates, now);
  if (dates) parts.push(dates);
  return parts.length ? parts.join(', ') : null;
}

export const DIGEST_TITLE = 'Touchbase: your day';

// ---------------------------------------------------------------- key-account alerts

export interface KeyAlertInput {
  name: string;
  /** the working time waited (lib/domain/response.ts workingWaitMs) */
  workingWaitMs: number;
}

/** The alert for one key account, or for several that crossed the threshold at once. */
export function keyAlertText(
  waiting: KeyAlertInput[],
  settings: Pick<Settings, 'workingDaysOnly'>,
): { title: string; message: string } {
  const hours = (ms: number) => `${Math.floor(ms / HOUR_MS)} ${settings.workingDaysOnly ? 'working hours' : 'hours'}`;
  if (waiting.length === 1) {
    const [w] = waiting;
    return {
      title: `Touchbase: ${w.name} is waiting`,
      message: `${w.name}, a key account, has waited ${hours(w.workingWaitMs)} for your answer.`,
    };
  }
  const least = Math.min(...waiting.map((w) => w.workingWaitMs));
  const names =
    waiting.length === 2
      ? `${waiting[0].name} and ${waiting[1].name}`
      : `${waiting[0].name}, ${waiting[1].name} and ${plural(waiting.length - 2, 'other', 'others')}`;
  return {
    title: `Touchbase: ${waiting.length} key accounts are waiting`,
    message: `${names} have waited ${hours(least)} or more for your answer.`,
  };
}
