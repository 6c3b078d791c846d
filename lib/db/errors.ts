/**
 * The repository's errors. Refused input is the domain's ValidationError (lib/domain/validate.ts),
 * re-exported so a caller of lib/db finds both here.
 */
export { ValidationError } from '../domain/validate';

/**
 * A record the caller referred to does not exist; nothing was written.
 * Its `name` is not "NotFoundError": Dexie would take that for IndexedDB's own error of
 * that name and wrap it in its own class when it leaves a transaction.
 */
export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RecordNotFoundError';
  }
}
