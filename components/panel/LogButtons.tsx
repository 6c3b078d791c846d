/**
 * One-click logging. Call, meeting and email are written the moment they are clicked,
 * with the time now; a short summary can then be added. A note asks for its text and a
 * sale for its amount first, since neither means anything without them.
 */
import { useState } from 'react';
import type { TouchKind, Touchpoint } from '@/lib/domain/model';
import { useLogTouchpoint, useUpdateTouchpoint } from '@/lib/ui/history';
import { errorText } from '@/lib/ui/errors';
import { KIND_LABEL } from './words';

type Asking = null | 'note' | 'sale';

export function LogButtons({ clientId, onLogged }: { clientId: number; onLogged?: (tp: Touchpoint) => void }) {
  const log = useLogTouchpoint();
  const updateTp = useUpdateTouchpoint();
  const [asking, setAsking] = useState<Asking>(null);
  const [text, setText] = useState('');
  const [amount, setAmount] = useState('');
  const [justLogged, setJustLogged] = useState<Touchpoint | null>(null);
  const [summary, setSummary] = useState('');
  const [error, setError] = useState<string | null>(null);

  const write = async (kind: TouchKind, extra: { summary?: string; amount?: number } = {}) => {
    setError(null);
    try {
      const tp = await log.mutateAsync({ clientId, kind, ...extra });
      setAsking(null);
      setText('');
      setAmount('');
      setSummary('');
      setJustLogged(kind === 'note' ? null : tp);
      onLogged?.(tp);
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

  return (
    <section aria-label="Log a touch" className="log">
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
      </div>

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
