/**
 * Reads the conversation open in Outlook on the web's reading pane into a ThreadSnapshot
 * (the thread contract of docs/ARCHITECTURE.md). Pure: it only reads the given Document, never writes
 * to it, never throws. All selectors live in ./outlook-selectors.ts.
 *
 * Outlook shows addresses in varying places (the sender's text, a `title`, an `aria-label`),
 * so addresses are found by pattern there, never by the translated words around them.
 * Nothing is taken from inside a message body (that HTML comes from the sender). Outlook can
 * list the newest message on top; the snapshot is oldest first either way (./assemble.ts).
 */
import type { ThreadSnapshot } from '../domain/model';
import { findEmailIn, findEmailsIn } from './address';
import { assemble, cleanId, cleanName, MAX_PEOPLE, MAX_SUBJECT, type RawMessage, type RawPerson } from './assemble';
import { parseMailDate } from './dates';
import { all, attr, cleanText, Diagnostics, first, insideAny, isHidden, joined, outermost, textOf } from './dom';
import { OUTLOOK } from './outlook-selectors';
import type { ReadOptions } from './read-options';

export function readOutlookThread(doc: Document, opts: ReadOptions = {}): ThreadSnapshot | null {
  const diag = new Diagnostics();
  try {
    return read(doc, opts, diag);
  } catch {
    diag.add('outlook.read: failed');
    return null;
  } finally {
    if (Array.isArray(opts.diagnostics)) opts.diagnostics.push(...diag.items);
  }
}

const TITLE_LABEL = ['title', 'aria-label'];
/** addresses, with or without angle brackets, to take out of a name */
const ADDRESSES = /<?[^\s<>]+@[^\s<>]+>?/g;

/** the first address in some attributes of an element (and, with `text`, its text) */
function addressIn(el: Element | null | undefined, names: string[], text = false): string | null {
  return el ? findEmailIn(names.map((n) => attr(el, n) ?? '').join(' ') + (text ? ' ' + textOf(el, 600) : '')) : null;
}

/** a name from page text that may also hold the address: "Lee Buyer <lee@globex.io>" -> "Lee Buyer" */
const nameIn = (text: string, email: string) => cleanName(text.replace(ADDRESSES, ' '), email);

function readSender(item: Element, skip: (el: Element) => boolean): RawPerson | null {
  let el = first(item, OUTLOOK.sender, (e) => !skip(e));
  // `span.OZZZK` holds the name; the address is on the span around it or beside it
  if (el?.matches(OUTLOOK.senderName) && el.parentElement !== item) el = el.parentElement;
  let email = addressIn(el, TITLE_LABEL, true);
  let rank: RawPerson['rank'] = 2;
  if (!email) {
    // nothing at the usual place: the first header element with an address in title/aria-label
    el = first(item, OUTLOOK.senderFallback, (e) => !skip(e) && !!addressIn(e, TITLE_LABEL));
    email = addressIn(el, TITLE_LABEL);
    rank = 1;
  }
  if (!el || !email) return null;
  const label = attr(el, 'aria-label') ?? '';
  const name =
    nameIn(textOf(el.matches(OUTLOOK.senderName) ? el : el.querySelector(OUTLOOK.senderName), 600), email) ??
    nameIn(textOf(el, 600), email) ??
    // aria-label "From: Lee Buyer" (translated prefix): the part after the first colon
    (label.includes(':') ? nameIn(label.slice(label.indexOf(':') + 1), email) : undefined);
  return { email, name, rank };
}

function readRecipients(wells: Element[]): RawPerson[] {
  const to = new Map<string, RawPerson>();
  const add = (email: string | null, name?: string) => {
    if (email && !to.has(email) && to.size < MAX_PEOPLE) to.set(email, { email, name, rank: 1 });
  };
  for (const well of wells) {
    // names whose address is only in their element's title / aria-label
    for (const el of well.querySelectorAll('[title], [aria-label]')) {
      const email = addressIn(el, TITLE_LABEL);
      if (email) add(email, nameIn(textOf(el, 600), email));
    }
    // plain addresses in the text: "To: a@b.com; c@d.com"
    findEmailsIn(textOf(well, 8000)).forEach((e) => add(e));
  }
  return [...to.values()];
}

