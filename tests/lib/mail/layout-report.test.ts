/**
 * The layout report (lib/mail/layout-report.ts) on every Gmail and Outlook fixture:
 * (a) nothing of the page's people or words is left in it; (b) the readers find in it what
 * they find on the page, the same people under their placeholders; (c) hostile input stays
 * bounded; and the content scripts never carry it.
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { layoutReport, PLACEHOLDER_DOMAIN, REPORT_TITLE } from '@/lib/mail/layout-report';
import { readGmailThread } from '@/lib/mail/gmail';
import { readOutlookThread } from '@/lib/mail/outlook';
import { readGmailList } from '@/lib/mail/gmail-list';
import { readOutlookList } from '@/lib/mail/outlook-list';
import { parseMailDate } from '@/lib/mail/dates';
import { findEmailsIn } from '@/lib/mail/address';
import type { MailListSnapshot, Person, ThreadSnapshot } from '@/lib/domain/model';
import { FIXTURES, fixtureHtml, parse } from './fixtures';

// ------------------------------------------------------------------ the fixtures

const MAIL_DIRS = ['gmail', 'outlook', 'e2e'];
const FILES = MAIL_DIRS.flatMap((d) =>
  fs.readdirSync(path.join(FIXTURES, d)).filter((f) => f.endsWith('.html')).sort().map((f) => `${d}/${f}`),
);

// the browser tests' date placeholders ({{at:-5d|gmail}}), written as tests/e2e/harness.ts
// writes them, from a fixed moment (tests run with TZ=UTC)
const NOW = Date.UTC(2025, 7, 15, 12, 0);
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function at(n: number, unit: string, form: string): string {
  const d = new Date(NOW + n * { m: 60_000, h: 3_600_000, d: 86_400_000 }[unit]!);
  const h = d.getHours() % 12 || 12;
  const ap = d.getHours() < 12 ? 'AM' : 'PM';
  const mm = String(d.getMinutes()).padStart(2, '0');
  return form === 'gmail'
    ? `${DAYS[d.getDay()]}, ${MONTHS[d.getMonth()]} ${d.getDate()}, ${d.getFullYear()}, ${h}:${mm}\u202f${ap}`
    : `${DAYS[d.getDay()]} ${d.getMonth() + 1}/${d.getDate()}/${d.getFullYear()} ${h}:${mm} ${ap}`;
}
const pageHtml = (rel: string) =>
  fixtureHtml(rel).replace(/\{\{at:(-?\d+)([mhd])\|(gmail|outlook)\}\}/g, (_, n, u, f) => at(Number(n), u, f));

function report(doc: Document, opts: { maxChars?: number } = {}) {
  const people = new Map<string, string>();
  const html = layoutReport(doc, { ...opts, people });
  return { html, people, doc: parse(html) };
}

// ------------------------------------------------------------------ (a) privacy

/** the comments the report writes itself: its header and its notes */
const OWN_COMMENT = new RegExp(`^<!--(?:\\n${REPORT_TITLE} \\(format 1\\)[^]*| message body left out | the report was cut here, at \\d+ characters )-->$`);

const words = (s: string) => (s.match(/\p{L}{4,}/gu) ?? []).map((w) => w.toLowerCase());

/**
 * What the page gives away: every address in any attribute or text (scripts included), and
 * the words of 4 letters or more of the text nodes and of the `email`, `title`,
 * `aria-label`, `name`, `alt`, `data-hovercard-id`, `placeholder` and `value` attributes.
 * Left out of the words, with the reason:
 * - the page's structure, which the report keeps by design: tag names, attribute names
 *   (`data-message-id` has "message"), class names, id parts, and the layout values
 *   (`role`, `type`, `lang`, `data-testid`, `data-app-section`, `data-icon-name`);
 * - the words of dates the readers parse (month and weekday names): dates are kept;
 * - the host of a link ("accounts.google.com"): links to Google's and Microsoft's own pages keep it;
 * - the placeholders' own words: person, example, invalid.
 * A `<script>` or `<style>` is code, not mail text: its words are not collected (its
 * addresses are, and the report drops both elements).
 */
