/**
 * The user's settings: cadence per stage, reply thresholds, own addresses, name and
 * signature (for templates), auto-capture. The whole form is validated by the repository
 * on save; a refused value is explained and nothing is changed.
 */
import { useEffect, useState } from 'react';
import type { ContactClock, Holiday, Settings, Stage } from '@/lib/domain/model';
import { STAGES } from '@/lib/domain/model';
import { MAX_CADENCE_DAYS } from '@/lib/domain/settings';
import { useSettings, useUpdateSettings } from '@/lib/ui/settings';
import { errorText } from '@/lib/ui/errors';
import { Outcome } from '../Outcome';

type Form = {
  cadence: Record<Stage, string>;
  keyAccountCadence: string;
  allowLongCadence: boolean;
  dueSoonDays: string;
  replyOnTimeHours: string;
  replyLateHours: string;
  nudgeAfterDays: string;
  workingDays: number[];
  workingDaysOnly: boolean;
  ownAddresses: string;
  myName: string;
  signature: string;
  autoCapture: boolean;
  secondSaleDays: string;
  secondSaleWindowDays: string;
  dormantMonths: string;
  contactClock: ContactClock;
  holidays: Holiday[];
};

const toForm = (s: Settings): Form => ({
  cadence: Object.fromEntries(STAGES.map((st) => [st, String(s.cadenceDays[st])])) as Record<Stage, string>,
  keyAccountCadence: s.keyAccountCadenceDays === undefined ? '' : String(s.keyAccountCadenceDays),
  allowLongCadence: s.allowLongCadence,
  dueSoonDays: String(s.dueSoonDays),
  replyOnTimeHours: String(s.replyOnTimeHours),
  replyLateHours: String(s.replyLateHours),
  nudgeAfterDays: String(s.nudgeAfterDays),
  workingDays: [...s.workingDays],
  workingDaysOnly: s.workingDaysOnly,
  ownAddresses: s.ownAddresses.join(', '),
  myName: s.myName,
  signature: s.signature,
  autoCapture: s.autoCapture,
  secondSaleDays: String(s.secondSaleDays),
  secondSaleWindowDays: String(s.secondSaleWindowDays),
  dormantMonths: String(s.dormantMonths),
  contactClock: s.contactClock,
  holidays: s.holidays.map((h) => ({ ...h })),
});

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The holidays the user greets clients on: each removable, a new one by name and day. */
function Holidays({ holidays, onChange }: { holidays: Holiday[]; onChange: (h: Holiday[]) => void }) {
  const [label, setLabel] = useState('');
  const [day, setDay] = useState('');
  return (
    <fieldset className="holidays">
      <legend>Holidays you send greetings for (the holiday template is suggested the week before)</legend>
      <ul>
        {holidays.map((h, i) => (
          <li key={`${h.label}-${i}`}>
            {h.label}: {h.day} {MONTHS[h.month - 1]}{' '}
            <button type="button" aria-label={`Remove ${h.label}`} onClick={() => onChange(holidays.filter((_, j) => j !== i))}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <label className="inline">
        Holiday
        <input value={label} onChange={(e) => setLabel(e.target.value)} maxLength={60} />
      </label>
      <label className="inline">
        On (any year)
        <input type="date" value={day} onChange={(e) => setDay(e.target.value)} />
      </label>
      <button
        type="button"
        disabled={!label.trim() || !day}
        onClick={() => {
          const [, m, d] = day.split('-').map(Number);
          onChange([...holidays, { label: label.trim(), month: m, day: d }]);
          setLabel('');
          setDay('');
        }}
      >
        Add holiday
      </button>
    </fieldset>
  );
}

const STAGE_PLURAL: Record<Stage, string> = {
  prospect: 'Prospects',
  customer: 'Customers',
  client: 'Clients',
  former: 'Former clients',
};

/** Monday first, as most of the world's calendars; 0 = Sunday as JavaScript counts */
const WEEK: [day: number, name: string][] = [
  [1, 'Monday'], [2, 'Tuesday'], [3, 'Wednesday'], [4, 'Thursday'], [5, 'Friday'], [6, 'Saturday'], [0, 'Sunday'],
];

const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));

/** The addresses the mail pages showed as the user's own: each can be removed. */
function LearnedAddresses() {
  const { data: settings } = useSettings();
  const update = useUpdateSettings();
  const [error, setError] = useState<string | null>(null);
  const learned = settings?.learnedAddresses ?? [];
  if (!learned.length) return null;
  return (
    <div className="learned" role="group" aria-label="Addresses learnt from the mail pages">
      <p className="muted">
        Learnt from the mail pages as yours (Touchbase never shows these people as clients):
      </p>
      <ul>
        {learned.map((a) => (
          <li key={a}>
            {a}{' '}
            <button
              type="button"
              aria-label={`Remove ${a}: it is not mine`}
              onClick={() =>
                update.mutate({ learnedAddresses: learned.filter((x) => x !== a) }, { onError: (e) => setError(errorText(e)) })
              }
            >
              Not mine
            </button>
          </li>
        ))}
      </ul>
      {error ? <p role="alert" className="error">{error}</p> : null}
    </div>
  );
}

export function SettingsSection() {
  const { data: settings } = useSettings();
  const update = useUpdateSettings();
  const [form, setForm] = useState<Form | null>(null);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  useEffect(() => {
    if (settings) setForm(toForm(settings));
  }, [settings]);

  if (!form) return <p>Loading settings…</p>;
  const set = (patch: Partial<Form>) => setForm({ ...form, ...patch });

  const save = async () => {
    try {
      await update.mutateAsync({
        cadenceDays: Object.fromEntries(STAGES.map((st) => [st, num(form.cadence[st])])) as Record<Stage, number>,
        keyAccountCadenceDays: form.keyAccountCadence.trim() === '' ? null : num(form.keyAccountCadence),
        allowLongCadence: form.allowLongCadence,
        dueSoonDays: num(form.dueSoonDays),
        replyOnTimeHours: num(form.replyOnTimeHours),
        replyLateHours: num(form.replyLateHours),
        nudgeAfterDays: num(form.nudgeAfterDays),
        workingDays: form.workingDays,
        workingDaysOnly: form.workingDaysOnly,
        ownAddresses: form.ownAddresses.split(/[\s,;]+/).filter(Boolean),
        myName: form.myName,
        signature: form.signature,
        autoCapture: form.autoCapture,
        secondSaleDays: num(form.secondSaleDays),
        secondSaleWindowDays: num(form.secondSaleWindowDays),
        dormantMonths: num(form.dormantMonths),
        contactClock: form.contactClock,
        holidays: form.holidays,
      });
      setStatus({ kind: 'ok', text: 'Settings saved.' });
    } catch (e) {
      setStatus({ kind: 'error', text: `Not saved: ${errorText(e)}` });
    }
  };

  return (
    <section aria-labelledby="settings-heading" className="options-section">
      <h2 id="settings-heading">Settings</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <fieldset>
          <legend>Stay in touch every … days</legend>
          {STAGES.map((st) => (
            <label key={st} className="inline">
              {STAGE_PLURAL[st]}
              <input
                type="number"
                min={1}
                inputMode="numeric"
                value={form.cadence[st]}
                onChange={(e) => set({ cadence: { ...form.cadence, [st]: e.target.value } })}
              />
            </label>
          ))}
          <label className="inline">
            Key accounts (empty: their stage’s)
            <input
              type="number"
              min={1}
              value={form.keyAccountCadence}
              onChange={(e) => set({ keyAccountCadence: e.target.value })}
            />
          </label>
          <label className="inline">
            <input
              type="checkbox"
              checked={form.allowLongCadence}
              onChange={(e) => set({ allowLongCadence: e.target.checked })}
            />
            Allow cadences over {MAX_CADENCE_DAYS} days (nobody should go a quarter without contact)
          </label>
          <label className="inline">
            Show “due soon” this many days before
            <input type="number" min={0} value={form.dueSoonDays} onChange={(e) => set({ dueSoonDays: e.target.value })} />
          </label>
        </fieldset>
        <fieldset>
          <legend>The client lifecycle</legend>
          <label className="inline">
            After a first sale, aim at the second: contact every (days)
            <input type="number" min={1} value={form.secondSaleDays} onChange={(e) => set({ secondSaleDays: e.target.value })} />
          </label>
          <label className="inline">
            … for this many days after the first sale
            <input type="number" min={1} value={form.secondSaleWindowDays} onChange={(e) => set({ secondSaleWindowDays: e.target.value })} />
          </label>
          <label className="inline">
            Flag a customer or client dormant after no sale for (months)
            <input type="number" min={1} max={120} value={form.dormantMonths} onChange={(e) => set({ dormantMonths: e.target.value })} />
          </label>
          <fieldset>
            <legend>What restarts the contact clock</legend>
            <label className="inline">
              <input type="radio" name="contact-clock" checked={form.contactClock === 'own'} onChange={() => set({ contactClock: 'own' })} />
              Your own contact only: emails you send, calls, meetings, letters, gifts, lunches, sales
            </label>
            <label className="inline">
              <input type="radio" name="contact-clock" checked={form.contactClock === 'any'} onChange={() => set({ contactClock: 'any' })} />
              Any touch, the client’s emails included
            </label>
          </fieldset>
          <Holidays holidays={form.holidays} onChange={(holidays) => set({ holidays })} />
        </fieldset>
        <fieldset>
          <legend>Answering emails</legend>
          <label className="inline">
            On time within (hours)
            <input type="number" min={1} value={form.replyOnTimeHours} onChange={(e) => set({ replyOnTimeHours: e.target.value })} />
          </label>
          <label className="inline">
            Late after (hours)
            <input type="number" min={1} value={form.replyLateHours} onChange={(e) => set({ replyLateHours: e.target.value })} />
          </label>
          <fieldset className="working-days">
            <legend>The 24 h / 48 h clock runs on</legend>
            <label className="inline">
              <input
                type="checkbox"
                checked={form.workingDaysOnly}
                onChange={(e) => set({ workingDaysOnly: e.target.checked })}
              />
              Working days only (off: every hour of every day counts)
            </label>
            {WEEK.map(([day, name]) => (
              <label key={day} className="inline">
                <input
                  type="checkbox"
                  disabled={!form.workingDaysOnly}
                  checked={form.workingDays.includes(day)}
                  onChange={(e) =>
                    set({ workingDays: e.target.checked ? [...form.workingDays, day] : form.workingDays.filter((d) => d !== day) })
                  }
                />
                {name}
              </label>
            ))}
            <p className="muted">
              An email that arrives on Friday evening is on time until Monday evening; one that arrives on a day off starts
              its clock on the next working day.
            </p>
          </fieldset>
          <label className="inline">
            Nudge when they have not answered after (days)
            <input type="number" min={1} value={form.nudgeAfterDays} onChange={(e) => set({ nudgeAfterDays: e.target.value })} />
          </label>
          <label className="inline">
            <input type="checkbox" checked={form.autoCapture} onChange={(e) => set({ autoCapture: e.target.checked })} />
            Record the emails of a tracked client’s open thread automatically
          </label>
        </fieldset>
        <fieldset>
          <legend>You</legend>
          <label>
            Your addresses (comma-separated)
            <input value={form.ownAddresses} onChange={(e) => set({ ownAddresses: e.target.value })} />
          </label>
          <LearnedAddresses />
          <label>
            Your name (for templates)
            <input value={form.myName} onChange={(e) => set({ myName: e.target.value })} maxLength={200} />
          </label>
          <label>
            Your signature
            <textarea rows={3} value={form.signature} onChange={(e) => set({ signature: e.target.value })} />
          </label>
        </fieldset>
        <button type="submit">Save settings</button>
        <Outcome message={status} keep />
      </form>
    </section>
  );
}
