/**
 * Database troubles the user must hear about in words: no room left (quota), an upgrade
 * blocked by another Touchbase page still holding the old version, or this page's
 * connection closed because a newer version opened elsewhere. Every write is one
 * transaction, so in each case nothing is half-written: the message only has to say
 * what happened and what to do.
 */
import type Dexie from 'dexie';

export type DbProblemKind = 'quota' | 'blocked' | 'outdated' | 'failed' | 'unavailable' | 'private';

export interface DbProblem {
  kind: DbProblemKind;
  message: string;
}

const MESSAGES: Record<DbProblemKind, string> = {
  quota:
    'Your browser has no room left for Touchbase’s data, so nothing was saved. Free some disk space (or site data), then try again.',
  blocked:
    'Touchbase is updating its database, but another Touchbase page still has the old one open. Close the other Touchbase tabs or panels; nothing has been lost.',
  outdated: 'Touchbase was updated in another tab. Reload this page to go on; nothing has been lost.',
  failed: 'The database could not be opened. Reload the page; if this goes on, restart the browser. Nothing saved before is lost.',
  unavailable:
    'Your browser does not let extensions keep data right now (in Firefox: Settings, Privacy, History set to “Never remember history”), so Touchbase can neither show nor save your clients. Let the browser remember history, then reload; nothing saved before is lost.',
  // Firefox 153, checked in tests/e2e/firefox/private.e2e.ts: an extension page in a private
  // window (and every page when Firefox never remembers history) gets a database that
  // refuses even to open, so the clients can be neither shown nor saved there
  private:
    'This is a private window, or Firefox is set to never remember history: Firefox keeps an extension’s saved data out of private browsing, so Touchbase can neither show nor save your clients here. Use Touchbase in a normal window; if every window is private, set Settings, Privacy & Security, History to “Remember history”. Nothing saved before is lost.',
};

/** The problem of a private window, said before anything is written there. */
export const PRIVATE_WINDOW: DbProblem = { kind: 'private', message: MESSAGES.private };

function errorName(e: unknown): string {
  const err = e as { name?: string; inner?: { name?: string } } | null;
  return err?.inner?.name ?? err?.name ?? '';
}

/** The problem behind a failed database call, or null when it is an ordinary error. */
export function classifyDbError(e: unknown): DbProblem | null {
  const name = errorName(e);
  if (name === 'QuotaExceededError' || (e instanceof Error && /quota/i.test(e.message))) return { kind: 'quota', message: MESSAGES.quota };
  if (name === 'DatabaseClosedError' || name === 'VersionError') return { kind: 'outdated', message: MESSAGES.outdated };
  // Firefox without history: IndexedDB refuses every extension ("did not allow mutations")
  if (name === 'InvalidStateError' || name === 'MissingAPIError' || (e instanceof Error && /did not allow mutations|indexedDB.*(not|un)available/i.test(e.message)))
    return { kind: 'unavailable', message: MESSAGES.unavailable };
  if (name === 'OpenFailedError') return { kind: 'failed', message: MESSAGES.failed };
  return null;
}

/**
 * Calls back when the database cannot be opened (never an endless "Loading"), when another
 * page blocks an upgrade, or when a newer version takes over.
 */
export function watchDbHealth(db: Dexie, onProblem: (p: DbProblem) => void): () => void {
  let alive = true;
  db.open().catch((e: unknown) => {
    if (alive) onProblem(classifyDbError(e) ?? { kind: 'failed', message: MESSAGES.failed });
  });
  const blocked = () => onProblem({ kind: 'blocked', message: MESSAGES.blocked });
  const versionchange = () => {
    // let the newer version open; this page must reload to use it
    db.close();
    onProblem({ kind: 'outdated', message: MESSAGES.outdated });
    return false;
  };
  db.on('blocked', blocked);
  db.on('versionchange', versionchange);
  return () => {
    alive = false;
    db.on('blocked').unsubscribe(blocked);
    db.on('versionchange').unsubscribe(versionchange);
  };
}
