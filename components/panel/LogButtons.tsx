/**
 * One-click logging. Call, meeting and email are written the moment they are clicked; a
 * short summary can then be added. A note asks for its text and a sale for its amount
 * first, since neither means anything without them. "More…" opens the rest (./LogMore.tsx:
 * letter, gift, lunch, asked for a referral, a referral, a 0-10 score), loaded then.
 * Every touch is dated by the date field above the buttons: today (the time now) unless
 * the user picks an earlier day (noon of that day), so a call of last Tuesday can be
 * logged today; a day to come is refused.
 */
import { lazy, Suspense, useState } from 'react';
import type { TouchKind, Touchpoint } from '@/lib/domain/model';
import { useLogTouchpoint, useUpdateTouchpoint } from '@/lib/ui/history';
import { errorText } from '@/lib/ui/errors';
import { KIND_LABEL, localDay } from './words';
import type { LogApi } from './LogMore';

const LogMore = lazy(() => import('./LogMore').then((m) => ({ default: m.LogMore })));

type Asking = null | 'note' | 'sale';

/** Kinds that mean nothing more with a summary asked after them. */
const NO_SUMMARY: TouchKind[] = ['note', 'score', 'referral'];

export function LogButtons({ clientId, clientName, onLogged }: { clientId: number; clientName?: string; onLogged?: (tp: Touchpoint) => void }) {
  const log = useLogTouchpoint();
  const updateTp = useUpdateTouchpoint();
  const [asking, setAsking] = useState<Asking>(null);
  const [more, setMore] = useState(false);
  const [day, setDay] = useState(() => localDay(Date.now()));
  const [text, setText] = useState('');
  const [amount, setAmount] = useState('');
  const [justLogged, setJustLogged] = useState<Touchpoint | null>(null);
  const [summary, setSummary] = useState('');
  const [error, setError] = useState<string | null>(null);

  const done = (tp: Touchpoint) => {
    setAsking(null);
    setText('');
    setAmount('');
    setSummary('');
    setDay(localDay(Date.now()));
    setJustLogged(NO_SUMMARY.includes(tp.kind) ? null : tp);
    onLogged?.(tp);
  };

  /** The date field's moment: {} for today (now), noon of an earlier day; null for a day to come. */
  const when = (): { at?: number } | null => {
    const today = localDay(Date.now());
    if (!day || day === today) return {};
    if (day > today) {
      setError('A touch cannot be dated in the future: pick today or an earlier day.');
      return null;
    }
    const [y, m, d] = day.split('-').map(Number);
    return { at: new Date(y, m - 1, d, 12).getTime() };
  };

  const write = async (kind: TouchKind, extra: { summary?: string; amount?: number; score?: number } = {}) => {
    setError(null);
    const at = when();
    if (!at) return false;
    try {
      done(await log.mutateAsync({ clientId, kind, ...at, ...extra }));
      return true;
    } catch (e) {
      setError(errorText(e));
      return false;
    }
  };

  const api: LogApi = { write, when, done, fail: setError };

  const saveSummary = async () => {
    if (!justLogged?.id || !summary.trim()) return;
    try {
      await updateTp.mutateAsync({ ref: { clientId: justLogged.clientId, id: justLogged.id }, patch: { summary } });
      setJustLogged(null);
      setSummary('');
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <section aria-label="Log a touch" className="log">
      <label className="field compact log-when">
        <span className="field-label">Date of the touch</span>
        <input type="date" value={day} max={localDay(Date.now())} onChange={(e) => setDay(e.target.value)} />
      </label>
      <div className="log-buttons">
        <button type="button" onClick={() => void write('call')}>Log call</button>
        <button type="button" onClick={() => void write('meeting')}>Log meeting</button>
        <button type="button" onClick={() => void write('email-out')}>Log email</button>
        <button type="button" aria-expanded={asking === 'note'} onClick={() => setAsking(asking === 'note' ? null : 'note')}>
          Log note
        </button>
        <button type="button" aria-expanded={asking === 'sale'} onClick={() => setAsking(asking === 'sale' ? null : 'sale')}>
          Log sale
        </button>
        <button type="button" aria-expanded={more} onClick={() => setMore(!more)}>
          More…
        </button>
      </div>
      {more ? (
        <Suspense fallback={<p className="muted">Loading…</p>}>
          <LogMore clientId={clientId} clientName={clientName} api={api} />
        </Suspense>
      ) : null}

      {asking === 'note' ? (
        <form
          className="log-form"
          onSubmit={(e) => {
            e.preventDefault();
            void write('note', { summary: text });
          }}
        >
          <label>
            Note text
            <textarea value={text} onChange={(e) => setText(e.target.value)} rows={3} required autoFocus />
          </label>
          <button type="submit" disabled={!text.trim()}>Save note</button>
        </form>
      ) : null}

      {asking === 'sale' ? (
        <form
          className="log-form"
          onSubmit={(e) => {
            e.preventDefault();
            const n = Number(amount.replace(',', '.'));
            if (amount.trim() === '' || !Number.isFinite(n)) {
              setError('Enter the amount of the sale as a number.');
              return;
            }
            void write('sale', { amount: n });
          }}
        >
          <label>
            Sale amount
            <input inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} required autoFocus />
          </label>
          <button type="submit">Save sale</button>
        </form>
      ) : null}

      {justLogged ? (
        <form
          className="log-form"
          onSubmit={(e) => {
            e.preventDefault();
            void saveSummary();
          }}
        >
          <p role="status" className="muted">
            {KIND_LABEL[justLogged.kind]} logged.
          </p>
          <label>
            Add a short summary (optional)
            <input value={summary} onChange={(e) => setSummary(e.target.value)} maxLength={500} />
          </label>
          <div className="row">
            <button type="submit" disabled={!summary.trim()}>Save summary</button>
            <button type="button" className="link" onClick={() => setJustLogged(null)}>Done</button>
          </div>
        </form>
      ) : null}

      {error ? <p role="alert" className="error">{error}</p> : null}
    </section>
  );
}
