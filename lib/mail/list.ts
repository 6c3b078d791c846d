/**
 * What the two message-list readers (./gmail-list.ts, ./outlook-list.ts) share: the caps, the
 * loop over rows (one bad row never stops the others), and the diagnostics that count what
 * rows lack, e.g. `gmail.list.date: unreadable (2 of 7)`: names and counts, never page content.
 */
import { attrCut, type Diagnostics } from './dom';
import type { MailListRow, MailListSnapshot, MailProvider, Person } from '../domain/model';

export const MAX_ROWS = 200;
export const MAX_ROW_PEOPLE = 20;

/** a row as a reader found it: `unread` undefined when the row did not tell */
export type FoundRow = Omit<MailListRow, 'unread'> & { unread?: boolean };

/** the full date in an element's `title`, else its `aria-label`, as the provider's parser reads it (it refuses anything long) */
export const dateIn = (el: Element | null, parse: (raw: string) => string | undefined): string | undefined =>
  el ? parse(attrCut(el, 'title', 300)) ?? parse(attrCut(el, 'aria-label', 300)) : undefined;

/** the distinct addresses of `els` in page order (at most 20), and the last address found */
export function peopleOf(els: Element[], emailOf: (el: Element) => string | null): [Person[], Person | undefined] {
  const seen = new Set<string>();
  let last: string | undefined;
  for (const el of els) {
    const email = emailOf(el);
    if (!email) continue;
    last = email;
    if (seen.size < MAX_ROW_PEOPLE) seen.add(email);
  }
  return [[...seen].map((email) => ({ email })), last ? { email: last } : undefined];
}

/** reads each row (at most 200), counts what they lack; null when there is no row */
export function listSnapshot(
  provider: MailProvider,
  rows: Element[],
  diag: Diagnostics,
  readRow: (row: Element) => FoundRow,
): MailListSnapshot | null {
  if (!rows.length) return null;
  const p = `${provider}.list`;
  if (rows.length > MAX_ROWS) diag.add(`${p}.rows: over ${MAX_ROWS}, the rest not read`);
  const found: FoundRow[] = [];
  let failed = 0;
  for (const row of rows.slice(0, MAX_ROWS)) {
    try {
      found.push(readRow(row));
    } catch {
      failed++;
    }
  }
  // `gmail.list.date: unreadable (2 of 7)`
  const count = (what: string, k: number) => k && diag.add(`${p}.${what} (${k} of ${found.length + failed})`);
  const lacking = (what: string, test: (r: FoundRow) => boolean) => count(what, found.filter(test).length);
  lacking('threadId: no match', (r) => !r.threadId);
  lacking('participants: none found', (r) => !r.participants.length);
  lacking('date: unreadable', (r) => !r.latestAt);
  lacking('subject: empty', (r) => !r.subject);
  lacking('unread: unknown', (r) => r.unread === undefined);
  count('row: failed', failed);
  return {
    provider,
    rows: found.map((r) => {
      const row = { ...r, unread: !!r.unread } as Record<string, unknown>;
      for (const k in row) if (row[k] === undefined) delete row[k];
      return row as unknown as MailListRow;
    }),
  };
}
