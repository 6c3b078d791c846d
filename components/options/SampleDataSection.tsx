/**
 * For a first look: fills an empty database with a few sample clients. Shown only while
 * the database is empty, so it can never mix with real data.
 */
import { useState } from 'react';
import { useClientCount } from '@/lib/ui/clients';
import { useLoadSampleData } from '@/lib/ui/sample';
import { errorText } from '@/lib/ui/errors';

export function SampleDataSection() {
  const { data: count } = useClientCount();
  const load = useLoadSampleData();
  const [error, setError] = useState<string | null>(null);
  if (count !== 0) return null;
  return (
    <section aria-labelledby="sample-heading" className="options-section">
      <h2 id="sample-heading">Try it with sample clients</h2>
      <p className="muted">Your database is empty. Load eight sample clients to see how Touchbase works; delete them any time.</p>
      <button
        type="button"
        onClick={async () => {
          try {
            await load.mutateAsync();
          } catch (e) {
            setError(errorText(e));
          }
        }}
      >
        Load sample data
      </button>
      {error ? <p role="alert" className="error">{error}</p> : null}
    </section>
  );
}
