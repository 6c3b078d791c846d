/**
 * Finding addresses in page text, in time linear in the text: a long run without separators
 * (a hostile 30,000-character `aria-label`) costs one pass, never a regex that backtracks
 * over it. What counts as an address is the model's one rule (`normalizeEmail`,
 * lib/domain/model.ts), which the message protocol checks too, so a snapshot built from
 * what is found here is never refused by the background.
 *
 * Which text may be trusted is the readers' concern: a display name is a name, never an
 * address (`lee.buyer@globex.io` may be anybody's display name), so readers take addresses
 * from the attributes the page keeps them in, or from the `<...>` a page prints around a
 * real address (`bracketedEmailIn`), and take a bare address from shown text only where the
 * page has nothing else (a recipient line that prints addresses only).
 */
import { normalizeEmail } from '../domain/model';

/** characters that end a run that may be an address (markup, quotes, separators, spaces) */
const SEPARATOR = /[\s<>()[\]"',;:]/;

/** Every valid address inside free text (`To: a@b.com; c@d.org`), first occurrence order, no repeats. */
export function findEmailsIn(text: string): string[] {
  const out = new Set<string>();
  if (typeof text !== 'string') return [];
  let start = 0;
  let at = false;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (i < text.length && !SEPARATOR.test(c)) {
      if (c === '@') at = true;
      continue;
    }
    // text[start, i) is a run without separators: a candidate when it holds an @
    if (at && i - start <= 300) {
      const e = normalizeEmail(text.slice(start, i).replace(/^\.+|\.+$/g, ''));
      if (e) out.add(e);
    }
    start = i + 1;
    at = false;
  }
  return [...out];
}

/** The first valid address inside free text such as `From: a@b.com`. */
export const findEmailIn = (text: string): string | null => findEmailsIn(text)[0] ?? null;

/** The valid addresses a page printed between angle brackets (`Dana <dana@acme.com>`), in order. */
function bracketed(text: string | null | undefined, stopAtFirst: boolean): string[] {
  const out: string[] = [];
  if (typeof text !== 'string') return out;
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '<') open = i;
    else if (text[i] === '>' && open >= 0) {
      // a pair too far apart to hold an address is skipped
      const e = i - open <= 256 ? normalizeEmail(text.slice(open + 1, i)) : null;
      if (e) {
        out.push(e);
        if (stopAtFirst) break;
      }
      open = -1;
    }
  }
  return out;
}

/** The first address printed between angle brackets, or null. */
export const bracketedEmailIn = (text: string | null | undefined): string | null => bracketed(text, true)[0] ?? null;

/** The last address printed between angle brackets, or null (a page writes the real one after the name). */
export const lastBracketedEmailIn = (text: string | null | undefined): string | null => bracketed(text, false).at(-1) ?? null;
