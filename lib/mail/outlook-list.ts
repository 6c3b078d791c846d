/**
 * Reads the visible message list of Outlook on the web (the inbox, a folder, a search result)
 * into a MailListSnapshot. Pure: it only reads the given Document, never writes to it, never
 * throws. All selectors live in OUTLOOK_LIST (./outlook-selectors.ts).
 *
 * Rows: the visible `[role=option][data-convid]` rows of the message list, none inside the
 * reading pane, at most 200. The sender: an address the page keeps in an attribute (a `title`
 * that is one, or the `<address>` of a title or label) before the subject, never the shown
 * name. Unread: the row's label is translated, so it is told by the subject's weight (bold is
 * unread; an assumption documented in the selector file). The date: the full date in a
 * `title`, never the short text, which has no day ("9:14 AM") or no year.
 */
import { normalizeEmail } from '../domain/model';
import { bracketedEmails } from './address';
import { cleanId, MAX_SUBJECT } from './assemble';
import { all, attr, attrCut, cleanText, first, guarded, isHidden, joined, textOf } from './dom';
import { dateIn, listSnapshot, peopleOf, type FoundRow } from './list';
import { parseNumericMailDate } from './dates';
import { OUTLOOK, OUTLOOK_LIST as L } from './outlook-selectors';
import type { MailListSnapshot } from '../domain/model';

export function readOutlookList(doc: Document, opts: { diagnostics?: string[] } = {}): MailListSnapshot | null {
  const notIn = `${L.notIn},${joined(OUTLOOK.readingPane)}`;
  return guarded('outlook.list.read', opts.diagnostics, (diag) =>
    listSnapshot('outlook', all(doc, L.rows, (row) => !row.closest(notIn) && !isHidden(row)), diag, readRow),
  );
}

/** `Name <a@b.com>` in a title or label: the bracketed part */
const emailOf = (el: Element): string | null =>
  normalizeEmail(attrCut(el, 'title', 300)) ?? bracketedEmails(attrCut(el, 'title', 600)).at(-1) ?? bracketedEmails(attrCut(el, 'aria-label', 600)).at(-1) ?? null;

/** bold text (unread), plain text (read), or undefined when the page gives nothing to tell by */
function bold(el: Element | null | undefined): boolean | undefined {
  if (!el) return undefined;
  const w = el.ownerDocument.defaultView?.getComputedStyle(el).fontWeight || (el as HTMLElement).style?.fontWeight;
  if (w) return w === 'bold' || w === 'bolder' || +w >= 600;
  return el.closest(L.bold) || el.querySelector(L.bold) ? true : undefined;
}

function readRow(row: Element): FoundRow {
  const subjectEl = first(row, L.subject);
  // before the subject and not around it (DOCUMENT_POSITION_PRECEDING = 2)
  const before = (el: Element) => !subjectEl || (!!(subjectEl.compareDocumentPosition(el) & 2) && !el.contains(subjectEl));
  const senders = all(row, L.sender, (el) => before(el) && !!emailOf(el));
  const [participants] = peopleOf(senders, emailOf);
  // the date as the lookup accepts it (parsing it twice was a quarter of the read)
  let latestAt: string | undefined;
  first(row, L.date, (el) => !subjectEl?.contains(el) && !!(latestAt = dateIn(el, parseNumericMailDate)));
  return {
    threadId: cleanId(attrCut(row, OUTLOOK.threadIdAttribute, 300)),
    participants,
    // one sender shown is the latest one's; of several, the row does not say which wrote last
    latestFrom: participants.length === 1 ? participants[0] : undefined,
    unread: bold(subjectEl ?? senders[0]),
    latestAt,
    subject: cleanText(textOf(subjectEl), MAX_SUBJECT) || cleanText(attr(subjectEl, 'title'), MAX_SUBJECT),
  };
}
