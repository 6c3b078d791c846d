/**
 * Reads the conversation open in Outlook on the web's reading pane into a ThreadSnapshot
 * (the thread contract of docs/ARCHITECTURE.md). Pure: it only reads the given Document, never writes
 * to it, never throws. All selectors live in ./outlook-selectors.ts.
 *
 * Outlook shows addresses in varying places, and a display name may look like anybody's
 * address, so an address is taken only from where the page keeps it (`keptAddress`): a
 * `title` that is one address, else an address printed between `<...>` (in a `title`, a
 * label or the element's text). A recipient line that prints bare addresses ("To: a@b.com")
 * is read too, but only its text outside titled or labelled elements, whose shown text may
 * be a display name. Where no trusted address exists, nobody is guessed and the diagnostic
 * says so. Every attribute and text is clipped before it is matched.
 * Nothing is taken from inside a message body (that HTML comes from the sender). Outlook can
 * list the newest message on top; the snapshot is oldest first either way (./assemble.ts).
 */
import { normalizeEmail, type ThreadSnapshot } from '../domain/model';
import { bracketedEmails, findEmailsIn } from './address';
import { assemble, cleanId, cleanName, MAX_PEOPLE, MAX_SUBJECT, type RawMessage, type RawPerson } from './assemble';
import { parseNumericMailDate } from './dates';
import { all, attr, attrCut, cleanText, first, guarded, insideAny, isHidden, joined, outermost, textOf, type Diagnostics } from './dom';
import { OUTLOOK } from './outlook-selectors';
import type { ReadOptions } from './read-options';

export function readOutlookThread(doc: Document, opts: ReadOptions = {}): ThreadSnapshot | null {
  return guarded('outlook.read', opts.diagnostics, (diag) => read(doc, opts, diag));
}

/** addresses, with or without angle brackets, to take out of a name */
const ADDRESSES = /<?[^\s<>]+@[^\s<>]+>?/g;

/** an attribute, clipped before anything looks at it */
const cut = (el: Element, name: string) => attrCut(el, name, 600);

/**
 * The address the page keeps for an element whose shown text is `shown` (a name): its
 * `title` when that is one address; else the LAST `<address>` of its title or label
 * (Outlook writes the real address after the name, so a display name that holds a
 * `<...>` of its own comes first); else a label that ends in a bare address the element
 * does not also show as its name ("From: sam@x.com" beside "Sam Seller"). A bare address
 * that is what the element shows is a display name, and is never taken.
 */
function keptAddress(el: Element | null | undefined, shown: string): string | null {
  if (!el) return null;
  const title = cut(el, 'title');
  const label = cut(el, 'aria-label');
  const bare = normalizeEmail(label.slice(label.lastIndexOf(':') + 1));
  return (
    normalizeEmail(title) ??
    bracketedEmails(title).at(-1) ??
    bracketedEmails(label).at(-1) ??
    (bare && !shown.toLowerCase().includes(bare) ? bare : null)
  );
}

/** a name from page text that may also hold the address: "Lee Buyer <lee@globex.io>" -> "Lee Buyer" */
const nameIn = (text: string, email: string) => cleanName(text.replace(ADDRESSES, ' '), email);

function readSender(item: Element, skip: (el: Element) => boolean): RawPerson | null {
  let el = first(item, OUTLOOK.sender, (e) => !skip(e));
  // `span.OZZZK` holds the name; the address is on the span around it or beside it
  if (el?.matches(OUTLOOK.senderName) && el.parentElement !== item) el = el.parentElement;
  const nameEl = el?.matches(OUTLOOK.senderName) ? el : el?.querySelector(OUTLOOK.senderName);
  let shown = textOf(nameEl ?? el ?? null, 600);
  let email =
    keptAddress(el, shown) ??
    keptAddress(el?.querySelector('[title]'), shown) ??
    // `<address>` printed beside the name (never inside it: that is the display name)
    (el ? bracketedEmails(textWhere(el, (n) => !nameEl?.contains(n)))[0] : null);
  let rank: RawPerson['rank'] = 2;
  if (!email) {
    // nothing at the usual place: the first header element that keeps an address
    el = first(item, OUTLOOK.senderFallback, (e) => !skip(e) && !!keptAddress(e, textOf(e, 600)));
    shown = textOf(el, 600);
    email = el && keptAddress(el, shown);
    rank = 1;
  }
  if (!el || !email) return null;
  const label = cut(el, 'aria-label');
  const name =
    nameIn(shown, email) ??
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
    // names whose address is kept in their element's title or between <...>
    for (const el of well.querySelectorAll('[title], [aria-label]')) {
      const shown = textOf(el, 600);
      const email = keptAddress(el, shown) ?? bracketedEmails(shown)[0];
      if (email) add(email, nameIn(shown, email));
    }
    // "To: a@b.com; c@d.com": addresses the line prints as text, outside any titled or
    // labelled element (whose shown text is a name, however it looks)
    const plain = (n: Node) => {
      const owner = n.parentElement?.closest('[title], [aria-label]');
      return !owner || owner === well || !well.contains(owner);
    };
    findEmailsIn(textWhere(well, plain, 8000)).forEach((e) => add(e));
  }
  return [...to.values()];
}

