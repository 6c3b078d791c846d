/**
 * A layout report: a redacted copy of the mail view, made when detection fails (or when the
 * user asks) so that it can be sent to us without giving away any mail. Pure: it reads the
 * given Document, never writes to it, never throws (on failure it returns a short report
 * saying so). It runs in the mail tab, injected on demand by the side panel as its own
 * script (entrypoints/layout-report.ts, see lib/ui/layout-report.ts); the content scripts
 * never carry it.
 *
 * KEPT, the structure: tags, attribute names (`data-*`, `aria-*` and all), class names, the
 * layout attribute values (`role`, `aria-expanded`, `aria-selected`, `aria-level`, `hidden`,
 * `contenteditable`, `tabindex`, `type`, `lang`, ... and the app's own constants
 * `data-testid`, `data-app-section`, `data-icon-name` that the Outlook reader looks up), and
 * from `style` only `display`, `visibility` and `font-weight`. Where the page has a window,
 * what its stylesheets decide is written in as well: `display: none` where the computed
 * display is none, `visibility` and `font-weight` where they change from the parent (the
 * weight always on an Outlook list subject, the reader's sign of an unread row). That is
 * what the readers see (hidden earlier threads; Outlook tells unread rows by a bold subject),
 * and a font weight or a hidden flag says nothing about the mail.
 *
 * IDS keep their shape: ids, id references and the `data-*` ids (`data-convid`,
 * `data-thread-id`, `data-message-id`, `data-legacy-*`, ...) keep their separators, their
 * words of up to 32 letters (`thread-f`, `primaryMailboxRoot_`, which the readers match by
 * prefix) and their parts of up to 5 characters (`O365_MainLink_Me`, Gmail's `:2a`); every
 * other part becomes one of the same length and kinds of characters, numbered in order of
 * appearance, the same part always the same:
 * `#thread-f:1800000000000000009` -> `#thread-f:1000000000000000001`. The page's address is
 * given as its origin, its path and hash with letters as x and digits as 0.
 *
 * REPLACED, everything the user or their correspondents wrote or are: every text node and
 * every other attribute value (`title`, `aria-label`, `alt`, `name`, `email`,
 * `data-hovercard-id`, `value`, `placeholder`, ...). Each address becomes a placeholder
 * address, `person1@example.invalid`, `person2@...` in order of first appearance, the same
 * address always the same one, so the readers find the same people in the report as on the
 * page; every other letter becomes `x` (`X` for a capital), every digit `0`, any other sign
 * but punctuation `*`, so "Dana Client <dana@acme.com>" reads "Xxxx Xxxxxx <person2@example.invalid>".
 * Links keep only a Google or Microsoft host (the Gmail reader finds the account button by
 * its link to accounts.google.com), else become `#`; sources become `data:,`; event
 * handlers, `srcset` and the values of Google's `js*` wiring attributes are dropped.
 *
 * DATES are kept as shown where the readers read them (Gmail's `span.g3` and the date cells
 * `td.gH`, `td.xW` of the thread and the list; Outlook's `SentReceivedSavedTime` and the
 * titles in a list row outside its subject), when the whole value is a date the readers
 * parse (./dates.ts), a trailing "(8 days ago)" replaced like other text. A date alone
 * identifies nothing, and its exact form is what the report is for: a new date format is a
 * common reason for a reader to fail, a shifted date in another form would hide it, and the
 * order of the dates is what tells the readers which message is oldest.
 *
 * LEFT OUT: `<script>`, `<style>`, `<link>`, `<meta>`, frames, `<object>`, `<template>`,
 * `<noscript>`, comments, the content of `<svg>` and `<canvas>`, the content of message
 * bodies (their element is kept with its attributes), and every part of the page outside
 * the mail views, the reading pane, the message list and the elements the readers take the
 * user's address from (their ancestors are kept, attributes and all, without their other
 * children). A page with none of these is kept whole.
 *
 * BOUNDS: one pass over the kept elements (linear in the page); attribute values are cut at
 * 1,000 characters and text nodes at 5,000 before they are read; at most 64 attributes an
 * element and 400 levels of nesting; the report stops at `maxChars` (2,000,000), closes what
 * is open and says where it was cut.
 */
import { normalizeEmail } from '../domain/model';
import { parseMailDate } from './dates';
import { GMAIL } from './gmail-selectors';
import { OUTLOOK, OUTLOOK_LIST } from './outlook-selectors';

