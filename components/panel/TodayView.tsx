/**
 * Today: the clients who need the user now, late replies first, then overdue (by how
 * overdue and how valuable), then due soon, then the dormant (no sale for a year: revive
 * them, mark them former, or not now), then birthdays and other dates this week.
 * Each row opens the client, where the follow-ups wait. A long section shows its first
 * rows (the most urgent: each section is already in order) and a button for the rest, so a
 * big book of clients keeps the panel short and quick to render.
 */
import { useState } from 'react';
import { TODAY_FIRST_ROWS, useToday, type TodayEntry } from '@/lib/ui/today';
import { usePanelStore } from '@/lib/ui/panel-store';
import { PickPerson } from './PickPerson';
import { DormantActions, NoReplyNeededButton, SnoozeMenu, UndoNoReply, type Marked } from './Triage';
import { daysWord } from './words';

function reason(section: string, e: TodayEntry): string {
  switch (section) {
    case 'late':
      return `Reply late: waiting ${e.amount >= 48 ? daysWord(Math.floor(e.amount / 24)) : `${e.amount} h`}`;
    case 'overdue':
      return `Overdue by ${daysWord(e.amount)}`;
    case 'soon':
      return e.amount === 0 ? 'Due today' : `Due in ${daysWord(e.amount)}`;
    case 'dormant':
      return `Dormant: no sale for ${e.amount} month${e.amount === 1 ? '' : 's'}`;
    default:
      return `${e.date?.label ?? 'Date'} ${e.amount === 0 ? 'today' : `in ${daysWord(e.amount)}`}`;
  }
}

interface SectionProps {
  id: string;
  title: string;
  entries: TodayEntry[];
  total: number;
  tone: string;
  expanded: boolean;
  onShowAll: () => void;
  now: number;
  onMarked: (m: Marked) => void;
  onError: (text: string) => void;
}

function Section({ id, title, entries, total, tone, expanded, onShowAll, now, onMarked, onError }: SectionProps) {
  const openClient = usePanelStore((s) => s.openClient);
  if (!total) return null;
  const shown = expanded ? entries : entries.slice(0, TODAY_FIRST_ROWS);
  return (
    <section aria-labelledby={`today-${id}`} className="today-section">
      <h3 id={`today-${id}`}>
        {title} <span className="count">({total})</span>
      </h3>
      <ul className="today-list">
        {shown.map((e, i) => (
          <li key={`${e.client.id}-${i}`} className={`today-row tone-${tone}`}>
            <div className="today-who">
              <span className="today-name">
                {e.client.name}
                {e.client.keyAccount ? <span title="Key account" aria-label="Key account"> ★</span> : null}
              </span>
              <span className="today-reason">{reason(id, e)}</span>
            </div>
            <div className="today-actions">
              <button type="button" onClick={() => openClient(e.client.id!)} aria-label={`Follow up with ${e.client.name}`}>
                Follow up
              </button>
              {id === 'late' ? <NoReplyNeededButton client={e.client} onMarked={onMarked} onError={onError} /> : null}
              {id === 'dormant' ? <DormantActions client={e.client} onError={onError} /> : null}
              {id !== 'dates' && id !== 'dormant' ? <SnoozeMenu client={e.client} now={now} /> : null}
            </div>
          </li>
        ))}
      </ul>
      {!expanded && total > shown.length ? (
        <button type="button" className="link" onClick={onShowAll} aria-label={`Show all ${total} ${title.toLowerCase()}`}>
          Show all {total}
        </button>
      ) : null}
    </section>
  );
}

export function TodayView({ now }: { now?: number }) {
  // sections the user opened in full; while none is, the query reads only the first rows
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [marked, setMarked] = useState<Marked | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { data, isLoading } = useToday(now, expanded.size ? undefined : TODAY_FIRST_ROWS);
  if (isLoading || !data) return <p className="muted">Loading…</p>;
  const t = data.totals;
  const total = t.lateReplies + t.overdue + t.dueSoon + t.dormant + t.dates;
  const section = (id: string, title: string, entries: TodayEntry[], count: number, tone: string) => (
    <Section
      id={id} title={title} entries={entries} total={count} tone={tone}
      expanded={expanded.has(id)} onShowAll={() => setExpanded(new Set([...expanded, id]))}
      now={now ?? Date.now()} onMarked={(m) => { setError(null); setMarked(m); }} onError={setError}
    />
  );
  return (
    <div className="today">
      <h2>Today</h2>
      {marked ? <UndoNoReply marked={marked} onDone={() => setMarked(null)} /> : null}
      {error ? <p role="alert" className="error">{error}</p> : null}
      {total === 0 ? <p className="empty">Nobody is waiting on you. Open a thread to see its client here.</p> : null}
      {section('late', 'Late replies', data.lateReplies, t.lateReplies, 'bad')}
      {section('overdue', 'Overdue', data.overdue, t.overdue, 'bad')}
      {section('soon', 'Due soon', data.dueSoon, t.dueSoon, 'warn')}
      {section('dormant', 'Dormant', data.dormant, t.dormant, 'warn')}
      {section('dates', 'Dates this week', data.dates, t.dates, 'good')}
      <PickPerson />
    </div>
  );
}