/** The text of `root` in the text nodes `keep` accepts, space-separated (bounded). */
function textWhere(root: Element, keep: (n: Node) => boolean, limit = 600): string {
  let out = '';
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* text */);
  for (let n = walker.nextNode(); n && out.length < limit; n = walker.nextNode()) if (keep(n)) out += ' ' + (n as Text).data.slice(0, limit);
  return out.slice(0, limit);
}

function read(doc: Document, opts: ReadOptions, diag: Diagnostics): ThreadSnapshot | null {
  const say = (what: string) => diag.add('outlook.' + what);
  const pane = first(doc, OUTLOOK.readingPane, (el) => !isHidden(el));
  if (!pane) return null;
  const conversation = first(pane, OUTLOOK.conversation);
  const scope = conversation ?? pane;
  const inAnyBody = insideAny(scope, OUTLOOK.body);

  // messages: the outermost candidates holding exactly one date, or else exactly one sender
  const dateSel = joined(OUTLOOK.date);
  const senderSel = joined(OUTLOOK.sender);
  // (a sender element nested in another, `span.OZZZK` in `span.o4zjZ`, is one sender)
  const items = outermost(
    all(scope, OUTLOOK.message, (el) => {
      const dates = el.querySelectorAll(dateSel).length;
      return !inAnyBody(el) && (dates === 1 || (!dates && outermost([...el.querySelectorAll(senderSel)]).length === 1));
    }),
  ).filter((el) => !isHidden(el, scope, false));

  // the subject: in the conversation first, else anywhere in the reading pane (it can sit
  // above the conversation container), never inside a message body
  const headingIn = (root: Element) => first(root, OUTLOOK.subject, (h) => !h.closest(OUTLOOK.body) && !isHidden(h, root, false));
  const heading = headingIn(scope) ?? (conversation && headingIn(pane));
  if (!items.length && !(conversation && heading)) {
    // an empty reading pane ("select an item to read") is no thread; a conversation the
    // reader cannot make out is said by name, never a silent nothing
    if (conversation) say('messages: none found in the open conversation');
    return null;
  }

  const subject = cleanText(textOf(heading), MAX_SUBJECT) || cleanText(attr(heading, 'title'), MAX_SUBJECT);
  if (!heading) say('subject: no match');
  else if (!subject) say('subject: empty');
  if (!conversation) say('conversation: no match');

  // the conversation id of the one selected row of the message list
  const ids = new Set(all(doc, OUTLOOK.selectedRow).map((row) => cleanId(attr(row, OUTLOOK.threadIdAttribute))));
  ids.delete(undefined);
  const threadId = ids.size === 1 ? [...ids][0] : undefined;
  if (!threadId) say(ids.size ? 'threadId: several selected' : 'threadId: no match');
  if (!items.length) say('messages: no match');

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
      const sentAt = dateEl ? parseNumericMailDate(textOf(dateEl, 200)) ?? parseNumericMailDate(attr(dateEl, 'title')) : undefined;
      if (!sentAt) noDate++;
      messages.push({ from, to: readRecipients(all(item, OUTLOOK.recipients, (el) => !inBody(el))), sentAt });
    } catch {
      noSender++;
    }
  }
  if (noSender) say(`sender: none found (${noSender} of ${items.length})`);
  if (noDate) say(`date: unreadable (${noDate} of ${messages.length})`);

  // the user's address as the page shows it (folder-tree root, account button): the first match of each
  const pageSelf: RawPerson[] = [];
  for (const sel of OUTLOOK.self) {
    const el = doc.querySelector(sel);
    // the user's own page chrome (folder root, account button): not mail, its text may be trusted
    const email = el && (keptAddress(el, '') ?? normalizeEmail(cut(el, 'data-folder-name')) ?? findEmailsIn(textOf(el, 300))[0] ?? null);
    if (email && !pageSelf.some((p) => p.email === email)) pageSelf.push({ email, rank: 3 });
  }
  return assemble({ provider: 'outlook', threadId, subject, messages, pageSelf }, opts.ownAddresses, diag);
}
