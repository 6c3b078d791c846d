/**
 * Putting a follow-up into the open reply box, as plain text at the cursor.
 *
 * `insertReplyText` runs in the mail page, injected on demand by the side panel with
 * `scripting.executeScript` (so this code is not carried by the content scripts that
 * run all day). It must therefore be self-contained: no imports, no closures; the
 * provider's reply-box selector chain (GMAIL_COMPOSE.replyBox / OUTLOOK_COMPOSE.replyBox) comes in as
 * an argument.
 *
 * Both Gmail and Outlook enforce Trusted Types, so no HTML string is ever assigned.
 * `execCommand('insertText')` is tried first because it goes through the editor's own
 * input handling (undo works, the editor's model sees the change); where it does nothing
 * (jsdom, some editors) the text goes in as text nodes and <br> at the selection, and an
 * `input` event tells the editor. The box is the focused editable, else the last visible
 * match of the chain; a box inside a hidden (earlier) thread is never used.
 */

export type InsertResult = { ok: true } | { ok: false; error: 'no-reply-box' | 'bad-input' };

export const MAX_INSERT_CHARS = 10_000;

export function insertReplyText(text: unknown, chain: unknown): InsertResult {
  // the limit is written out, not MAX_INSERT_CHARS: an injected function sees no module scope
  if (typeof text !== 'string' || !text || text.length > 10_000 || !Array.isArray(chain)) {
    return { ok: false, error: 'bad-input' };
  }
  const doc = document;
  const hidden = (el: Element): boolean => {
    if ((el as HTMLElement).checkVisibility?.() === false) return true;
    for (let e: Element | null = el; e; e = e.parentElement) {
      const st = (e as HTMLElement).style;
      if (e.hasAttribute('hidden') || st?.display === 'none' || st?.visibility === 'hidden') return true;
    }
    return false;
  };
  let box: HTMLElement | null = null;
  const active = doc.activeElement as HTMLElement | null;
  if (active?.isContentEditable && !hidden(active)) box = active;
  for (const sel of chain) {
    if (box || typeof sel !== 'string') break;
    const found = [...doc.querySelectorAll<HTMLElement>(sel)].filter((b) => !hidden(b));
    box = found[found.length - 1] ?? null;
  }
  if (!box) return { ok: false, error: 'no-reply-box' };

  const selection = doc.getSelection();
  // keep the user's cursor: read it before focusing, which may move the selection
  const current = selection?.rangeCount ? selection.getRangeAt(0) : null;
  let range = current && box.contains(current.commonAncestorContainer) ? current.cloneRange() : null;
  box.focus();
  if (!range) {
    range = doc.createRange();
    range.setStart(box, 0);
  }
  selection?.removeAllRanges();
  selection?.addRange(range);
  const before = box.textContent;
  try {
    if (doc.execCommand('insertText', false, text) && box.textContent !== before) return { ok: true };
  } catch {
    /* fall through to DOM insertion */
  }
  range.deleteContents();
  const frag = doc.createDocumentFragment();
  text.split('\n').forEach((line, i) => {
    if (i) frag.append(doc.createElement('br'));
    if (line) frag.append(line);
  });
  const last = frag.lastChild;
  range.insertNode(frag);
  if (last) range.setStartAfter(last);
  box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
  return { ok: true };
}
