/**
 * Email addresses as the product accepts them: trimmed, lower-cased, one `@`, a dotted
 * domain, no spaces and no markup characters, at most 254 characters. Pragmatic rather
 * than the full RFC 5322 grammar: what mail pages show and what people type.
 */
const LOCAL = /^[a-z0-9!#$%&*+/=?^_`{|}~.-]+$/;
const LABEL = /^[a-z0-9\u00a1-\uffff](?:[a-z0-9\u00a1-\uffff-]*[a-z0-9\u00a1-\uffff])?$/;

export function normalizeEmail(raw: string): string | null {
  if (typeof raw !== 'string') return null;
  let s = raw.trim();
  if (s.startsWith('<') && s.endsWith('>')) s = s.slice(1, -1).trim();
  if (/^mailto:/i.test(s)) s = s.slice(7);
  s = s.toLowerCase();
  if (s.length === 0 || s.length > 254) return null;
  const at = s.indexOf('@');
  if (at <= 0 || at !== s.lastIndexOf('@')) return null;
  const local = s.slice(0, at);
  const domain = s.slice(at + 1);
  if (local.length > 64 || !LOCAL.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..')) {
    return null;
  }
  const labels = domain.split('.');
  if (labels.length < 2 || labels.some((l) => !LABEL.test(l) || l.length > 63)) return null;
  if (!/^[a-z\u00a1-\uffff]{2,}$/.test(labels[labels.length - 1]) && !/^xn--/.test(labels[labels.length - 1])) return null;
  return s;
}

const CANDIDATE = /[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+/g;

/** The first valid address inside free text such as `Dana <dana@acme.com>` or `From: a@b.com`. */
export function findEmailIn(text: string): string | null {
  if (typeof text !== 'string') return null;
  for (const m of text.matchAll(CANDIDATE)) {
    const e = normalizeEmail(m[0].replace(/^[.]+|[.]+$/g, ''));
    if (e) return e;
  }
  return null;
}
