/**
 * Email addresses as the product accepts them: trimmed, lower-cased, one `@`, a dotted
 * domain, no spaces and no markup characters, at most 254 characters. Pragmatic rather
 * than the full RFC 5322 grammar: what mail pages show and what people type. No quoted
 * local parts, no IP-literal domains, no comments.
 *
 * Whatever `normalizeEmail` returns also passes the address check of the message protocol
 * (lib/messages.ts), so a snapshot built from it is never refused by the background.
 */

/**
 * the local part: a dot-atom of RFC 5322 without the apostrophe (a markup character here),
 * at most 64 characters, no leading, trailing or doubled dot
 */
const LOCAL = /^(?!\.)(?!.*\.\.)[a-z0-9!#$%&*+/=?^_`{|}~.-]{1,64}(?<!\.)$/;
/** a domain label: letters/digits (internationalised ones too), inner hyphens, at most 63 */
const LABEL = /^[a-z0-9\u00a1-\uffff](?:[a-z0-9\u00a1-\uffff-]{0,61}[a-z0-9\u00a1-\uffff])?$/;
/**
 * Unicode spaces, controls, invisible formatting (soft hyphen, zero-width, bidi controls),
 * private-use and unassigned characters: allowed by LABEL's wide range but never part of a
 * real domain (and a way to make two addresses look alike).
 */
const INVISIBLE = /[\s\p{C}]/u;
/** the top-level domain: letters (two or more) or an IDN `xn--` label */
const TLD = /^(?:[a-z\u00a1-\uffff]{2,}|xn--[a-z0-9-]+)$/;

export function normalizeEmail(raw: string): string | null {
  if (typeof raw !== 'string' || raw.length > 1000) return null;
  let s = raw.trim();
  if (s.startsWith('<') && s.endsWith('>')) s = s.slice(1, -1).trim();
  if (/^mailto:/i.test(s)) {
    s = s.slice(7);
    // mailto:a@b.com?subject=.. : the query is not part of the address
    const q = s.indexOf('?');
    if (q >= 0) s = s.slice(0, q);
  }
  s = s.toLowerCase();
  if (s.length === 0 || s.length > 254) return null;
  const at = s.indexOf('@');
  if (at <= 0 || at !== s.lastIndexOf('@')) return null;
  const domain = s.slice(at + 1);
  const labels = domain.split('.');
  return LOCAL.test(s.slice(0, at)) &&
    !INVISIBLE.test(domain) &&
    labels.length > 1 &&
    labels.every((l) => LABEL.test(l)) &&
    TLD.test(labels[labels.length - 1])
    ? s
    : null;
}

/** runs of characters that may form an address; separators and markup split them */
const CANDIDATE = /[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+/g;

/** Every valid address inside free text (`To: a@b.com; Lee <c@d.org>`), first occurrence order, no repeats. */
export function findEmailsIn(text: string): string[] {
  const out = new Set<string>();
  for (const m of typeof text === 'string' ? text.matchAll(CANDIDATE) : []) {
    const e = normalizeEmail(m[0].replace(/^\.+|\.+$/g, ''));
    if (e) out.add(e);
  }
  return [...out];
}

/** The first valid address inside free text such as `Dana <dana@acme.com>` or `From: a@b.com`. */
export const findEmailIn = (text: string): string | null => findEmailsIn(text)[0] ?? null;
