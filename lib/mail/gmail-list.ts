/**
 * Reads the visible Gmail message list (the inbox, a label, a search result) into a
 * MailListSnapshot. Pure: it only reads the given Document, never writes to it, never throws.
 * All selectors live in GMAIL_LIST (./gmail-selectors.ts).
 *
 * Rows: the `tr.zA` rows inside the visible mail views (Gmail keeps earlier lists in the page,
 * hidden), none from inside a message body (split mode shows a thread beside the list), at
 * most 200. Unread: the row's class `zE` (read: `yO`), else a bold sender `span.zF`. People:
 * only the `email` (or `data-hovercard-id`) attribute of the sender column's spans, never a
 * shown name, which anyone can make look like an address. The date: the full date in the date
 * cell's `title` (else `aria-label`), never its short text: "9:14 AM" has no day and "Aug 7"
 * no year. Attributes are cut short before they are matched, so a giant one costs nothing.
 */
import { normalizeEmail } from '../domain/model';
import { cleanId, MAX_SUBJECT } from './assemble';
import { all, attrCut, cleanText, first, guarded, insideAny, isHidden, textOf } from './dom';
import { GMAIL, GMAIL_LIST as L } from './gmail-selectors';
import { dateIn, listSnapshot, peopleOf, type FoundRow } from './list';
import { parseMailDate } from './dates';
import type { MailListSnapshot } from '../domain/model';

export function readGmailList(doc: Document, opts: { diagnostics?: string[] } = {}): MailListSnapshot | null {
  return guarded('gmail.list.read', opts.diagnostics, (diag) => {
    const mains = all(doc, GMAIL.main).filter((m) => !isHidden(m));
    if (!mains.length && doc.body) mains.push(doc.body);
    const rows = new Set<Element>();
    for (const main of mains) {
      const inBody = insideAny(main, GMAIL.body);
      for (const row of all(main, L.row)) if (!isHidden(row, main, false) && !inBody(row)) rows.add(row);
    }
    return listSnapshot('gmail', [...rows], diag, readRow);
  });
}

const emailOf = (el: Element): string | null =>
  normalizeEmail(attrCut(el, 'email', 300)) ?? normalizeEmail(attrCut(el, 'data-hovercard-id', 300));

function readRow(row: Element): FoundRow {
  let threadId: string | undefined;
  for (const a of L.threadIdAttributes) {
    threadId ??= cleanId(attrCut(row.hasAttribute(a) ? row : row.querySelector(`[${a}]`), a, 300).replace(/^#/, ''));
  }
  const [participants, latestFrom] = peopleOf(all(row, L.participants, (el) => !!emailOf(el)), emailOf);
  // the date as the lookup accepts it (parsing it twice was a quarter of the read)
  let latestAt: string | undefined;
  first(row, L.date, (el) => !!(latestAt = dateIn(el, parseMailDate)));
  const unread = row.matches(L.unread)
    ? true
    : row.matches(L.read)
      ? false
      : row.querySelector(L.unreadSender)
        ? true
        : row.querySelector(L.readSender)
          ? false
          : undefined;
  return {
    threadId,
    participants,
    latestFrom,
    unread,
    latestAt,
    subject: cleanText(textOf(first(row, L.subject)), MAX_SUBJECT),
  };
}
