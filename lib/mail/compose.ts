/**
 * Putting a follow-up into the open reply box, as plain text at the cursor.
 *
 * Both Gmail and Outlook enforce Trusted Types, so no HTML string is ever assigned.
 * `execCommand('insertText')` is tried first because it goes through the editor's own
 * input handling (undo works, the editor's model sees the change); where it is not
 * available or does nothing (jsdom, some editors), the text is inserted as DOM text nodes
 * and <br> elements at the selection, and an `input` event tells the editor.
 * The box is found by attributes, never by translated labels; a box inside a hidden
 * (earlier) thread is ignored.
 */
import type { MailProvider } from './types';

const REPLY_BOX_SELECTORS: Record<MailProvider, string[]> = {
  gmail: [
    'div[contenteditable="true"][g_editable="true"]',
    'div[contenteditable="true"][role="textbox"]',
    '[role="dialog"] div[contenteditable="true"]',
  ],
  outlook: [
    'div[contenteditable="true"][role="textbox"][aria-multiline="true"]',
    '#ReadingPaneContainerId div[contenteditable="true"]',
    'div[contenteditable="true"][role="textbox"]',
  ],
};

function isHidden(el: Element): boolean {
  const check = (el as HTMLElement).checkVisibility;
  if (typeof check === 'function' && el.ownerDocument.defaultView?.navigator.userAgent.includes('Chrome')) {
    if (!check.call(el)) return true;
  }
  for (let e: Element | null = el; e; e = e.parentElement) {
    if (e.hasAttribute('hidden')) return true;
    const style = (e as HTMLElement).style;
    if (style && (style.display === 'none' || style.visibility === 'hidden')) return true;
  }
  return false;
}

/** The reply or compose box the user is most likely writing in: the focused one, else the last visible. */
export function findReplyBox(doc: Document, provider: MailProvider): HTMLElement | null {
  const active = doc.activeElement as HTMLElement | null;
  if (active?.isContentEditable && !isHidden(active)) return active;
  for (const sel of REPLY_BOX_SELECTORS[provider]) {
    const boxes = [...doc.querySelectorAll<HTMLElement>(sel)].filter((b) => !isHidden(b));
    if (boxes.length) return boxes[boxes.length - 1];
  }
  return null;
}

function selectionInside(doc: Document, box: HTMLElement): Range | null {
  const sel = doc.getSelection();
  if (!sel || sel.rangeCount === 0) return null;
  const range = sel.getRangeAt(0);
  return box.contains(range.commonAncestorContainer) ? range : null;
}

/** Inserts `text` at the cursor in `box` (at the start when the cursor is elsewhere). */
export function insertPlainText(doc: Document, box: HTMLElement, text: string): void {
  // keep the user's cursor: read it before focusing, which may move the selection
  let range = selectionInside(doc, box)?.cloneRange() ?? null;
  box.focus();
  if (range) {
    const sel = doc.getSelection();
    sel?.removeAllRanges();
    sel?.addRange(range);
  } else {
    range = doc.createRange();
    range.setStart(box, 0);
    range.collapse(true);
    const sel = doc.getSelection();
    sel?.removeAllRanges();
    sel?.addRange(range);
  }
  const before = box.textContent ?? '';
  let done = false;
  try {
    done = typeof doc.execCommand === 'function' && doc.execCommand('insertText', false, text);
  } catch {
    done = false;
  }
  if (done && (box.textContent ?? '') !== before) return;

  range.deleteContents();
  const frag = doc.createDocumentFragment();
  text.split('\n').forEach((line, i) => {
    if (i > 0) frag.appendChild(doc.createElement('br'));
    if (line) frag.appendChild(doc.createTextNode(line));
  });
  const last = frag.lastChild;
  range.insertNode(frag);
  if (last) {
    range.setStartAfter(last);
    range.collapse(true);
  }
  box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
}

export type InsertResult = { ok: true } | { ok: false; error: 'no-reply-box' };

export function insertIntoReply(doc: Document, provider: MailProvider, text: string): InsertResult {
  const box = findReplyBox(doc, provider);
  if (!box) return { ok: false, error: 'no-reply-box' };
  insertPlainText(doc, box, text);
  return { ok: true };
}

/** The one message a content script accepts: text for the reply box, from our own pages. */
export interface ComposeInsertMessage {
  type: 'compose:insert';
  text: string;
}

export const MAX_INSERT_CHARS = 10_000;

/**
 * Hand-written check (no zod in the content script): exactly `{ type, text }`, text a
 * string of at most MAX_INSERT_CHARS characters.
 */
export function parseComposeInsert(raw: unknown): ComposeInsertMessage | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const keys = Object.keys(raw).sort().join(',');
  const m = raw as Record<string, unknown>;
  if (keys !== 'text,type' || m.type !== 'compose:insert') return null;
  if (typeof m.text !== 'string' || m.text.length === 0 || m.text.length > MAX_INSERT_CHARS) return null;
  return { type: 'compose:insert', text: m.text };
}