function pageSecrets(doc: Document) {
  const addresses = new Set<string>();
  const found = new Set<string>();
  const excused = new Set(['person', 'example', 'invalid']);
  const collect = (v: string) => {
    findEmailsIn(v).forEach((a) => addresses.add(a));
    for (const w of words(v)) (parseMailDate(v) ? excused : found).add(w);
  };
  for (const el of doc.querySelectorAll('*')) {
    words(el.localName).forEach((w) => excused.add(w));
    for (const a of el.attributes) {
      findEmailsIn(a.value).forEach((e) => addresses.add(e));
      words(a.name).forEach((w) => excused.add(w));
      if (['class', 'id', 'role', 'type', 'lang', 'data-testid', 'data-app-section', 'data-icon-name'].includes(a.name)) {
        words(a.value).forEach((w) => excused.add(w));
      }
      if (['email', 'title', 'aria-label', 'name', 'alt', 'data-hovercard-id', 'placeholder', 'value'].includes(a.name)) collect(a.value);
      // a link to Google's or Microsoft's own pages keeps its host ("accounts.google.com")
      if (a.name === 'href') words(/^https?:\/\/([\w.-]+)/.exec(a.value)?.[1] ?? '').forEach((w) => excused.add(w));
    }
  }
  const walker = doc.createTreeWalker(doc, 4 /* text */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = (n as Text).data;
    const parent = n.parentElement?.localName;
    if (parent === 'script' || parent === 'style') findEmailsIn(text).forEach((a) => addresses.add(a));
    else collect(text);
  }
  for (const w of excused) found.delete(w);
  return { addresses, words: found };
}

