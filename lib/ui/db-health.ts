/** The database's trouble, if any, for a banner (lib/db/health.ts says what each one means). */
import { useEffect, useState } from 'react';
import type Dexie from 'dexie';
import { db } from '../db/schema';
import { PRIVATE_WINDOW, watchDbHealth, type DbProblem } from '../db/health';

export type { DbProblem };

/**
 * A page of a private window: Firefox gives it a database of its own that vanishes with the
 * window, so nothing is written there (lib/ui/write.ts refuses) and the banner says why.
 */
export function isPrivateContext(): boolean {
  return typeof browser !== 'undefined' && (browser.extension as { inIncognitoContext?: boolean } | undefined)?.inIncognitoContext === true;
}

export function useDbProblem(database: Dexie = db): DbProblem | null {
  const [problem, setProblem] = useState<DbProblem | null>(() => (isPrivateContext() ? PRIVATE_WINDOW : null));
  useEffect(() => watchDbHealth(database, setProblem), [database]);
  return problem;
}
