/**
 * Choosing the person by hand: from the thread's participants, from the clients (search
 * by name, company or address), or by typing an address. Used when detection failed and
 * from the Today view, so logging never depends on reading the page.
 */
import { useState } from 'react';
import { normalizeEmail, type Person } from '@/lib/domain/model';
import { useClientSearch } from '@/lib/ui/clients';
import { usePanelStore } from '@/lib/ui/panel-store';

export function PickPerson({ participants = [] }: { participants?: Person[] }) {
  const setManualEmail = usePanelStore((s) => s.setManualEmail);
  const openClient = usePanelStore((s) => s.openClient);
  const [q, setQ] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { data: matches = [] } = useClientSearch(q);

  return (
    <div className="pick">
      {participants.length ? (
        <div className="row wrap">
          <span className="muted">People in this thread:</span>
          {participants.map((p) => (
            <button key={p.email} type="button" onClick={() => setManualEmail(p.email)}>
              {p.name ? `${p.name} (${p.email})` : p.email}
            </button>
          ))}
        </div>
      ) : null}
      <form
        className="row"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          const email = normalizeEmail(q);
          if (email) {
            setError(null);
            setManualEmail(email);
          } else if (matches[0]) {
            openClient(matches[0].id!);
          } else {
            setError(`"${q.slice(0, 80)}" is not an email address, and no client matches it.`);
          }
        }}
      >
        <label className="field grow">
          <span className="field-label">Find a client or type an address</span>
          <input value={q} onChange={(e) => setQ(e.target.value)} placeholder="name, company or email" />
        </label>
        <button type="submit">Go</button>
      </form>
      {matches.length ? (
        <ul className="matches" aria-label="Matching clients">
          {matches.map((c) => (
            <li key={c.id}>
              <button type="button" className="link" onClick={() => openClient(c.id!)}>
                {c.name} <span className="muted">{c.company ?? c.emails[0]}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {error ? <p role="alert" className="error">{error}</p> : null}
    </div>
  );
}
