/**
 * Database troubles the user must hear about in words: no room left (quota), an upgrade
 * blocked by another Touchbase page still holding the old version, or this page's
 * connection closed because a newer version opened elsewhere. Every write is one
 * transaction, so in each case nothing is half-written: the message only has to say
 * what happened and what to do.
 */
import type Dexie from 'dexie';

export type DbProblemKind = 'quota' | 'blocked' | 'outdated' | 'failed';

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
  failed: 'The database could not be opened. Reload the page; if this goes on, restart the browser.',
};

function errorName(e: unknown): string {
  const err = e as { name?: string; inner?: { name?: string } } | null;
  return err?.inner?.name ?? err?.name ?? '';
}

/** The problem behind a failed database call, or null when it is an ordinary error. */
export function classifyDbError(e: unknown): DbProblem | null {
  const name = errorName(e);
  if (name === 'QuotaExceededError' || (e instanceof Error && /quota/i.test(e.message))) return { kind: 'quota', message: MESSAGES.quota };
  if (name === 'DatabaseClosedError' || name === 'VersionError') return { kind: 'outdated', message: MESSAGES.outdated };
  if (name === 'OpenFailedError') return { kind: 'failed', message: MESSAGES.failed };
  return null;
}

/** Calls back when another page blocks an upgrade or a newer version takes over. */
export function watchDbHealth(db: Dexie, onProblem: (p: DbProblem) => void): () => void {
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
    db.on('blocked').unsubscribe(blocked);
    db.on('versionchange').unsubscribe(versionchange);
  };
}
