/**
 * One-click logging. Call, meeting, email, letter, gift, lunch and "asked for a referral"
 * are written the moment they are clicked; a short summary can then be added. A note asks
 * for its text, a sale for its amount, a referral for who was referred and a score for the
 * client's 0-10 first, since none means anything without them. Every touch is dated by the
 * date field above the buttons: today (the time now) unless the user picks an earlier day
 * (noon of that day), so a call of last Tuesday can be logged today.
 */
import { useState } from 'react';
import type { TouchKind, Touchpoint } from '@/lib/domain/model';
import { useLogReferral, useLogTouchpoint, useUpdateTouchpoint } from '@/lib/ui/history';
import { errorText } from '@/lib/ui/errors';
import { KIND_LABEL, localDay } from './words';

type Asking = null | 'note' | 'sale' | 'referral' | 'score';

/** The buttons that log at once, the first row always shown, the rest under "More". */
const QUICK: [TouchKind, string][] = [['call', 'Log call'], ['meeting', 'Log meeting'], ['email-out', 'Log email']];
const MORE: [TouchKind, string][] = [['mail', 'Log letter'], ['gift', 'Log gift'], ['lunch', 'Log lunch'], ['referral-ask', 'Asked for a referral']];

/** The moment a touch is logged at: now for today, noon of an earlier day (undefined when the field is refused). */
function atOf(day: string, now: number): number | 'future' | undefined {
  if (!day || day === localDay(now)) return undefined;
  const [y, m, d] = day.split('-').map(Number);
  const at = new Date(y, m - 1, d, 12).getTime();
  return day > localDay(now) ? 'future' : at;
}

export function LogButtons({ clientId, clientName, onLogged }: { clientId: number; clientName?: string; onLogged?: (tp: Touchpoint) => void }) {
  const log = useLogTouchpoint();
  const logReferral = useLogReferral();
  const updateTp = useUpdateTouchpoint();
  const [asking, setAsking] = useState<Asking>(null);
  const [more, setMore] = useState(false);
  const [day, setDay] = useState(() => localDay(Date.now()));
  const [text, setText] = useState('');
  const [amount, setAmount] = useState('');
  const [email, setEmail] = useState('');
  const [track, setTrack] = useState(true);
  const [justLogged, setJustLogged] = useState<Touchpoint | null>(null);
  const [summary, setSummary] = useState('');
  const [error, setError] = useState<string | null>(null);

  const done = (tp: Touchpoint, askSummary: boolean) => {
    setAsking(null);
    setText('');
    setAmount('');
    setEmail('');
    setSummary('');
    setDay(localDay(Date.now()));
    setJustLogged(askSummary ? tp : null);
    onLogged?.(tp);
  };

  /** The date field's moment, or null (with the reason shown) when it is in the future. */
  const when = (): { at?: number } | null => {
    const at = atOf(day, Date.now());
    if (at === 'future') {
      setError('A touch cannot be dated in the future: pick today or an earlier day.');
      return null;
    }
    return at === undefined ? {} : { at };
  };

  const write = async (kind: TouchKind, extra: { summary?: string; amount?: number; score?: number } = {}) => {
    setError(null);
    const at = when();
    if (!at) return;
    try {
      done(await log.mutateAsync({ clientId, kind, ...at, ...extra }), !['note', 'score'].includes(kind));
    } catch (e) {
      setError(errorText(e));
    }
  };

  const referral = async () => {
    setError(null);
    const at = when();
    if (!at) return;
    try {
      const r = await logReferral.mutateAsync({ referrerId: clientId, name: text, email, track: track && !!email.trim(), ...at });
      done(r.touchpoint, false);
    } catch (e) {
      setError(errorText(e));
    }
  };

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

  const ask = (what: Exclude<Asking, null>, label: string) => (
    <button type="button" aria-expanded={asking === what} onClick={() => setAsking(asking === what ? null : what)}>
      {label}
    </button>
  );
  const quick = (list: [TouchKind, string][]) =>
    list.map(([kind, label]) => (
      <button key={kind} type="button" onClick={() => void write(kind)}>
        {label}
      </button>
    ));

  return (
    <section aria-label="Log a touch" className="log">
      <label className="field compact log-when">
        <span className="field-label">Date of the touch</span>
        <input type="date" value={day} max={localDay(Date.now())} onChange={(e) => setDay(e.target.value)} />
      </label>
      <div className="log-buttons">
        {quick(QUICK)}
        {ask('note', 'Log note')}
        {ask('sale', 'Log sale')}
        <button type="button" aria-expanded={more} onClick={() => setMore(!more)}>
          More…
        </button>
      </div>
      {more ? (
        <div className="log-buttons" role="group" aria-label="More to log">
          {quick(MORE)}
          {ask('referral', 'Log referral')}
          {ask('score', 'Log score')}
        </div>
      ) : null}

      {asking === 'note' ? (
        <form className="log-form" onSubmit={(e) => { e.preventDefault(); void write('note', { summary: text }); }}>
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

      {asking === 'referral' ? (
        <form className="log-form" onSubmit={(e) => { e.preventDefault(); void referral(); }}>
          <label>
            Who did {clientName ?? 'they'} refer? Name
            <input value={text} onChange={(e) => setText(e.target.value)} maxLength={200} autoFocus />
          </label>
          <label>
            Their email (optional)
            <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
          </label>
          <label className="check">
            <input type="checkbox" checked={track && !!email.trim()} disabled={!email.trim()} onChange={(e) => setTrack(e.target.checked)} />
            <span>Track them as a client, referred by {clientName ?? 'this client'}</span>
          </label>
          <button type="submit" disabled={!text.trim() && !email.trim()}>Save referral</button>
        </form>
      ) : null}

      {asking === 'score' ? (
        <form
          className="log-form"
          onSubmit={(e) => {
            e.preventDefault();
            const n = Number(amount);
            if (amount.trim() === '' || !Number.isInteger(n) || n < 0 || n > 10) {
              setError('Enter their score as a whole number from 0 to 10.');
              return;
            }
            void write('score', { score: n, summary: text });
          }}
        >
          <label>
            Their answer to “How'm I doing?”, 0-10
            <input type="number" min={0} max={10} step={1} value={amount} onChange={(e) => setAmount(e.target.value)} required autoFocus />
          </label>
          <label>
            In their words (optional)
            <input value={text} onChange={(e) => setText(e.target.value)} maxLength={500} />
          </label>
          <button type="submit">Save score</button>
        </form>
      ) : null}

      {justLogged ? (
        <form className="log-form" onSubmit={(e) => { e.preventDefault(); void saveSummary(); }}>
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
