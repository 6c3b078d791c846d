/** The database's trouble, if any, for a banner (lib/db/health.ts says what each one means). */
import { useEffect, useState } from 'react';
import { db } from '../db/schema';
import { watchDbHealth, type DbProblem } from '../db/health';

export type { DbProblem };

export function useDbProblem(): DbProblem | null {
  const [problem, setProblem] = useState<DbProblem | null>(null);
  useEffect(() => watchDbHealth(db, setProblem), []);
  return problem;
}
