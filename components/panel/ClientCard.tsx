/**
 * The client card: every field edits in place and is saved at once (on change for
 * choices, on leaving the field for text). A refused value is explained beside the
 * card and the stored value comes back; nothing is half-saved.
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { Client, ImportantDate, Settings, Stage } from '@/lib/domain/model';
import { STAGES } from '@/lib/domain/model';
import { effectiveCadenceDays } from '@/lib/domain/cadence';
import { stageFromSales } from '@/lib/domain/stage';
import type { ClientPatch } from '@/lib/domain/clients';
import { useClient, useUpdateClient } from '@/lib/ui/clients';
import { errorText } from '@/lib/ui/errors';
import { STAGE_LABEL, dayOfMonth, localDay, money } from './words';

function TextField(props: {
  label: string;
  value: string;
  onSave: (v: string) => void;
  multiline?: boolean;
  placeholder?: string;
  type?: string;
  children?: ReactNode;
}) {
  const [v, setV] = useState(props.value);
  useEffect(() => setV(props.value), [props.value]);
  const save = () => {
    if (v !== props.value) props.onSave(v);
  };
  const common = {
    value: v,
    placeholder: props.placeholder,
    onChange: (e: { target: { value: string } }) => setV(e.target.value),
    onBlur: save,
  };
  return (
    <label className="field">
      <span className="field-label">{props.label}</span>
      {props.multiline ? (
        <textarea rows={3} {...common} />
      ) : (
        <input
          type={props.type ?? 'text'}
          {...common}
          onKeyDown={(e) => {
            if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
            if (e.key === 'Escape') setV(props.value);
          }}
        />
      )}
    </label>
  );
}

function ImportantDates({ dates, onSave }: { dates: ImportantDate[]; onSave: (d: ImportantDate[]) => void }) {
  const [label, setLabel] = useState('Birthday');
  const [date, setDate] = useState('');
  return (
    <fieldset className="dates">
      <legend>Important dates</legend>
      {dates.length ? (
        <ul>
          {dates.map((d, i) => (
            <li key={`${d.label}-${i}`}>
              {d.label}: {dayOfMonth(d.month, d.day)}
              {d.year ? ` ${d.year}` : ''}{' '}
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove ${d.label}`}
                onClick={() => onSave(dates.filter((_, j) => j !== i))}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="row">
        <label className="field compact">
          <span className="field-label">Date name</span>
          <input value={label} onChange={(e) => setLabel(e.target.value)} maxLength={60} />
        </label>
        <label className="field compact">
          <span className="field-label">Date</span>
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
        <button
          type="button"
          disabled={!date || !label.trim()}
          onClick={() => {
            const [y, m, d] = date.split('-').map(Number);
            onSave([...dates, { label: label.trim(), month: m, day: d, ...(y && y > 1900 ? { year: y } : {}) }]);
            setDate('');
          }}
        >
          Add date
        </button>
      </div>
    </fieldset>
  );
}

export function ClientCard({ client, settings }: { client: Client; settings: Settings }) {
  const update = useUpdateClient();
  const [error, setError] = useState<string | null>(null);
  const save = async (patch: ClientPatch) => {
    setError(null);
    try {
      await update.mutateAsync({ id: client.id!, patch });
    } catch (e) {
      setError(errorText(e));
    }
  };
  const autoStage = stageFromSales(client.saleCount);
  const { data: referrer } = useClient(client.referredBy ?? null);
  const defaultCadence = effectiveCadenceDays(client.stage, settings, undefined, client.keyAccount);

  return (
    <section aria-label="Client card" className="card">
      <div className="card-grid">
        <TextField label="Name" value={client.name} onSave={(name) => void save({ name })} />
        <TextField label="Company" value={client.company ?? ''} onSave={(company) => void save({ company })} />
        <label className="field">
          <span className="field-label">Stage</span>
          <select
            value={client.stageOverride ?? ''}
            onChange={(e) => void save({ stageOverride: (e.target.value || null) as Stage | null })}
          >
            <option value="">Automatic: {STAGE_LABEL[autoStage]} ({client.saleCount} sale{client.saleCount === 1 ? '' : 's'})</option>
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {STAGE_LABEL[s]}
              </option>
            ))}
          </select>
        </label>
        <div className="field">
          <span className="field-label">Lifetime value</span>
          <span className="value" data-testid="lifetime-value">{money(client.lifetimeValue)}</span>
        </div>
        <TextField
          label="Contact every (days)"
          type="number"
          value={client.cadenceDays === undefined ? '' : String(client.cadenceDays)}
          placeholder={`${defaultCadence} (default)`}
          onSave={(v) => void save({ cadenceDays: v.trim() === '' ? null : Number(v) })}
        />
        <label className="field">
          <span className="field-label">Snooze until</span>
          <span className="row">
            <input
              type="date"
              value={client.snoozedUntil ? localDay(client.snoozedUntil) : ''}
              onChange={(e) => {
                const [y, m, d] = e.target.value.split('-').map(Number);
                void save({ snoozedUntil: e.target.value ? new Date(y, m - 1, d, 23, 59, 59).getTime() : null });
              }}
            />
          </span>
        </label>
      </div>
      <label className="check">
        <input type="checkbox" checked={!!client.keyAccount} onChange={(e) => void save({ keyAccount: e.target.checked })} />
        <span>Key account</span>
      </label>
      <TextField
        label="Tags (comma-separated)"
        value={client.tags.join(', ')}
        onSave={(v) => void save({ tags: v.split(',').map((t) => t.trim()).filter(Boolean) })}
      />
      <TextField label="Notes" multiline value={client.notes} onSave={(notes) => void save({ notes })} />
      <ImportantDates dates={client.importantDates} onSave={(importantDates) => void save({ importantDates })} />
      {referrer ? <p className="small" data-testid="referred-by">Referred by {referrer.name}</p> : null}
      <p className="muted small">Addresses: {client.emails.join(', ')}</p>
      {error ? <p role="alert" className="error">Not saved: {error}</p> : null}
    </section>
  );
}
