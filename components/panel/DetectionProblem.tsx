/**
 * Said plainly when the page could not be read: which lookups failed (never the page's
 * content), and a way to choose the person by hand.
 */
import type { Person } from '@/lib/domain/model';
import { PickPerson } from './PickPerson';

export function DetectionProblem({ diagnostics, participants }: { diagnostics: string[]; participants: Person[] }) {
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
    </section>
  );
}
