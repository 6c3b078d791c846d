/**
 * Said plainly when the page could not be read: which lookups failed (never the page's
 * content), a way to choose the person by hand, and a layout report of the page to send us.
 */
import type { Person } from '@/lib/domain/model';
import { lazy, Suspense } from 'react';

// asked for only when a page was not understood: its code loads then, not with the panel
const LayoutReport = lazy(() => import('./LayoutReport').then((m) => ({ default: m.LayoutReport })));
import { PickPerson } from './PickPerson';

export function DetectionProblem({
  diagnostics,
  participants,
  tabId,
}: {
  diagnostics: string[];
  participants: Person[];
  tabId: number | null;
}) {
  return (
    <section aria-labelledby="detect-heading" className="problem">
      <h2 id="detect-heading">Who is this thread with?</h2>
      <p>
        Touchbase could not tell who the other person in this thread is. Choose them below; logging works
        the same.
      </p>
      {diagnostics.length ? (
        <details>
          <summary>What could not be found</summary>
          <ul>
            {diagnostics.map((d) => (
              <li key={d}>
                <code>{d}</code>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <PickPerson participants={participants} />
      <h3>Help us fix this</h3>
      <Suspense fallback={<p className="muted">Loading…</p>}>
        <LayoutReport tabId={tabId} />
      </Suspense>
    </section>
  );
}
