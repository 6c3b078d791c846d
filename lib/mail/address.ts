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
 * real address (`bracketedEmails`), and take a bare address from shown text only where the
 * page has nothing else (a recipient line that prints addresses only).
 */
import { normalizeEmail } from '../domain/model';

/** Every valid address inside free text (`To: a@b.com; c@d.org`), first occurrence order, no repeats. */
export function findEmailsIn(text: string): string[] {
  const out = new Set<string>();
  // split at separators (markup, quotes, spaces): one linear pass, and a run too long to be
  // an address is not looked at
  for (const run of typeof text === 'string' ? text.split(/[\s<>()[\]"',;:]+/) : []) {
    const e = run.length <= 300 && run.includes('@') && normalizeEmail(run.replace(/^\.+|\.+$/g, ''));
    if (e) out.add(e);
  }
  return [...out];
}

/** The first valid address inside free text such as `From: a@b.com`. */
export const findEmailIn = (text: string): string | null => findEmailsIn(text)[0] ?? null;

/**
 * The valid addresses a page printed between angle brackets (`Dana <dana@acme.com>`), in
 * order: the first is `[0]`; a page writes the real one after the name, so the last counts
 * where a name may hold brackets of its own.
 */
export function bracketedEmails(text: string | null | undefined): string[] {
  const out: string[] = [];
  let open = -1;
  for (let i = 0; i < (text?.length ?? 0); i++) {
    const c = text![i];
    if (c === '<') open = i;
    else if (c === '>' && open >= 0) {
      // a pair too far apart to hold an address is skipped
      const e = i - open <= 256 && normalizeEmail(text!.slice(open + 1, i));
      if (e) out.push(e);
      open = -1;
    }
  }
  return out;
}
