/** The database's trouble, if any, for a banner (lib/db/health.ts says what each one means). */
import { useEffect, useState } from 'react';
import type Dexie from 'dexie';
import { db } from '../db/schema';
import { PRIVATE_WINDOW, watchDbHealth, type DbProblem } from '../db/health';

export type { DbProblem };

/**
 * A page of a private window (or of a Firefox that never remembers history): Firefox refuses
 * the extension's database there, so nothing is written (lib/ui/write.ts refuses first) and
 * the banner says why.
 */
export function isPrivateContext(): boolean {
  return typeof browser !== 'undefined' && (browser.extension as { inIncognitoContext?: boolean } | undefined)?.inIncognitoContext === true;
}

export function useDbProblem(database: Dexie = db): DbProblem | null {
  const [problem, setProblem] = useState<DbProblem | null>(() => (isPrivateContext() ? PRIVATE_WINDOW : null));
  // in a private context the database's failure to open says nothing new, and its cause
  // ("no history kept") would send the user to the wrong setting: the private message stays
  useEffect(() => (isPrivateContext() ? undefined : watchDbHealth(database, setProblem)), [database]);
  return problem;
}
