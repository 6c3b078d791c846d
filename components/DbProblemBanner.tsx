/** Says, in words, when the database cannot be used right now (see lib/db/health.ts). */
import type Dexie from 'dexie';
import { useDbProblem } from '@/lib/ui/db-health';

export function DbProblemBanner({ database }: { database?: Dexie }) {
  const problem = useDbProblem(database);
  if (!problem) return null;
  return (
    <div role="alert" className="db-problem">
      {problem.message}{' '}
      {problem.kind === 'outdated' ? (
        <button type="button" className="link" onClick={() => location.reload()}>
          Reload
        </button>
      ) : null}
    </div>
  );
}
