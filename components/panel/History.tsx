/**
 * The client's history, newest first, grouped by month: one list item per touchpoint.
 * A wrong entry can be deleted, and the deletion undone (the record comes back with its
 * original id, which no other touchpoint is ever given). An entry still being saved (the
 * optimistic guess of lib/ui/history.ts) has no id yet and cannot be deleted.
 */
import { useState } from 'react';
import type { Touchpoint } from '@/lib/domain/model';
import { isTouchpointId } from '@/lib/domain/ids';
import { useDeleteTouchpoint, useHistory, useRestoreTouchpoint } from '@/lib/ui/history';
import { errorText } from '@/lib/ui/errors';
import { KindIcon } from './KindIcon';
import { KIND_LABEL, exactDate, money, monthYear, shortDate } from './words';

function groupByMonth(tps: Touchpoint[]): { month: string; items: Touchpoint[] }[] {
  const groups: { month: string; items: Touchpoint[] }[] = [];
  for (const t of tps) {
    const month = monthYear(t.at);
    const last = groups[groups.length - 1];
    if (last?.month === month) last.items.push(t);
    else groups.push({ month, items: [t] });
  }
  return groups;
}

export function History({ clientId }: { clientId: number }) {
  const { data: history = [], isLoading } = useHistory(clientId);
  const del = useDeleteTouchpoint();
  const restore = useRestoreTouchpoint();
  const [deleted, setDeleted] = useState<Touchpoint | null>(null);
  const [error, setError] = useState<string | null>(null);

  const remove = async (t: Touchpoint) => {
    setError(null);
    try {
      setDeleted(await del.mutateAsync({ clientId: t.clientId, id: t.id! }));
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <section aria-labelledby="history-heading" className="history">
      <h2 id="history-heading">History</h2>
      {deleted ? (
        <div role="status" className="undo">
          {KIND_LABEL[deleted.kind]} of {shortDate(deleted.at)} deleted.{' '}
          <button
            type="button"
            onClick={async () => {
              await restore.mutateAsync(deleted);
              setDeleted(null);
            }}
          >
            Undo
          </button>
        </div>
      ) : null}
      {error ? <p role="alert" className="error">{error}</p> : null}
      {isLoading ? <p className="muted">Loading…</p> : null}
      {!isLoading && history.length === 0 ? (
        <p className="muted">Nothing yet. Log a call or open one of their threads.</p>
      ) : null}
      {groupByMonth(history).map((g) => (
        <div key={g.month}>
          <h3 className="month">{g.month}</h3>
          <ul aria-label={`History, ${g.month}`} className="timeline">
            {g.items.map((t) => (
              <li key={t.id} className={`tp tp-${t.kind}`}>
                <KindIcon kind={t.kind} />
                <div className="tp-main">
                  <span className="tp-kind">{KIND_LABEL[t.kind]}</span>
                  {t.kind === 'sale' && t.amount !== undefined ? <span className="tp-amount"> {money(t.amount)}</span> : null}
                  {t.templateId !== undefined ? <span className="muted"> (from a template)</span> : null}
                  <time className="tp-date" dateTime={new Date(t.at).toISOString()} title={exactDate(t.at)}>
                    {shortDate(t.at)}
                  </time>
                  {t.subject ? <div className="tp-subject">{t.subject}</div> : null}
                  {t.summary ? <div className="tp-summary">{t.summary}</div> : null}
                </div>
                {isTouchpointId(t.id) ? (
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Delete ${KIND_LABEL[t.kind].toLowerCase()} of ${exactDate(t.at)}`}
                    title="Delete this entry"
                    onClick={() => void remove(t)}
                  >
                    ✕
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