export interface LayoutReportOptions {
  /** the report's size limit in characters (default 2,000,000) */
  maxChars?: number;
  /** when passed, receives each address found (lower case) and the placeholder that replaced it */
  people?: Map<string, string>;
}

export const MAX_REPORT_CHARS = 2_000_000;
/** `.invalid` is reserved (RFC 2606): a placeholder can never be somebody's address */
export const PLACEHOLDER_DOMAIN = 'example.invalid';
/** the first line of every report, also how a test tells a report apart */
export const REPORT_TITLE = 'Touchbase layout report';

const MAX_DEPTH = 400;
const MAX_ATTR_CHARS = 1000;
const MAX_TEXT_CHARS = 5000;
const MAX_ATTRS = 64;
const MAX_AREAS = 2000;

/**
 * The parts of the page kept: the mail views and the account button (Gmail), the reading
 * pane, the message list and the folder root or account button (Outlook), with their ancestors.
 */
const AREAS = [
  ...GMAIL.main,
  ...GMAIL.account,
  '[role="banner"]',
  ...OUTLOOK.readingPane,
  '#MailList',
  '[role="listbox"]',
  ...OUTLOOK.self,
].join();
/** message bodies, whose content is left out */
const BODY = `${GMAIL.body},${OUTLOOK.body}`;
/** where the readers read dates: Gmail's thread and list date cells, Outlook's thread date */
const DATE_CELLS = ['span.g3', 'td.gH', 'td.xW', ...OUTLOOK.date].join();
/** an Outlook list row: the titles of its children are dates, but not in its subject */
const LIST_ROW = '[role="option"][data-convid]';
const LIST_SUBJECT = OUTLOOK_LIST.subject.join();
/** any of the above: most elements are none, and one test tells */
const SPECIAL = [BODY, DATE_CELLS, LIST_ROW, LIST_SUBJECT].join();

const DROP = new Set(
  'script style link meta base title head iframe frame frameset object embed applet portal template noscript noembed noframes xmp plaintext param'.split(' '),
);
const VOID = new Set('area br col hr img input source track wbr'.split(' '));
/** elements kept without their content */
const SHELL = new Set('svg math canvas video audio'.split(' '));

