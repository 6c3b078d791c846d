/**
 * One-click triage of a client who needs the user: "No reply needed" for an email that
 * wants no answer (undoable, and no touch is invented), and "Snooze" for a day, a week, a
 * month or until a picked day. Used beside the panel's reply status and on every row of
 * Today, so the badge can be made right in one click both ways.
 */
import { useState } from 'react';
import type { Client, TouchpointRef } from '@/lib/domain/model';
import { SNOOZE_CHOICES, snoozeEnd, snoozeUntilDay, type SnoozeChoice } from '@/lib/domain/snooze';
import { useMarkFormer, useNoReplyNeeded, useSnooze, useSnoozeDormant, useUndoNoReplyNeeded } from '@/lib/ui/triage';
import { errorText } from '@/lib/ui/errors';
import { localDay, shortDate } from './words';

/** What was just marked "no reply needed", so it can be undone. */
export interface Marked {
  name: string;
  refs: TouchpointRef[];
}

export function NoReplyNeededButton({ client, onMarked, onError }: {
  client: Pick<Client, 'id' | 'name'>;
  onMarked: (m: Marked) => void;
  onError: (text: string) => void;
}) {
  const mark = useNoReplyNeeded();
  return (
    <button
      type="button"
      disabled={mark.isPending}
      aria-label={`No reply needed for ${client.name}`}
      title="Their email needs no answer: it stops waiting, without logging a touch"
      onClick={async () => {
        try {
          onMarked({ name: client.name, refs: await mark.mutateAsync(client.id!) });
        } catch (e) {
          onError(errorText(e));
        }
      }}
    >
      No reply needed
    </button>
  );
}

/** "Dana: no reply needed. Undo" */
export function UndoNoReply({ marked, onDone }: { marked: Marked; onDone: () => void }) {
  const undo = useUndoNoReplyNeeded();
  return (
    <p role="status" className="undo">
      {marked.refs.length ? `${marked.name}: no reply needed.` : `${marked.name} had no email waiting.`}{' '}
      {marked.refs.length ? (
        <button
          type="button"
          onClick={async () => {
            await undo.mutateAsync(marked.refs);
            onDone();
          }}
        >
          Undo
        </button>
      ) : null}
    </p>
  );
}

export function SnoozeMenu({ client, now }: { client: Pick<Client, 'id' | 'name' | 'snoozedUntil'>; now: number }) {
  const snooze = useSnooze();
  const [day, setDay] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const run = async (until: () => number | null) => {
    setError(null);
    try {
      await snooze.mutateAsync({ clientId: client.id!, until: until() });
      setOpen(false);
    } catch (e) {
      setError(errorText(e));
    }
  };
  if (client.snoozedUntil !== undefined && client.snoozedUntil > now) {
    return (
      <span className="snoozed">
        Snoozed until {shortDate(client.snoozedUntil)}{' '}
        <button type="button" className="link" aria-label={`Wake ${client.name} now`} onClick={() => void run(() => null)}>
          Wake now
        </button>
        {error ? <span role="alert" className="error"> {error}</span> : null}
      </span>
    );
  }
  return (
    <details className="snooze" open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary aria-label={`Snooze ${client.name}`}>Snooze</summary>
      <div className="snooze-menu" role="group" aria-label={`Snooze ${client.name} for`}>
        {SNOOZE_CHOICES.map(({ choice, label }) => (
          <button key={choice} type="button" aria-label={`Snooze ${client.name} for ${label}`} onClick={() => void run(() => snoozeEnd(choice as SnoozeChoice, Date.now()))}>
            {label}
          </button>
        ))}
        <label className="inline">
          Until
          <input type="date" value={day} min={localDay(now)} onChange={(e) => setDay(e.target.value)} aria-label={`Snooze ${client.name} until`} />
        </label>
        <button type="button" disabled={!day} onClick={() => void run(() => snoozeUntilDay(day, Date.now()))}>
          Snooze until then
        </button>
      </div>
      {error ? <p role="alert" className="error">{error}</p> : null}
    </details>
  );
}

/** A dormant client's two ways out, in one click each: mark them former, or not now (the flag snoozed three months). */
export function DormantActions({ client, onError }: { client: Pick<Client, 'id' | 'name'>; onError: (text: string) => void }) {
  const former = useMarkFormer();
  const snooze = useSnoozeDormant();
  const run = (w: typeof former) => w.mutateAsync(client.id!).catch((e: unknown) => onError(errorText(e)));
  return (
    <>
      <button type="button" aria-label={`Mark ${client.name} as a former client`} onClick={() => void run(former)}>
        Mark former
      </button>
      <button type="button" aria-label={`Not now: hide ${client.name}'s dormant flag for three months`} onClick={() => void run(snooze)}>
        Not now
      </button>
    </>
  );
}
