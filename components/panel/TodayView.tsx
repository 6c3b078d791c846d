/**
 * Today: the clients who need the user now, late replies first, then overdue (by how
 * overdue and how valuable), then due soon, then birthdays and other dates this week.
 * Each row opens the client, where the follow-ups wait. A long section shows its first
 * rows (the most urgent: each section is already in order) and a button for the rest, so a
 * big book of clients keeps the panel short and quick to render.
 */
import { useState } from 'react';
import type { TodayEntry } from '@/lib/db/today';
import { useToday } from '@/lib/queries';
import { usePanelStore } from '@/lib/store';
import { PickPerson } from './PickPerson';
import { daysWord } from './words';

function reason(section: string, e: TodayEntry): string {
  switch (section) {
    case 'late':
      return `Reply late: waiting ${e.amount >= 48 ? daysWord(Math.floor(e.amount / 24)) : `${e.amount} h`}`;
    case 'overdue':
      return `Overdue by ${daysWord(e.amount)}`;
    case 'soon':
      return e.amount === 0 ? 'Due today' : `Due in ${daysWord(e.amount)}`;
    default:
      return `${e.date?.label ?? 'Date'} ${e.amount === 0 ? 'today' : `in ${daysWord(e.amount)}`}`;
  }
}

export const FIRST_ROWS = 10;

function Section({ id, title, entries, tone }: { id: string; title: string; entries: TodayEntry[]; tone: string }) {
  const openClient = usePanelStore((s) => s.openClient);
  const [all, setAll] = useState(false);
  if (!entries.length) return null;
  const shown = all ? entries : entries.slice(0, FIRST_ROWS);
  return (
    <section aria-labelledby={`today-${id}`} className="today-section">
      <h3 id={`today-${id}`}>
        {title} <span className="count">({entries.length})</span>
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
            <button type="button" onClick={() => openClient(e.client.id!)} aria-label={`Follow up with ${e.client.name}`}>
              Follow up
            </button>
          </li>
        ))}
      </ul>
      {shown.length < entries.length ? (
        <button type="button" className="link" onClick={() => setAll(true)} aria-label={`Show all ${entries.length} ${title.toLowerCase()}`}>
          Show all {entries.length}
        </button>
      ) : null}
    </section>
  );
}

export function TodayView({ now }: { now?: number }) {
  const { data, isLoading } = useToday(now);
  if (isLoading || !data) return <p className="muted">Loading…</p>;
  const total = data.lateReplies.length + data.overdue.length + data.dueSoon.length + data.dates.length;
  return (
    <div className="today">
      <h2>Today</h2>
      {total === 0 ? <p className="empty">Nobody is waiting on you. Open a thread to see its client here.</p> : null}
      <Section id="late" title="Late replies" entries={data.lateReplies} tone="bad" />
      <Section id="overdue" title="Overdue" entries={data.overdue} tone="bad" />
      <Section id="soon" title="Due soon" entries={data.dueSoon} tone="warn" />
      <Section id="dates" title="Dates this week" entries={data.dates} tone="good" />
      <PickPerson />
    </div>
  );
}
