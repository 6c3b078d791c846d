/** The words a page shows for a failed read or write: the database's problem if it is one. */
import { classifyDbError } from '../db/health';

export function errorText(e: unknown): string {
  return classifyDbError(e)?.message ?? (e instanceof Error ? e.message : String(e));
}
