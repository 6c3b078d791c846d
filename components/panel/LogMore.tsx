/**
 * The rest of "Log a touch", under "More…": a letter, a gift, a lunch and "asked for a
 * referral" in one click, a referral (who was referred, tracked as a client if wished) and
 * a 0-10 score with their forms. Loaded when the user opens "More…", so the side panel's
 * first load does not carry it.
 */
import { useState } from 'react';
import type { TouchKind, Touchpoint } from '@/lib/domain/model';
import { useLogReferral } from '@/lib/ui/referrals';
import { errorText } from '@/lib/ui/errors';

export interface LogApi {
  /** logs a touch of this kind at the date field's moment */
  write: (kind: TouchKind, extra?: { summary?: string; score?: number }) => Promise<boolean>;
  /** the date field's moment ({} for now), or null when it is refused (the reason is shown) */
  when: () => { at?: number } | null;
  done: (tp: Touchpoint) => void;
  fail: (text: string | null) => void;
}

const QUICK: [TouchKind, string][] = [['mail', 'Log letter'], ['gift', 'Log gift'], ['lunch', 'Log lunch'], ['referral-ask', 'Asked for a referral']];

export function LogMore({ clientId, clientName, api }: { clientId: number; clientName?: string; api: LogApi }) {
  const logReferral = useLogReferral();
  const [asking, setAsking] = useState<null | 'referral' | 'score'>(null);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [track, setTrack] = useState(true);
  const [score, setScore] = useState('');
  const [words, setWords] = useState('');
  const who = clientName ?? 'this client';

  const reset = () => {
    setAsking(null);
    setName('');
    setEmail('');
    setScore('');
    setWords('');
  };

  const referral = async () => {
    api.fail(null);
    const at = api.when();
    if (!at) return;
    try {
      const r = await logReferral.mutateAsync({ referrerId: clientId, name, email, track: track && !!email.trim(), ...at });
      reset();
      api.done(r.touchpoint);
    } catch (e) {
      api.fail(errorText(e));
    }
  };

  const ask = (what: 'referral' | 'score', label: string) => (
    <button type="button" aria-expanded={asking === what} onClick={() => setAsking(asking === what ? null : what)}>
      {label}
    </button>
  );

  return (
    <>
      <div className="log-buttons" role="group" aria-label="More to log">
        {QUICK.map(([kind, label]) => (
          <button key={kind} type="button" onClick={() => void api.write(kind)}>
            {label}
          </button>
        ))}
        {ask('referral', 'Log referral')}
        {ask('score', 'Log score')}
      </div>

      {asking === 'referral' ? (
        <form className="log-form" onSubmit={(e) => { e.preventDefault(); void referral(); }}>
          <label>
            Who did {who} refer? Name
            <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} autoFocus />
          </label>
          <label>
            Their email (optional)
            <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
          </label>
          <label className="check">
            <input type="checkbox" checked={track && !!email.trim()} disabled={!email.trim()} onChange={(e) => setTrack(e.target.checked)} />
            <span>Track them as a client, referred by {who}</span>
          </label>
          <button type="submit" disabled={!name.trim() && !email.trim()}>Save referral</button>
        </form>
      ) : null}

      {asking === 'score' ? (
        <form
          className="log-form"
          onSubmit={(e) => {
            e.preventDefault();
            const n = Number(score);
            if (score.trim() === '' || !Number.isInteger(n) || n < 0 || n > 10) {
              api.fail('Enter their score as a whole number from 0 to 10.');
              return;
            }
            void api.write('score', { score: n, summary: words }).then((ok) => ok && reset());
          }}
        >
          <label>
            Their answer to “How'm I doing?”, 0-10
            <input type="number" min={0} max={10} step={1} value={score} onChange={(e) => setScore(e.target.value)} required autoFocus />
          </label>
          <label>
            In their words (optional)
            <input value={words} onChange={(e) => setWords(e.target.value)} maxLength={500} />
          </label>
          <button type="submit">Save score</button>
        </form>
      ) : null}
    </>
  );
}
