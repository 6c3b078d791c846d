/**
 * The person beside the open thread (or opened from Today / picked by hand): who they
 * are, their status, one-click logging, follow-ups, the card and the history. When the
 * person is not a client yet, one click tracks them with name, address and company
 * pre-filled.
 */
import { lazy, Suspense, useState } from 'react';
import type { Client, Person, Settings } from '@/lib/domain/model';
import { companyFromEmail } from '@/lib/domain/clients';
import { isOverdue } from '@/lib/domain/overdue';
import { cadenceStatus } from '@/lib/domain/cadence';
import { isDormant } from '@/lib/domain/dormant';
import { outsideParticipants, threadReplyStatus } from '@/lib/domain/thread';
import { ownAddressesOf } from '@/lib/domain/settings';
import { useChangedElsewhere, useTrackClient } from '@/lib/ui/clients';
import { useHistory } from '@/lib/ui/history';
import { usePanelStore } from '@/lib/ui/panel-store';
import type { TabThread } from '@/lib/ui/tab';
import { errorText } from '@/lib/ui/errors';
import { FollowUps } from './FollowUps';
import { History } from './History';
import { LogButtons } from './LogButtons';
import { StatusSummary } from './StatusSummary';
import { DormantActions, NoReplyNeededButton, SnoozeMenu, UndoNoReply, type Marked } from './Triage';
import { STAGE_LABEL, ago, money } from './words';

/** The card is read and edited when the user opens it: loaded then, not with the panel. */
const ClientCard = lazy(() => import('./ClientCard').then((m) => ({ default: m.ClientCard })));

function PersonHeader({ person, client }: { person: Person; client?: Client | null }) {
  const company = client?.company ?? companyFromEmail(person.email);
  const { data: elsewhere } = useChangedElsewhere(client?.id);
  return (
    <header className="person">
      <h2 className="person-name">
        {client?.name ?? person.name ?? person.email}
        {client?.keyAccount ? (
          <span className="key" title="Key account">
            {' '}
            <span aria-hidden="true">★</span>
            <span className="sr-only">Key account</span>
          </span>
        ) : null}
      </h2>
      <p className="person-meta">
        <span>{person.email}</span>
        {company ? <span> · {company}</span> : null}
        {client ? <span className={`stage stage-${client.stage}`}> · {STAGE_LABEL[client.stage]}</span> : null}
        {client && client.lifetimeValue > 0 ? <span> · {money(client.lifetimeValue)}</span> : null}
      </p>
      {elsewhere ? (
        <p className="muted synced">Changed on another device {ago(elsewhere, Date.now())}</p>
      ) : null}
      {client?.tags.length ? (
        <p className="tags" aria-label="Tags">
          {client.tags.map((t) => (
            <span key={t} className="tag">
              {t}
            </span>
          ))}
        </p>
      ) : null}
    </header>
  );
}

function TrackAsClient({ person, tabId }: { person: Person; tabId: number | null }) {
  const track = useTrackClient(tabId);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="track">
      <p>Not a client yet.</p>
      <button
        type="button"
        className="primary"
        disabled={track.isPending}
        onClick={async () => {
          setError(null);
          try {
            await track.mutateAsync({ name: person.name ?? '', emails: [person.email] });
          } catch (e) {
            setError(errorText(e));
          }
        }}
      >
        Track as client
      </button>
      {error ? <p role="alert" className="error">{error}</p> : null}
    </div>
  );
}

export function PersonView(props: {
  person: Person;
  client: Client | null | undefined;
  thread: TabThread | null;
  tabId: number | null;
  settings: Settings;
  now: number;
}) {
  const { person, client, thread, tabId, settings, now } = props;
  const { data: history = [] } = useHistory(client?.id);
  const snapshot = thread?.snapshot;
  const participants = outsideParticipants(snapshot, ownAddressesOf(settings));
  const selectEmail = usePanelStore((s) => s.selectEmail);
  const reply = threadReplyStatus(person.email, snapshot, history, now, settings);
  const inThread = participants.some((p) => p.email === person.email);
  // a client opened from Today or by hand shows their reply status from their history
  const shownReply = inThread || client ? reply : ({ state: 'none' } as const);
  const waiting = shownReply.state === 'awaiting-you';
  const [marked, setMarked] = useState<Marked | null>(null);
  const [cardOpen, setCardOpen] = useState(false);
  const [triageError, setTriageError] = useState<string | null>(null);

  return (
    <div className="person-view">
      {participants.length > 1 && inThread ? (
        <label className="field">
          <span className="field-label">Person in this thread</span>
          <select value={person.email} onChange={(e) => selectEmail(e.target.value)}>
            {participants.map((p) => (
              <option key={p.email} value={p.email}>
                {p.name ? `${p.name} <${p.email}>` : p.email}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <PersonHeader person={person} client={client} />
      <StatusSummary client={client} reply={shownReply} now={now} settings={settings} />
      {client ? (
        <>
          <div className="triage" role="group" aria-label="Triage">
            {waiting ? (
              <NoReplyNeededButton
                client={client}
                onMarked={(m) => { setTriageError(null); setMarked(m); }}
                onError={setTriageError}
              />
            ) : null}
            <SnoozeMenu client={client} now={now} />
            {isDormant(client, now) ? <DormantActions client={client} onError={setTriageError} /> : null}
          </div>
          {marked ? <UndoNoReply marked={marked} onDone={() => setMarked(null)} /> : null}
          {triageError ? <p role="alert" className="error">{triageError}</p> : null}
          <LogButtons clientId={client.id!} clientName={client.name} />
          <FollowUps
            client={client}
            email={person.email}
            personName={person.name}
            subject={inThread ? snapshot?.subject : undefined}
            history={history}
            provider={snapshot?.provider}
            pageUrl={thread?.url}
            tabId={tabId}
            settings={settings}
            now={now}
            replyLate={reply.state === 'awaiting-you' && reply.level === 'late'}
            awaitingReply={reply.state === 'awaiting-you'}
            overdue={isOverdue(client, now, settings)}
            dueSoon={cadenceStatus(client, now, settings)?.state === 'due-soon'}
          />
          <History clientId={client.id!} />
          <details className="card-details" onToggle={(e) => setCardOpen(e.currentTarget.open)}>
            <summary>Client card: stage, value, cadence, notes, dates</summary>
            {cardOpen ? (
              <Suspense fallback={<p className="muted">Loading…</p>}>
                <ClientCard client={client} settings={settings} />
              </Suspense>
            ) : null}
          </details>
        </>
      ) : client === null ? (
        <TrackAsClient person={person} tabId={tabId} />
      ) : (
        <p className="muted">Loading…</p>
      )}
    </div>
  );
}
