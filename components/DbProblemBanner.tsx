/** Says, in words, when the database cannot be used right now (see lib/db/health.ts). */
import { useDbProblem } from '@/lib/ui/db-health';

export function DbProblemBanner() {
  const problem = useDbProblem();
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
