/**
 * Reminders that reach the user when no mail page is open: a daily digest at a time of
 * their choosing and an alert when a key account has waited a day for an answer. Both are
 * off until turned on here; turning one on first asks the browser for the optional
 * `notifications` permission, inside the click (browsers grant permissions only during a
 * user gesture). Refused, the setting stays off and the page says why. Turning one off
 * keeps the permission (nothing is shown without a setting on).
 */
import { useEffect, useState } from 'react';
import type { Settings } from '@/lib/domain/model';
import { WEEKDAYS } from '@/lib/domain/reminders';
import { parseTimeOfDay } from '@/lib/domain/settings';
import { useSettings, useUpdateSettings } from '@/lib/ui/settings';
import { requestNotifications, useNotificationsAllowed } from '@/lib/ui/reminders';
import { errorText } from '@/lib/ui/errors';
import { Outcome, type OutcomeMessage } from '../Outcome';

type Reminder = 'digestEnabled' | 'keyAccountAlerts';

const WHAT: Record<Reminder, string> = { digestEnabled: 'The daily digest', keyAccountAlerts: 'Key-account alerts' };

export const REFUSED =
  'stays off: the browser did not allow Touchbase to show notifications. Turn it on again and choose “Allow” to get it.';

const orList = (xs: string[]) => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} or ${xs[xs.length - 1]}`);

/** The sentence about the working week: reminders never come on the days off. */
export function weekSentence(s: Pick<Settings, 'workingDays' | 'workingDaysOnly'>): string {
  // in the order of a week that starts on Monday: "Saturday or Sunday"
  const off = [1, 2, 3, 4, 5, 6, 0].filter((day) => !s.workingDays.includes(day)).map((day) => WEEKDAYS[day]);
  if (!s.workingDaysOnly || off.length === 0 || off.length === 7)
    return 'Reminders never come on non-working days; your settings count every day as a working day, so they may come on any day.';
  return `Reminders never come on non-working days: with your working week, never on ${orList(off)}.`;
}

export function RemindersSection() {
  const { data: settings } = useSettings();
  const update = useUpdateSettings();
  const { allowed, recheck } = useNotificationsAllowed();
  const [time, setTime] = useState<string | null>(null);
  const [status, setStatus] = useState<OutcomeMessage>(null);

  useEffect(() => {
    if (settings) setTime(settings.digestTime);
  }, [settings?.digestTime]); // eslint-disable-line react-hooks/exhaustive-deps

  if (!settings || time === null) return <p>Loading reminders…</p>;

  const save = async (patch: Partial<Record<Reminder, boolean>> & { digestTime?: string }, ok: string) => {
    try {
      await update.mutateAsync(patch);
      setStatus({ kind: 'ok', text: ok });
    } catch (e) {
      setStatus({ kind: 'error', text: `Not saved: ${errorText(e)}` });
    }
  };

  const toggle = (key: Reminder, on: boolean) => {
    if (!on) {
      void save({ [key]: false }, `${WHAT[key]} is off.`);
      return;
    }
    // first thing in the click: the browser allows the request only during the user's gesture
    let asked: Promise<boolean>;
    try {
      asked = requestNotifications();
    } catch (e) {
      asked = Promise.reject(e);
    }
    void asked.then(
      async (granted) => {
        void recheck();
        if (!granted) {
          setStatus({ kind: 'error', text: `${WHAT[key]} ${REFUSED}` });
          return;
        }
        await save({ [key]: true }, `${WHAT[key]} is on.`);
      },
      (e) => setStatus({ kind: 'error', text: `${WHAT[key]} stays off: ${errorText(e)}` }),
    );
  };

  const changeTime = (value: string) => {
    setTime(value);
    if (!parseTimeOfDay(value)) {
      setStatus({ kind: 'error', text: 'Not saved: pick a time of day for the digest, such as 08:30.' });
      return;
    }
    if (value !== settings.digestTime) void save({ digestTime: value }, `The digest comes at ${value}.`);
  };

  const missing = allowed === false && (settings.digestEnabled || settings.keyAccountAlerts);

  return (
    <section aria-labelledby="reminders-heading" className="options-section">
      <h2 id="reminders-heading">Reminders</h2>
      <p className="muted">
        Notifications from your browser, even when no mail page is open. The digest says what Today holds: late replies and
        overdue clients (key accounts counted), who is due soon and the nearest birthday or other date this week; on a
        day with nothing to say, it does not come.
      </p>
      <p>{weekSentence(settings)}</p>
      <div className="row">
        <label className="inline">
          <input type="checkbox" checked={settings.digestEnabled} onChange={(e) => toggle('digestEnabled', e.target.checked)} />
          Daily digest at
        </label>
        <input
          type="time"
          aria-label="Time of the daily digest"
          required
          value={time}
          onChange={(e) => changeTime(e.target.value)}
        />
      </div>
      <label className="inline">
        <input type="checkbox" checked={settings.keyAccountAlerts} onChange={(e) => toggle('keyAccountAlerts', e.target.checked)} />
        Alert me when a key account’s email has waited {settings.replyOnTimeHours} hours
      </label>
      {missing ? (
        <p className="error">
          Notifications are not allowed for Touchbase, so no reminder can reach you: turn the reminder off and on again to
          allow them.
        </p>
      ) : null}
      <Outcome message={status} keep />
    </section>
  );
}
