/**
 * Finding addresses in page text. What counts as an address is the model's one rule
 * (`normalizeEmail`, lib/domain/model.ts), which the message protocol checks too, so a
 * snapshot built from what is found here is never refused by the background.
 */
import { normalizeEmail } from '../domain/model';

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
