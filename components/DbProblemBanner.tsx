/** Says, in words, when the database cannot be used right now (see lib/db/health.ts). */
import { useEffect, useState } from 'react';
import { db } from '@/lib/db/schema';
import { watchDbHealth, type DbProblem } from '@/lib/db/health';

export function DbProblemBanner() {
  const [problem, setProblem] = useState<DbProblem | null>(null);
  useEffect(() => watchDbHealth(db, setProblem), []);
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
