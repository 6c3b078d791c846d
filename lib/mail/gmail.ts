/**
 * Reads the Gmail thread on screen into a ThreadSnapshot (the thread contract of docs/ARCHITECTURE.md).
 * Pure: it only reads the given Document, never writes to it, never throws. All selectors
 * live in ./gmail-selectors.ts.
 *
 * Which thread: Gmail keeps earlier threads in the page, hidden; the reader takes the first
 * visible subject heading inside a visible mail view, then the thread container around it,
 * and reads only inside that container (a few scoped queries per message). Nothing is taken
 * from inside a message body: that HTML comes from the sender.
 */
import { normalizeEmail, type ThreadSnapshot } from '../domain/model';
import { findEmailIn } from './address';
import { assemble, cleanId, cleanName, MAX_PEOPLE, MAX_SUBJECT, type RawMessage, type RawPerson } from './assemble';
import { parseMailDate } from './dates';
import { all, attr, cleanText, Diagnostics, first, insideAny, isHidden, joined, outermost, textOf } from './dom';
import { GMAIL } from './gmail-selectors';
import type { ReadOptions } from './read-options';

export function readGmailThread(doc: Document, opts: ReadOptions = {}): ThreadSnapshot | null {
  const diag = new Diagnostics();
  try {
    return read(doc, opts, diag);
  } catch {
    diag.add('gmail.read: failed');
    return null;
  } finally {
    if (Array.isArray(opts.diagnostics)) opts.diagnostics.push(...diag.items);
  }
}

/** the visible thread: [its container, its subject heading], or undefined when none is open */
function findThread(doc: Document, diag: Diagnostics): [Element, Element | null] | undefined {
  const mains = all(doc, GMAIL.main).filter((m) => !isHidden(m));
  if (!mains.length && doc.body) mains.push(doc.body);
  const threadSel = joined(GMAIL.thread);
  const senderSel = joined(GMAIL.sender);
  for (const main of mains) {
    const subject = first(main, GMAIL.subject, (h) => !isHidden(h, main, false));
    // without a subject heading, a visible message with a sender still makes a thread
    const anchor =
      subject ?? first(main, GMAIL.message, (el) => !isHidden(el, main, false) && !!el.querySelector(senderSel));
    if (!anchor) continue;
    let box = anchor.closest(threadSel);
    // no known container class: the nearest ancestor that holds messages
    for (let a = anchor.parentElement; !box && a && a !== main; a = a.parentElement) if (first(a, GMAIL.message)) box = a;
    return [box && main.contains(box) ? box : main, subject];
  }
  // `#inbox/FMfcgz...`, `#label/x/<id>`: the URL names a thread, but none was found
  if (/^#[^?]*\/[\w-]{16,}$/.test(doc.location?.hash ?? '')) diag.add('gmail.thread: none for the URL');
}

/** the user's address as the page shows it: the title `... - address - Gmail`, the account button */
function pageSelf(doc: Document): RawPerson[] {
  const out: RawPerson[] = [];
  const parts = doc.title.split(/\s+[-–—]\s+/);
  const fromTitle = parts.length > 2 && normalizeEmail(parts[parts.length - 2]);
  if (fromTitle) out.push({ email: fromTitle, rank: 3 });
  // "Google Account: Name (address)", translated: the address in the last parentheses, the
  // name after a colon (no name is guessed from any other shape)
  const label = cleanText(attr(first(doc, GMAIL.account), 'aria-label'), 400);
  const m = label.match(/^(?:.*:)?([^():]*)\(([^()]*)\)$/);
  const inParens = m && normalizeEmail(m[2]);
  const email = inParens || findEmailIn(label);
  if (email) {
    const name = inParens && label.includes(':') ? cleanName(m[1], email) : undefined;
    const known = out.find((p) => p.email === email);
    if (known) known.name = name;
    else out.push({ email, name, rank: 3 });
  }
  return out;
}

function personFrom(el: Element, rank: RawPerson['rank']): RawPerson | null {
  const email = normalizeEmail(attr(el, 'email') ?? '') ?? normalizeEmail(attr(el, 'data-hovercard-id') ?? '');
  return email ? { email, name: cleanName(attr(el, 'name') ?? textOf(el, 600), email), rank } : null;
}

function read(doc: Document, opts: ReadOptions, diag: Diagnostics): ThreadSnapshot | null {
  const found = findThread(doc, diag);
  if (!found) return null;
  const [container, subjectEl] = found;

  const subject = cleanText(textOf(subjectEl), MAX_SUBJECT);
  if (!subjectEl) diag.add('gmail.subject: no match');
  else if (!subject) diag.add('gmail.subject: empty');
  const threadId = GMAIL.threadIdAttributes.map((a) => cleanId(attr(subjectEl, a))).find(Boolean);
  if (!threadId) diag.add('gmail.threadId: no match');

  // top-level items only (not nested in another, not inside a message body), not hidden
  const items = outermost(all(container, GMAIL.message)).filter((el) => !isHidden(el, container, false));
  if (!items.length) diag.add('gmail.messages: no match');

  const messages: RawMessage[] = [];
  let folded = 0;
  let noSender = 0;
  let noDate = 0;
  for (const item of items) {
    try {
      const inBody = insideAny(item, GMAIL.body);
      const ok = (el: Element) => !inBody(el);
      const expanded = item.matches(GMAIL.expanded) || !!item.querySelector(GMAIL.expanded);
      const senderEl = first(item, GMAIL.sender, (el) => ok(el) && !el.closest(GMAIL.notSender));
      let from = senderEl && personFrom(senderEl, expanded ? 2 : 1);
      if (!from) {
        // the `<address>` shown beside the sender
        const email = findEmailIn(textOf(first(item, GMAIL.senderAddress, ok), 600));
        if (email) from = { email, rank: 1 };
      }
      if (!from) {
        if (item.matches(GMAIL.folded) || item.querySelector(GMAIL.folded)) folded++;
        else noSender++;
        continue;
      }
      const to = new Map<string, RawPerson>();
      for (const el of all(item, GMAIL.recipients, (el) => el !== senderEl && ok(el))) {
        const p = personFrom(el, 1);
        if (p && !to.has(p.email) && to.size < MAX_PEOPLE) to.set(p.email, p);
      }
      const dateEl = first(item, GMAIL.date, ok);
      const sentAt = dateEl
        ? parseMailDate(attr(dateEl, 'title')) ?? parseMailDate(attr(dateEl, 'aria-label')) ?? parseMailDate(textOf(dateEl, 200))
        : undefined;
      if (!sentAt) noDate++;
      // the id on the item or on `div.adn`/`div.adf` inside it: `#msg-f:<decimal>`, then legacy hex
      let id: string | undefined;
      for (const a of GMAIL.messageIdAttributes) {
        if (id) break;
        const holder = item.hasAttribute(a) ? item : [...item.querySelectorAll(`[${a}]`)].find(ok);
        id = cleanId(attr(holder ?? null, a)?.replace(/^#/, ''));
      }
      messages.push({ id, from, to: [...to.values()], sentAt });
    } catch {
      noSender++;
    }
  }
  if (folded) diag.add(`gmail.messages: ${folded} folded`);
  if (noSender) diag.add(`gmail.sender: none found (${noSender} of ${items.length - folded})`);
  if (noDate) diag.add(`gmail.date: unreadable (${noDate} of ${messages.length})`);
  if (!messages.length && !subjectEl) return null;

  return assemble({ provider: 'gmail', threadId, subject, messages, pageSelf: pageSelf(doc) }, opts.ownAddresses, diag);
}
