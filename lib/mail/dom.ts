/**
 * Small DOM helpers shared by the page readers: selector chains, visibility without layout,
 * and turning page text into safe plain text. Nothing here writes to the page. (Kept terse:
 * all of lib/mail that a content script uses must stay small.)
 */

/**
 * A lookup: selectors tried in order, the first that matches wins. Chains are named by their
 * key in the provider's selector file (`GMAIL.subject` shows as `gmail.subject` in diagnostics).
 */
export type Chain = readonly string[];

/**
 * The first element of the first selector of `c` that matches (and passes `accept`). The
 * common case (the first match is accepted) costs one `querySelector`, which stops early.
 */
export function first(root: ParentNode, c: Chain, accept?: (el: Element) => boolean): Element | null {
  for (const sel of c) {
    const el = root.querySelector(sel);
    if (!el) continue;
    if (!accept || accept(el)) return el;
    for (const x of root.querySelectorAll(sel)) if (accept(x)) return x;
  }
  return null;
}

/** every element of the first selector of `c` that gives at least one (accepted) element */
export function all(root: ParentNode, c: Chain, accept?: (el: Element) => boolean): Element[] {
  for (const sel of c) {
    const found = [...root.querySelectorAll(sel)].filter((el) => !accept || accept(el));
    if (found.length) return found;
  }
  return [];
}

/** the selectors of a chain as one selector list, for `closest` and `matches` */
export const joined = (c: Chain): string => c.join();

/** the smallest element holding every one of `els` (the element itself for one; null for none) */
export function holding(els: Element[]): Element | null {
  let h: Element | null = els[0] ?? null;
  for (const el of els) while (h && !h.contains(el)) h = h.parentElement;
  return h;
}

/**
 * The outermost elements of a list in document order: an element inside one already kept
 * is dropped (a message item nested in another, a list item inside a message body).
 */
export function outermost(els: Element[]): Element[] {
  const kept: Element[] = [];
  for (const el of els) if (!kept.at(-1)?.contains(el)) kept.push(el);
  return kept;
}

/** "is inside one of the elements matching `selector` within `scope`", the zones found once */
export function insideAny(scope: Element, selector: string): (el: Element) => boolean {
  const zones = [...scope.querySelectorAll(selector)];
  return (el) => zones.some((z) => z !== el && z.contains(el));
}

/**
 * Is `el` hidden? Gmail keeps earlier threads in the page under an ancestor with inline
 * `display: none` (or `hidden`). `checkVisibility()` answers in a browser; jsdom has no
 * layout and no `checkVisibility`, so the ancestors are walked as well, up to `stopAt`
 * (exclusive) when given. `deep` = false skips `checkVisibility` (cheaper, for elements
 * inside a container already known to be visible).
 */
export function isHidden(el: Element, stopAt?: Element | null, deep = true): boolean {
  if (deep && (el as HTMLElement).checkVisibility?.() === false) return true;
  for (let e: Element | null = el; e && e !== stopAt; e = e.parentElement) {
    const st = (e as HTMLElement).style;
    if (e.hasAttribute('hidden') || st?.display === 'none' || st?.visibility === 'hidden') return true;
  }
  return false;
}

/** `s` cut to at most `max` UTF-16 units without splitting a surrogate pair */
export function clip(s: string, max: number): string {
  return s.length <= max ? s : s.slice(0, /[\ud800-\udbff]/.test(s[max - 1]) ? max - 1 : max);
}

/**
 * Page text made safe to carry: C0/C1 controls read as spaces; dropped are `<` and `>`
 * (names and subjects are text, never markup), bidi marks/overrides/isolates, zero-width and
 * other invisible formatting characters; whitespace collapsed, trimmed, at most `max` long.
 */
export function cleanText(raw: string | null | undefined, max: number): string {
  if (typeof raw !== 'string') return '';
  return clip(
    raw
      .slice(0, max * 4 + 100) // a giant attribute is cut early so the regexps stay cheap
      .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
      .replace(/[<>\u00ad\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '')
      .replace(/\s+/g, ' ')
      .trim(),
    max,
  );
}

/** The text of an element, emoji images (`img[data-emoji]`, Gmail) read as their `alt`; bounded. */
export function textOf(el: Element | null, limit = 4000): string {
  if (!el) return '';
  if (!el.querySelector('img')) return (el.textContent ?? '').slice(0, limit);
  let out = '';
  const walker = el.ownerDocument.createTreeWalker(el, 5 /* elements and text */);
  for (let n = walker.nextNode(); n && out.length < limit; n = walker.nextNode()) {
    out += n.nodeType === 3 ? (n as Text).data : (n as Element).localName === 'img' ? (n as Element).getAttribute('alt') ?? '' : '';
  }
  return out.slice(0, limit);
}

export const attr = (el: Element | null, name: string): string | null => el?.getAttribute(name) ?? null;

/** an attribute's value cut to `max` before anything matches it, so a giant one stays cheap; '' when absent */
export const attrCut = (el: Element | null, name: string, max: number): string => clip(attr(el, name) ?? '', max);

/** Collects the names of failed lookups: deduplicated, at most 20, each short. */
export class Diagnostics {
  readonly items: string[] = [];
  add(entry: string): void {
    const e = entry.slice(0, 200);
    if (this.items.length < 20 && !this.items.includes(e)) this.items.push(e);
  }
}

/**
 * Runs a page reader so that it never throws: a failure reads as `<name>: failed` and null.
 * The diagnostics go to `out` when it is an array (a caller's `opts.diagnostics`).
 */
export function guarded<T>(name: string, out: unknown, read: (diag: Diagnostics) => T | null): T | null {
  const diag = new Diagnostics();
  try {
    return read(diag);
  } catch {
    diag.add(`${name}: failed`);
    return null;
  } finally {
    if (Array.isArray(out)) out.push(...diag.items);
  }
}