function read(doc: Document, opts: ReadOptions, diag: Diagnostics): ThreadSnapshot | null {
  const pane = first(doc, OUTLOOK.readingPane, (el) => !isHidden(el));
  if (!pane) return null;
  const conversation = first(pane, OUTLOOK.conversation);
  const scope = conversation ?? pane;
  const inAnyBody = insideAny(scope, OUTLOOK.body);

  // messages: the outermost candidates holding exactly one date, or else exactly one sender
  const dateSel = joined(OUTLOOK.date);
  const senderSel = joined(OUTLOOK.sender);
  const items = outermost(
    all(scope, OUTLOOK.message, (el) => {
      const dates = el.querySelectorAll(dateSel).length;
      return !inAnyBody(el) && (dates === 1 || (!dates && el.querySelectorAll(senderSel).length === 1));
    }),
  ).filter((el) => !isHidden(el, scope, false));

  const heading = first(scope, OUTLOOK.subject, (h) => !inAnyBody(h) && !isHidden(h, scope, false));
  // an empty reading pane ("select an item to read") is no thread
  if (!items.length && !(conversation && heading)) return null;

  const subject = cleanText(textOf(heading), MAX_SUBJECT) || cleanText(attr(heading, 'title'), MAX_SUBJECT);
  if (!heading) diag.add('outlook.subject: no match');
  else if (!subject) diag.add('outlook.subject: empty');
  if (!conversation) diag.add('outlook.conversation: no match');

  // the conversation id of the one selected row of the message list
  const ids = new Set(all(doc, OUTLOOK.selectedRow).map((row) => cleanId(attr(row, OUTLOOK.threadIdAttribute))));
  ids.delete(undefined);
  const threadId = ids.size === 1 ? [...ids][0] : undefined;
  if (!threadId) diag.add(`outlook.threadId: ${ids.size ? 'several selected' : 'no match'}`);
  if (!items.length) diag.add('outlook.messages: no match');

  const messages: RawMessage[] = [];
  let noSender = 0;
  let noDate = 0;
  const wellSel = joined(OUTLOOK.recipients);
  for (const item of items) {
    try {
      const inItemBody = insideAny(item, OUTLOOK.body);
      const inBody = (el: Element) => inItemBody(el) || el.matches(OUTLOOK.body);
      const from = readSender(
        item,
        (el) => inBody(el) || !!el.closest(`${wellSel},${dateSel}`) || !!el.querySelector(wellSel),
      );
      if (!from) {
        noSender++;
        continue;
      }
      const dateEl = first(item, OUTLOOK.date, (el) => !inBody(el));
      const sentAt = dateEl ? parseMailDate(textOf(dateEl, 200)) ?? parseMailDate(attr(dateEl, 'title')) : undefined;
      if (!sentAt) noDate++;
      messages.push({ from, to: readRecipients(all(item, OUTLOOK.recipients, (el) => !inBody(el))), sentAt });
    } catch {
      noSender++;
    }
  }
  if (noSender) diag.add(`outlook.sender: none found (${noSender} of ${items.length})`);
  if (noDate) diag.add(`outlook.date: unreadable (${noDate} of ${messages.length})`);

  // the user's address as the page shows it (folder-tree root, account button): the first match of each
  const pageSelf: RawPerson[] = [];
  for (const sel of OUTLOOK.self) {
    const email = addressIn(doc.querySelector(sel), ['title', 'data-folder-name', 'aria-label'], true);
    if (email && !pageSelf.some((p) => p.email === email)) pageSelf.push({ email, rank: 3 });
  }
  return assemble({ provider: 'outlook', threadId, subject, messages, pageSelf }, opts.ownAddresses, diag);
}