describe('a layout report gives nothing of the page away', () => {
  it.each(FILES)('%s', (rel) => {
    const page = parse(pageHtml(rel));
    const { html } = report(page);
    const secrets = pageSecrets(page);
    expect(secrets.addresses.size + secrets.words.size).toBeGreaterThan(0);

    const lower = html.toLowerCase();
    expect([...secrets.addresses].filter((a) => lower.includes(a))).toEqual([]);
    // every comment is the report's own: the page's are gone
    const comments = html.match(/<!--[^]*?-->/g) ?? [];
    expect(comments.filter((c) => !OWN_COMMENT.test(c))).toEqual([]);
    const reportWords = new Set(words(html.replace(/<!--[^]*?-->/g, '')));
    expect([...secrets.words].filter((w) => reportWords.has(w))).toEqual([]);

    // no code, no frame, no source, no handler: opening the report runs and loads nothing
    const doc = parse(html);
    expect(doc.querySelectorAll('script, style, link, iframe, object, embed, meta:not([charset])').length).toBe(0);
    for (const el of doc.querySelectorAll('*')) {
      for (const a of el.attributes) {
        expect(a.name).not.toMatch(/^on/);
        if (['src', 'poster'].includes(a.name)) expect(a.value).toBe('data:,');
        if (a.name === 'href') expect(a.value).toMatch(/^(?:#|https:\/\/[\w.-]+\/)$/);
      }
    }
    // every address in the report is a placeholder
    expect(findEmailsIn(doc.body.innerHTML + ' ' + doc.title).every((a) => a.endsWith(`@${PLACEHOLDER_DOMAIN}`))).toBe(true);
  });
});

// ------------------------------------------------------------------ (b) round trip

type Named = { email: string; named: boolean } | undefined;

/** a snapshot in the terms both sides share: people by address (mapped), names by presence, ids by presence */
function shapeOf(s: ThreadSnapshot | MailListSnapshot | null, map: (e: string) => string) {
  if (!s) return null;
  const p = (x: Person | undefined): Named => x && { email: map(x.email), named: !!x.name };
  if ('rows' in s) {
    return {
      provider: s.provider,
      rows: s.rows.map((r) => ({
        hasThreadId: !!r.threadId,
        participants: r.participants.map(p),
        latestFrom: p(r.latestFrom),
        unread: r.unread,
        latestAt: r.latestAt,
        hasSubject: !!r.subject,
      })),
    };
  }
  return {
    provider: s.provider,
    hasThreadId: !!s.threadId,
    hasSubject: !!s.subject,
    self: p(s.self),
    correspondent: p(s.correspondent),
    participants: s.participants.map(p),
    messages: s.messages.map((m) => ({ hasId: !!m.id, from: p(m.from), to: m.to.map(p), sentAt: m.sentAt, direction: m.direction })),
  };
}

const READERS = {
  readGmailThread: (d: Document, diagnostics: string[]) => readGmailThread(d, { diagnostics }),
  readOutlookThread: (d: Document, diagnostics: string[]) => readOutlookThread(d, { diagnostics }),
  readGmailList: (d: Document, diagnostics: string[]) => readGmailList(d, { diagnostics }),
  readOutlookList: (d: Document, diagnostics: string[]) => readOutlookList(d, { diagnostics }),
};

/** the ids a snapshot carries, in order */
const idsOf = (s: ThreadSnapshot | MailListSnapshot | null): string[] =>
  !s ? [] : 'rows' in s ? s.rows.map((r) => r.threadId ?? '') : [s.threadId ?? '', ...s.messages.map((m) => m.id ?? '')];

function expectSameReading(page: Document, r: ReturnType<typeof report>) {
  let read = 0;
  for (const [name, reader] of Object.entries(READERS)) {
    const pageDiag: string[] = [];
    const reportDiag: string[] = [];
    const fromPage = reader(page, pageDiag);
    const fromReport = reader(r.doc, reportDiag);
    if (fromPage) read++;
    const placeholder = (e: string) => r.people.get(e) ?? `not replaced: ${e}`;
    expect({ name, snapshot: shapeOf(fromReport, (e) => e) }).toEqual({ name, snapshot: shapeOf(fromPage, placeholder) });
    expect({ name, diagnostics: reportDiag }).toEqual({ name, diagnostics: pageDiag });
    // ids keep their shape (length, separators), the same id always the same, two ids never one
    const pairs = idsOf(fromPage).map((id, i) => [id, idsOf(fromReport)[i]] as const);
    for (const [a, b] of pairs) {
      expect(b.length).toBe(a.length);
      expect(b.replace(/[A-Za-z0-9]/g, '')).toBe(a.replace(/[A-Za-z0-9]/g, ''));
    }
    expect(new Set(pairs.map(([a, b]) => `${a}>${b}`)).size).toBe(new Set(pairs.map(([a]) => a)).size);
    expect(new Set(pairs.map(([, b]) => b)).size).toBe(new Set(pairs.map(([a]) => a)).size);
  }
  return read;
}

describe('the readers read a layout report as they read the page', () => {
  it.each(FILES)('%s', (rel) => {
    const page = parse(pageHtml(rel));
    const r = report(page);
    const read = expectSameReading(page, r);
    // every placeholder stands for one address of the page, in order of first appearance
    expect([...r.people.values()]).toEqual([...r.people.keys()].map((_, i) => `person${i + 1}@${PLACEHOLDER_DOMAIN}`));
    if (!/no-thread|gmail-inbox/.test(rel)) expect(read).toBeGreaterThan(0);
  });

  it('keeps what the page’s stylesheet decides: the bold subjects of unread Outlook rows, a hidden list', () => {
    const page = parse(fixtureHtml('outlook/list-inbox-en-us.html'));
    // in the test's own document, which has a window, so the fixture's stylesheet applies
    document.head.replaceWith(document.importNode(page.head, true));
    document.body.replaceWith(document.importNode(page.body, true));
    document.head.insertAdjacentHTML('beforeend', '<style>.hideme { display: none }</style>');
    document.querySelector('.emptyState')!.classList.add('hideme');
    const r = report(document);
    expect(r.html).not.toContain('<style');
    const unread = (d: Document) => readOutlookList(d)!.rows.map((row) => row.unread);
    expect(unread(document)).toEqual([true, true, false, false, true, false]);
    expect(unread(r.doc)).toEqual(unread(document));
    expect(r.doc.querySelector('.TtcXM.kfpsB')!.getAttribute('style')).toBe('font-weight: 600');
    expect(r.doc.querySelector('.emptyState')!.getAttribute('style')).toBe('display: none');
    expectSameReading(document, r);
  });

  it('the same address is always the same placeholder, whatever its case; ids keep their shape', () => {
    const page = parse(pageHtml('e2e/gmail-inbox-unopened.html'));
    page.querySelector('.zF')!.setAttribute('data-hovercard-id', 'Dana.Client@ACME-corp.com');
    const r = report(page);
    const dana = r.doc.querySelector('.zF')!;
    expect(dana.getAttribute('email')).toBe(dana.getAttribute('data-hovercard-id'));
    expect(r.people.get('dana.client@acme-corp.com')).toBe(dana.getAttribute('email'));
    // the example of the brief: the first id part of the page
    expect(r.doc.querySelector('[data-thread-id]')!.getAttribute('data-thread-id')).toBe('#thread-f:1000000000000000001');
    expect(r.doc.querySelector('[data-thread-id]')!.getAttribute('data-legacy-thread-id')).toBe('10aa0000000002');
    expect(r.doc.title).toBe('Xxxxx (0) - person1@example.invalid - Xxxxx');
  });
});

// ------------------------------------------------------------------ what is kept and what is not

describe('layoutReport keeps the structure and only the mail view', () => {
  it('keeps tags, roles, classes, layout values and dates; empties message bodies; leaves out the rest of the page', () => {
    const page = parse(fixtureHtml('gmail/thread-basic-en-us.html'));
    const before = page.documentElement.outerHTML;
    const r = report(page);
    expect(page.documentElement.outerHTML).toBe(before); // the page is only read
    const d = r.doc;
    expect(d.documentElement.lang).toBe('en');
    expect(d.querySelectorAll('[role=listitem]').length).toBe(page.querySelectorAll('[role=listitem]').length);
    expect(d.querySelector('[role=listitem].kv')!.getAttribute('aria-expanded')).toBe('false');
    expect(d.querySelector('h2.hP')!.getAttribute('tabindex')).toBe('-1');
    expect(d.querySelector('h2.hP')!.textContent).toBe('Xxxxxxx xxx xxxx xxxx ');
    expect(d.querySelector('span.g3')!.getAttribute('title')).toBe('Fri, Aug 1, 2025, 4:05\u202fPM');
    expect([...d.querySelectorAll('span.g3')].map((s) => s.textContent)).toEqual([
      'Xxx 0', // "Aug 1": no year, not a date the readers read
      'Aug 6, 2025, 11:30\u00a0AM (0 xxxx xxx)',
      '0:00\u202fXX (0 xxxx xxx)',
    ]);
    // the body containers stay, empty
    expect(d.querySelectorAll('.ii.gt').length).toBe(2);
    expect([...d.querySelectorAll('.ii.gt')].every((b) => b.children.length === 0 && !b.textContent)).toBe(true);
    // the navigation is not part of the mail view
    expect(d.querySelector('[role=navigation]')).toBeNull();
    expect(r.html).toContain('href="https://accounts.google.com/"');
  });

  it('keeps inline display and visibility, nothing else of a style', () => {
    const page = parse(
      '<div role="main"><div style="display: none; color: red; background: url(https://x.example/a.png)">a</div>' +
        '<div style="visibility:hidden;font-family:Dana">b</div></div>',
    );
    const d = report(page).doc;
    expect([...d.querySelectorAll('[role=main] > div')].map((e) => e.getAttribute('style'))).toEqual(['display: none', 'visibility: hidden']);
  });

  it('keeps the whole page, redacted, when no mail view is found', () => {
    const r = report(parse('<div class="app"><p title="Dana Client">Hello Dana</p></div>'));
    expect(r.html).toContain('no mail view was found');
    expect(r.doc.querySelector('.app p')!.textContent).toBe('Xxxxx Xxxx');
    expect(r.doc.querySelector('.app p')!.getAttribute('title')).toBe('Xxxx Xxxxxx');
  });
});

// ------------------------------------------------------------------ (c) hostile input

describe('layoutReport on hostile input', () => {
  it('stays bounded with a 100,000-character attribute, deep nesting and markup in names', () => {
    const page = parse('<div role="main"></div>');
    const main = page.querySelector('[role=main]')!;
    const huge = 'Dana'.repeat(25_000);
    main.setAttribute('title', huge);
    main.setAttribute('class', huge);
    main.setAttribute('data-thread-id', '1'.repeat(100_000));
    let at: Element = main;
    for (let i = 0; i < 1000; i++) at = at.appendChild(page.createElement('div'));
    const span = at.appendChild(page.createElement('span'));
    span.setAttribute('name', '"><script>alert(1)</script><img src=x onerror=alert(1)>');
    span.setAttribute('email', '<img src=x onerror=alert(1)>@acme.com');
    span.setAttribute('onclick', 'steal()');
    span.textContent = '<b>Dana</b> </span></div><script>alert(1)</script>';
    main.appendChild(page.createElement('span')).setAttribute('email', 'dana@acme.com');

    const t = performance.now();
    const r = report(page);
    expect(performance.now() - t).toBeLessThan(5000);
    expect(typeof r.html).toBe('string');
    expect(r.html.length).toBeLessThan(60_000);
    expect(r.html).not.toMatch(/dana/i);
    expect(r.html).not.toContain('steal');
    expect(r.html).toContain('parts nested too deep left out 1');
    expect(r.doc.querySelectorAll('[role=main] div').length).toBe(398);
    const d = r.doc;
    expect(d.querySelectorAll('script, img[onerror]').length).toBe(0);
    expect(d.querySelector('[role=main]')!.getAttribute('title')!.length).toBeLessThanOrEqual(1000);
    expect(d.querySelector('[email]')!.getAttribute('email')).toBe('person1@example.invalid');
  });

  it('cuts a page too large at the limit, says so, and closes what is open', () => {
    const rows = Array.from(
      { length: 1200 },
      (_, i) =>
        `<tr class="zA zE" role="row"><td class="yX"><div class="yW"><span class="zF" email="p${i}@acme.com" name="Person ${i}">Person ${i}</span></div></td>` +
        `<td><span class="bqe" data-thread-id="#thread-f:18${String(i).padStart(17, '0')}">Subject ${i}</span></td>` +
        `<td class="xW"><span title="Thu, Aug 7, 2025, 9:14\u202fAM">9:14\u202fAM</span></td></tr>`,
    );
    const page = parse(`<title>Inbox - sam@example.com - Gmail</title><div role="main"><table role="grid"><tbody>${rows.join('')}</tbody></table></div>`);
    const whole = report(page);
    expect(readGmailList(whole.doc)!.rows.length).toBe(200); // the reader's own cap
    const cut = report(page, { maxChars: 100_000 });
    expect(cut.html.length).toBeLessThanOrEqual(100_000);
    expect(cut.html).toContain('<!-- the report was cut here, at 92000 characters -->');
    expect(cut.html).toMatch(/<\/tr><\/tbody><\/table><\/div><!-- the report was cut here, at 92000 characters --><\/body><\/html>\n$/);
    const list = readGmailList(cut.doc)!;
    expect(list.rows.length).toBeGreaterThan(100);
    expect(list.rows.every((row) => row.participants[0].email.endsWith('@example.invalid'))).toBe(true);
  });

  it('never throws: a page it cannot read gives a short report saying so', () => {
    const broken = new Proxy(parse('<p>x</p>'), {
      get(target, key) {
        if (key === 'body') throw new Error('Dana <dana@acme.com>');
        return Reflect.get(target, key, target);
      },
    });
    const html = layoutReport(broken);
    expect(html).toContain(`${REPORT_TITLE}: it could not be made (Error).`);
    expect(html).not.toMatch(/dana/i);
  });
});

// ------------------------------------------------------------------ the content scripts never carry it

describe('the layout report is injected on demand only', () => {
  const ROOT = path.resolve(__dirname, '../../..');
  const resolveSpec = (from: string, spec: string): string | null => {
    const base = spec.startsWith('@/') ? spec.slice(2) : spec.startsWith('.') ? path.join(path.dirname(from), spec) : null;
    if (!base) return null;
    return [`${base}.ts`, `${base}.tsx`, base].find((c) => fs.existsSync(path.join(ROOT, c)) && fs.statSync(path.join(ROOT, c)).isFile()) ?? null;
  };
  const reach = (entry: string): Set<string> => {
    const seen = new Set<string>();
    const todo = [entry];
    while (todo.length) {
      const f = todo.pop()!;
      if (seen.has(f)) continue;
      seen.add(f);
      const info = ts.preProcessFile(fs.readFileSync(path.join(ROOT, f), 'utf8'), true, true);
      for (const i of info.importedFiles) {
        const to = resolveSpec(f, i.fileName);
        if (to) todo.push(to);
      }
    }
    return seen;
  };

  it('no content script imports it, the report script does', () => {
    const contentScripts = fs.readdirSync(path.join(ROOT, 'entrypoints')).filter((f) => f.endsWith('-content.ts'));
    expect(contentScripts.length).toBe(2);
    for (const f of contentScripts) expect(reach(`entrypoints/${f}`)).not.toContain('lib/mail/layout-report.ts');
    expect(reach('entrypoints/layout-report.ts')).toContain('lib/mail/layout-report.ts');
  });
});
