/** Refused input: the message names the problem, and nothing was written. */
export class ValidationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ValidationError';
  }
}

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
