/**
 * Shown under a follow-up whose preview has the "[your name]" gap: the user's name is set
 * once, here, where the gap is seen, instead of in the settings page they may never open.
 */
import { useState } from 'react';
import { useUpdateSettings } from '@/lib/ui/settings';
import { errorText } from '@/lib/ui/errors';

export function SignAs() {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const update = useUpdateSettings();
  return (
    <form
      className="sign-as"
      onSubmit={(e) => {
        e.preventDefault();
        if (!name.trim()) {
          setError('Type your name first.');
          return;
        }
        setError(null);
        update.mutate({ myName: name }, { onError: (err) => setError(errorText(err)) });
      }}
    >
      <label className="field-label" htmlFor="sign-as-name">
        Your name, to sign your emails
      </label>
      <div className="row">
        <input id="sign-as-name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" aria-describedby={error ? 'sign-as-error' : undefined} />
        <button type="submit" disabled={update.isPending}>
          Save
        </button>
      </div>
      {error ? (
        <p id="sign-as-error" className="error small" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