/** attributes whose values are kept when they look like a token (else they are replaced like text) */
const KEEP_VALUE = new Set(
  (
    'role hidden contenteditable tabindex type dir lang draggable spellcheck translate colspan rowspan disabled ' +
    'checked selected readonly multiple open inert g_editable gh data-testid data-app-section data-icon-name ' +
    'aria-expanded aria-selected aria-level aria-hidden aria-checked aria-pressed aria-disabled aria-haspopup ' +
    'aria-multiline aria-multiselectable aria-readonly aria-modal aria-orientation aria-live aria-atomic aria-busy ' +
    'aria-current aria-sort aria-posinset aria-setsize aria-rowindex aria-colindex aria-rowcount aria-colcount ' +
    'aria-invalid aria-required aria-autocomplete'
  ).split(' '),
);
const TOKEN = /^[\w.:\- ]{0,100}$/;
/** ids and id references: their shape is kept */
const ID_ATTRS = new Set(
  'id for headers aria-labelledby aria-describedby aria-controls aria-owns aria-activedescendant aria-flowto aria-details aria-errormessage data-convid'.split(' '),
);
const DATA_ID = /^data-(?:legacy-[\w-]+|[\w-]*-id)$/;
const URL_ATTRS = new Set('href xlink:href action formaction cite longdesc'.split(' '));
const SRC_ATTRS = new Set('src poster background data'.split(' '));
const DROP_ATTRS = new Set('srcset imagesrcset ping integrity nonce'.split(' '));
/** hosts whose links are kept (without path or query): the account pages the readers look for */
const KNOWN_HOST = /(?:^|\.)(?:google\.com|live\.com|office\.com|office365\.com|microsoft\.com|microsoftonline\.com|cloud\.microsoft)$/i;
const STYLE_PROPS = new Set(['display', 'visibility', 'font-weight']);
const ATTR_NAME = /^[A-Za-z_:][\w:.-]{0,80}$/;
const TAG_NAME = /^[A-Za-z][\w-]{0,63}$/;
/** runs that may hold an address, as ./address.ts reads them */
const ADDRESS = /[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+/g;

/** Letters to `x`/`X`, digits to `0`, marks and invisible formatting out, other non-punctuation signs to `*`. */
export function fill(s: string): string {
  return s
    .replace(/[\p{M}\p{Cf}]/gu, '')
    .replace(/[^\P{L}\p{Lu}\p{Lt}]/gu, 'x')
    .replace(/[\p{Lu}\p{Lt}]/gu, 'X')
    .replace(/\p{N}/gu, '0')
    .replace(/[^\s\p{P}\x21-\x7e]/gu, '*');
}

/** a date the readers parse, kept as shown (a trailing "(8 days ago)" filled); else undefined */
function keptDate(s: string): string | undefined {
  if (s.length > 200 || !/\d/.test(s)) return undefined;
  const tail = /\([^()]*\)\s*$/.exec(s);
  const head = tail ? s.slice(0, tail.index) : s;
  return parseMailDate(head) ? head + (tail ? fill(tail[0]) : '') : undefined;
}

const escText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escAttr = (s: string) => escText(s).replace(/"/g, '&quot;');
/** text for an HTML comment: no `--`, no `>` */
const commentSafe = (s: string) => s.replace(/-{2,}/g, '-').replace(/>/g, ')');

function normWeight(w: string | undefined): string | undefined {
  if (w === 'normal') return '400';
  if (w === 'bold') return '700';
  return w && /^\d{1,4}$/.test(w) ? w : undefined;
}

interface Ctx {
  /** inside a kept area */
  keep: boolean;
  depth: number;
  /** the children are in a date zone */
  dates: boolean;
  visibility: string;
  weight: string;
}

class Reporter {
  readonly people: Map<string, string>;
  private readonly ids = new Map<string, string>();
  private readonly parts: string[] = [];
  private size = 0;
  private cut = false;
  private kept = 0;
  private leftOut = 0;
  private bodies = 0;
  private dates = 0;
  private tooDeep = 0;
  private readonly computed?: (el: Element) => CSSStyleDeclaration;

  constructor(
    private readonly doc: Document,
    private readonly max: number,
    people: Map<string, string> | undefined,
  ) {
    this.people = people ?? new Map();
    const win = doc.defaultView;
    if (win && typeof win.getComputedStyle === 'function') this.computed = (el) => win.getComputedStyle(el);
  }

  private person(email: string): string {
    let p = this.people.get(email);
    if (!p) this.people.set(email, (p = `person${this.people.size + 1}@${PLACEHOLDER_DOMAIN}`));
    return p;
  }

  /** addresses to placeholders, every other stretch through `rest` */
  private addresses(s: string, rest: (seg: string) => string): string {
    if (!s.includes('@')) return rest(s);
    let out = '';
    let last = 0;
    for (const m of s.matchAll(ADDRESS)) {
      const core = m[0].replace(/^\.+|\.+$/g, '');
      const email = normalizeEmail(core);
      if (!email) continue;
      const at = m.index! + m[0].indexOf(core);
      out += rest(s.slice(last, at)) + this.person(email);
      last = at + core.length;
    }
    return out + rest(s.slice(last));
  }

  /** page text (a text node or a label): a date kept in a date zone, else addresses to placeholders and the rest filled */
  text(raw: string, dateZone: boolean): string {
    const s = raw.length > MAX_TEXT_CHARS ? raw.slice(0, MAX_TEXT_CHARS) + '…' : raw;
    if (dateZone) {
      const date = keptDate(s);
      if (date !== undefined) {
        this.dates++;
        return date;
      }
    }
    return this.addresses(s, fill);
  }

  /** one part of an id, numbered in order of appearance, the same part always the same */
  private shaped(part: string): string {
    let r = this.ids.get(part);
    if (r) return r;
    const n = String(this.ids.size + 1);
    let s = part.replace(/\d/g, '0').replace(/[a-z]/g, 'a').replace(/[A-Z]/g, 'A').replace(/[^0aA]/g, 'a');
    if (/^\d/.test(part)) s = '1' + s.slice(1);
    r = s.length > n.length ? s.slice(0, s.length - n.length) + n : n.slice(-s.length);
    this.ids.set(part, r);
    return r;
  }

  /** an id keeps its separators and its short or letters-only parts; other parts are shaped */
  id(v: string): string {
    return this.addresses(v, (seg) =>
      seg.replace(/[^\s!-/:-@[-`{-~]+/g, (part) => (part.length <= 5 || /^[A-Za-z]{1,32}$/.test(part) ? part : this.shaped(part))),
    );
  }

  private styleOf(el: Element, ctx: Ctx, subject: boolean): { css: string; visibility: string; weight: string } {
    const decls = new Map<string, string>();
    const inline = el.getAttribute('style');
    if (inline) {
      for (const d of inline.slice(0, MAX_ATTR_CHARS).split(';')) {
        const i = d.indexOf(':');
        const prop = d.slice(0, i).trim().toLowerCase();
        const value = d.slice(i + 1).trim().toLowerCase();
        if (i > 0 && STYLE_PROPS.has(prop) && /^[a-z0-9-]{1,20}(?:\s*!important)?$/.test(value)) decls.set(prop, value);
      }
    }
    let { visibility, weight } = ctx;
    if (this.computed) {
      try {
        const cs = this.computed(el);
        if (cs.display === 'none') decls.set('display', 'none');
        const v = cs.visibility;
        if (v && /^[a-z]{1,20}$/.test(v)) {
          if (v !== visibility) decls.set('visibility', v);
          visibility = v;
        }
        const w = normWeight(cs.fontWeight);
        if (w) {
          if (w !== weight || subject) decls.set('font-weight', w);
          weight = w;
        }
      } catch {
        /* no computed style: the inline one only */
      }
    }
    return { css: [...decls].map(([p, v]) => `${p}: ${v}`).join('; '), visibility, weight };
  }

  private attrs(el: Element, dateZone: boolean, css: string): string {
    let out = '';
    let n = 0;
    for (const a of el.attributes) {
      if (n++ >= MAX_ATTRS) break;
      const name = a.name;
      const lower = name.toLowerCase();
      if (!ATTR_NAME.test(name) || lower.startsWith('on') || lower === 'style' || DROP_ATTRS.has(lower)) continue;
      const v = a.value.length > MAX_ATTR_CHARS ? a.value.slice(0, MAX_ATTR_CHARS) : a.value;
      let r: string;
      if (KEEP_VALUE.has(lower)) r = TOKEN.test(v) ? v : this.text(v, false);
      else if (lower === 'class') {
        r = v
          .split(/\s+/)
          .filter(Boolean)
          .slice(0, 64)
          .map((c) => (/^[\w-]{1,100}$/.test(c) ? c : this.text(c, false)))
          .join(' ');
      } else if (ID_ATTRS.has(lower) || (DATA_ID.test(lower) && lower !== 'data-hovercard-id')) r = this.id(v);
      else if (URL_ATTRS.has(lower)) {
        const host = /^\s*https?:\/\/([\w.-]+)(?=[/?#:]|\s*$)/i.exec(v)?.[1];
        r = host && KNOWN_HOST.test(host) ? `https://${host.toLowerCase()}/` : '#';
      } else if (SRC_ATTRS.has(lower)) r = 'data:,';
      else if (/^js[a-z]*$/.test(lower)) r = '';
      else r = this.text(v, dateZone);
      out += ` ${name}="${escAttr(r)}"`;
    }
    return css ? `${out} style="${escAttr(css)}"` : out;
  }

  private emit(s: string): boolean {
    if (this.size + s.length > this.max) {
      this.cut = true;
      return false;
    }
    this.parts.push(s);
    this.size += s.length;
    return true;
  }

  /** the start tag of `el`, and the context of its children */
  private open(el: Element, tag: string, ctx: Ctx, keep: boolean, special: boolean): [string, Ctx] {
    const row = special && el.matches(LIST_ROW);
    const subject = special && el.matches(LIST_SUBJECT);
    const dateZone = !subject && (ctx.dates || (special && el.matches(DATE_CELLS)));
    const style = this.styleOf(el, ctx, subject);
    const start = `<${tag}${this.attrs(el, dateZone, style.css)}>`;
    return [start, { keep, depth: ctx.depth + 1, dates: !subject && (dateZone || row), visibility: style.visibility, weight: style.weight }];
  }

  run(): string {
    const doc = this.doc;
    const html = doc.documentElement;
    const body = doc.body;
    const roots = new Set<Element>();
    const path = new Set<Element>();
    if (body) {
      for (const el of body.querySelectorAll(AREAS)) {
        if (roots.size >= MAX_AREAS) break;
        roots.add(el);
      }
      for (const el of roots) for (let a = el.parentElement; a && a !== body && !path.has(a); a = a.parentElement) path.add(a);
    }
    const whole = !roots.size;

    const top: Ctx = { keep: whole, depth: 0, dates: false, visibility: 'visible', weight: '400' };
    this.emit(`<head><meta charset="utf-8"><title>${escText(this.text(doc.title ?? '', false))}</title></head>`);
    const [bodyStart, bodyCtx] = body ? this.open(body, 'body', top, whole, false) : ['<body>', top];
    this.emit(bodyStart);
    const stack: ([Node, Ctx] | string)[] = [];
    const kids = body?.childNodes ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], bodyCtx]);

    while (stack.length) {
      const item = stack.pop()!;
      if (typeof item === 'string') {
        // closing tags are always written: the margin kept below leaves room for them
        this.parts.push(item);
        this.size += item.length;
        continue;
      }
      if (this.cut) continue;
      const [node, ctx] = item;
      if (node.nodeType === 3) {
        if (ctx.keep) this.emit(escText(this.text((node as Text).data, ctx.dates)));
        continue;
      }
      if (node.nodeType !== 1) continue; // comments, processing instructions
      const el = node as Element;
      const tag = el.localName.toLowerCase();
      if (DROP.has(tag)) continue;
      const keep = ctx.keep || roots.has(el);
      if (!keep && !path.has(el)) {
        this.leftOut++;
        continue;
      }
      if (ctx.depth >= MAX_DEPTH) {
        this.tooDeep++;
        continue;
      }
      const name = TAG_NAME.test(tag) ? tag : 'x-element';
      const special = keep && el.matches(SPECIAL);
      const [start, childCtx] = this.open(el, name, ctx, keep, special);
      if (!this.emit(start)) continue;
      if (keep) this.kept++;
      if (VOID.has(tag)) continue;
      const close = `</${name}>`;
      if (special && el.matches(BODY)) {
        this.bodies++;
        this.parts.push('<!-- message body left out -->');
        stack.push(close);
        continue;
      }
      stack.push(close);
      if (SHELL.has(tag) || (el.namespaceURI && el.namespaceURI !== 'http://www.w3.org/1999/xhtml')) continue;
      const children = el.childNodes;
      for (let i = children.length - 1; i >= 0; i--) stack.push([children[i], childCtx]);
    }
    if (this.cut) this.parts.push(`<!-- the report was cut here, at ${this.max} characters -->`);
    this.parts.push('</body>');

    const lang = html?.getAttribute('lang') ?? '';
    const dir = html?.getAttribute('dir') ?? '';
    const htmlAttrs = (/^[\w-]{1,35}$/.test(lang) ? ` lang="${lang}"` : '') + (/^(?:ltr|rtl|auto)$/.test(dir) ? ` dir="${dir}"` : '');
    return `<!doctype html>\n${this.header(whole)}\n<html${htmlAttrs}>${this.parts.join('')}</html>\n`;
  }

  private header(whole: boolean): string {
    const loc = this.doc.location;
    const at = loc && /^https?:$/.test(loc.protocol) ? `${loc.origin}${fill(loc.pathname + loc.hash).slice(0, 300)}` : 'unknown';
    const lines = [
      `${REPORT_TITLE} (format 1).`,
      `Page: ${at} (path and hash with letters as x, digits as 0).`,
      'Kept: the structure (tags, roles, classes, attribute names, layout attribute values, display, visibility and font weight);',
      'ids keep their shape; the dates the readers read are kept as shown.',
      `Replaced: every text, name, subject, label and address; each address by person1@${PLACEHOLDER_DOMAIN}, person2@...`,
      'in order of first appearance, the same address always the same.',
      'Left out: scripts, styles, frames, image sources, comments, the content of message bodies,',
      whole ? 'nothing else: no mail view was found, so the whole page is kept.' : 'and the parts of the page outside the mail view.',
      `Counts: elements kept ${this.kept}, parts of the page left out ${this.leftOut}, message bodies emptied ${this.bodies}, ` +
        `addresses replaced ${this.people.size}, dates kept ${this.dates}${this.tooDeep ? `, parts nested too deep left out ${this.tooDeep}` : ''}` +
        `${this.cut ? `; cut at ${this.max} characters` : ''}.`,
    ];
    return `<!--\n${lines.map(commentSafe).join('\n')}\n-->`;
  }
}

/**
 * A redacted copy of the mail view of `doc` as an HTML document (see above). Never throws:
 * on failure the report says that it could not be made, and why in one word.
 */
export function layoutReport(doc: Document, opts: LayoutReportOptions = {}): string {
  try {
    // room for the header and for closing what is open when the report is cut
    const max = Math.max(1000, (opts.maxChars ?? MAX_REPORT_CHARS) - 8000);
    return new Reporter(doc, max, opts.people).run();
  } catch (e) {
    const why = e instanceof Error && /^\w{1,40}$/.test(e.name) ? e.name : 'error';
    return `<!doctype html>\n<!-- ${REPORT_TITLE}: it could not be made (${why}). -->\n<html><head><meta charset="utf-8"></head><body></body></html>\n`;
  }
}
