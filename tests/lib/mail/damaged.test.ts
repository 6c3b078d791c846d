/**
 * Damaged and hostile pages: every fixture with random elements removed and markup injected
 * into attributes and text (seeded, so a failure can be replayed). The readers must not throw,
 * must not change the page, and whatever they return must be safe: valid lower-case addresses
 * only, names and subjects as plain text without angle brackets, within the protocol's limits
 * (checked with the protocol's own schema).
 */
import { describe, expect, it } from 'vitest';
import { normalizeEmail } from '@/lib/domain/model';
import { readGmailThread } from '@/lib/mail/gmail';
import { readGmailList } from '@/lib/mail/gmail-list';
import { readOutlookThread } from '@/lib/mail/outlook';
import { readOutlookList } from '@/lib/mail/outlook-list';
import type { MailListSnapshot, ThreadSnapshot } from '@/lib/domain/model';
import { threadSnapshotSchema } from '@/lib/domain/model-schema';
import { fixtureNames, loadFixture, peopleOf } from './fixtures';

/** mulberry32: a small seeded PRNG */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EVIL = [
  '<img src=x onerror=alert(1)>',
  '"evil@x.com"<script>alert(1)</script>',
  '"evil@x.com"<script>',
  'evil@x.com<script>',
  '<evil@x.com>',
  '</span><script>alert(1)</script><span>',
  'x@y.com" onmouseover="alert(1)',
  'javascript:alert(1)//@x.com',
  'mailto:evil@x.com?body=<b>hi</b>',
  `${'a'.repeat(5000)}@x.com`,
  `Dana\u202eevil\u0000@acme.com`,
  '😀'.repeat(400),
  'Thu, Aug 7, 2025, 9:14\u202fAM<script>',
  '31/02/2025 09:12',
  'thread-f:<b>1</b>',
  '',
];
const ATTRIBUTES = [
  'email', 'name', 'title', 'aria-label', 'data-hovercard-id', 'data-thread-perm-id', 'data-legacy-thread-id',
  'data-message-id', 'data-legacy-message-id', 'data-convid', 'data-folder-name', 'aria-selected', 'hidden', 'style',
];

/** the list rows' own attributes as well (class: a row that loses `zA` or a sender its `zF`) */
const LIST_ATTRIBUTES = [...ATTRIBUTES, 'data-thread-id', 'class'];

function damage(doc: Document, rand: () => number, attributes = ATTRIBUTES): void {
  const pick = <T,>(xs: ArrayLike<T>): T => xs[Math.floor(rand() * xs.length)];
  const elements = () => doc.body?.querySelectorAll('*') ?? ([] as unknown as NodeListOf<Element>);
  const removals = Math.floor(rand() * 6);
  for (let i = 0; i < removals; i++) {
    const els = elements();
    if (els.length) pick(els).remove();
  }
  const injections = 1 + Math.floor(rand() * 8);
  for (let i = 0; i < injections; i++) {
    const els = elements();
    if (!els.length) break;
    const el = pick(els);
    const what = rand();
    if (what < 0.6) el.setAttribute(pick(attributes), pick(EVIL));
    else if (what < 0.8) el.textContent = pick(EVIL);
    else el.append(doc.createTextNode(pick(EVIL)));
  }
  if (rand() < 0.3) doc.title = pick(EVIL) + ' - ' + pick(EVIL) + ' - Gmail';
}

function expectSafe(s: ThreadSnapshot | null): void {
  if (s === null) return;
  const parsed = threadSnapshotSchema.safeParse(s);
  expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues[0])).toBe(true);
  for (const p of peopleOf(s)) {
    expect(normalizeEmail(p.email)).toBe(p.email);
    if (p.name !== undefined) {
      expect(p.name).not.toMatch(/[<>]/);
      expect(p.name.length).toBeGreaterThan(0);
      expect(p.name.length).toBeLessThanOrEqual(200);
    }
  }
  expect(s.subject).not.toMatch(/[<>]/);
  expect(s.subject.length).toBeLessThanOrEqual(500);
  expect(s.threadId ?? '').not.toMatch(/[<>]/);
  for (const m of s.messages) {
    expect(m.id ?? '').not.toMatch(/[<>]/);
    if (m.sentAt !== undefined) expect(Number.isFinite(Date.parse(m.sentAt))).toBe(true);
  }
  // participants are unique by address
  const emails = s.participants.map((p) => p.email);
  expect(new Set(emails).size).toBe(emails.length);
}

/**
 * Every person of the snapshot is one the page holds (in an attribute or its text) or one of
 * the user's own addresses the reader was given: never made up.
 */
function expectFromPage(s: ThreadSnapshot | null, doc: Document, own: string[] = ['sam.seller@example.com']): void {
  if (s === null) return;
  const page = [...doc.querySelectorAll('*')]
    .flatMap((el) => [...el.attributes].map((a) => a.value))
    .concat(doc.documentElement.textContent ?? '', doc.title)
    .join('\n')
    .toLowerCase();
  for (const p of peopleOf(s)) expect(own.includes(p.email) || page.includes(p.email), `${p.email} is not in the page`).toBe(true);
}

const READERS = { gmail: readGmailThread, outlook: readOutlookThread } as const;
const ALL_FIXTURES = [
  ...fixtureNames('gmail').map((f) => `gmail/${f}`),
  ...fixtureNames('outlook').map((f) => `outlook/${f}`),
];

describe('damaged pages', () => {
  it.each(ALL_FIXTURES)('%s: random removals and markup injections never break a reader', (rel) => {
    const base = loadFixture(rel);
    const iterations = rel.includes('25') || rel.includes('inbox-2014') ? 15 : 50;
    for (let i = 0; i < iterations; i++) {
      const seed = i * 7919 + rel.length;
      const doc = base.cloneNode(true) as Document;
      damage(doc, prng(seed));
      const html = doc.documentElement.outerHTML;
      for (const [name, reader] of Object.entries(READERS)) {
        const diagnostics: string[] = [];
        let s: ThreadSnapshot | null = null;
        expect(() => (s = reader(doc, { diagnostics, ownAddresses: ['sam.seller@example.com', '<b>'] })), `${name} seed ${seed}`).not.toThrow();
        expectSafe(s);
        expectFromPage(s, doc);
        // a damaged page may give less, never a reader that failed (and so hid a bug)
        expect(diagnostics.filter((d) => /\.read: failed/.test(d)), `${name} seed ${seed}`).toEqual([]);
        expect(diagnostics.length).toBeLessThanOrEqual(20);
        for (const d of diagnostics) {
          expect(d.length).toBeLessThanOrEqual(200);
          expect(d).toMatch(/^(gmail|outlook)\.[a-zA-Z]+: /);
          expect(d).not.toMatch(/[<>@]/); // names of lookups, never page content
        }
      }
      expect(doc.documentElement.outerHTML).toBe(html);
    }
  });

  it('markup in the sender attributes gives no address and no markup', () => {
    const doc = loadFixture('gmail/thread-basic-en-us.html');
    const senders = doc.querySelectorAll('span.gD');
    senders[0].setAttribute('email', '"evil@x.com"<script>');
    senders[0].setAttribute('data-hovercard-id', '<img src=x onerror=alert(1)>');
    senders[2].setAttribute('name', '"evil@x.com"<script>alert(1)</script>');
    doc.querySelector('h2.hP')!.append(doc.createTextNode(' <img src=x onerror=alert(1)>'));
    const s = readGmailThread(doc)!;
    expectSafe(s);
    // the first message lost its sender (no valid address left), the second keeps its address
    expect(s.messages.map((m) => m.from.email)).toEqual(['sam.seller@example.com', 'dana.client@acme-corp.com']);
    expect(s.correspondent).toEqual({ email: 'dana.client@acme-corp.com', name: '"evil@x.com"scriptalert(1)/script' });
    expect(s.subject).toBe('Renewal for next year 🎉 img src=x onerror=alert(1)');
  });

  it('a fake sender inside a Gmail message body is never taken', () => {
    const doc = loadFixture('gmail/thread-user-last-en-gb.html');
    const item = doc.querySelectorAll('[role=listitem]')[2];
    for (const el of item.querySelectorAll('h3.iw')) el.remove();
    item.querySelector('.a3s')!.insertAdjacentHTML(
      'beforeend',
      '<h3 class="iw"><span class="gD" email="attacker@evil.example" name="Your Bank">Your Bank</span><span class="go">&lt;attacker@evil.example&gt;</span></h3>',
    );
    const s = readGmailThread(doc)!;
    expect(s.messages).toHaveLength(2);
    expect(s.participants.map((p) => p.email)).not.toContain('attacker@evil.example');
  });

  it('a fake sender or heading inside an Outlook message body is never taken', () => {
    const doc = loadFixture('outlook/thread-en-us.html');
    const items = doc.querySelectorAll('.aVla3');
    items[2].querySelector('.o4zjZ')!.remove();
    items[2].querySelector('[role=document]')!.insertAdjacentHTML(
      'beforeend',
      '<span class="o4zjZ" aria-label="From: Your Bank" title="attacker@evil.example"><span class="OZZZK">Your Bank</span></span>',
    );
    doc.querySelector('[role=heading][title]')!.remove();
    const s = readOutlookThread(doc)!;
    expect(s.messages).toHaveLength(2);
    expect(s.participants.map((p) => p.email)).not.toContain('attacker@evil.example');
    // the heading inside the third message's body is not the subject
    expect(s.subject).toBe('');
  });

  it('an oversized page is clipped to the protocol limits', () => {
    const doc = loadFixture('gmail/thread-basic-en-us.html');
    doc.querySelector('h2.hP')!.textContent = 'S'.repeat(5000);
    const hb = doc.querySelectorAll('span.hb')[0];
    for (let i = 0; i < 150; i++) {
      const r = doc.createElement('span');
      r.className = 'g2';
      r.setAttribute('email', `person${i}@example.org`);
      r.setAttribute('name', '😀'.repeat(150));
      hb.append(r);
    }
    const s = readGmailThread(doc)!;
    expectSafe(s);
    expect(s.subject).toHaveLength(500);
    expect(s.participants).toHaveLength(100);
    expect(s.messages[1].to).toHaveLength(100);
    // a name is cut without splitting an emoji
    expect(s.participants[3].name).toBe('😀'.repeat(100));
  });
});

/**
 * A list snapshot is safe: at most 200 rows of at most 20 people, valid lower-case addresses
 * that the page holds in an attribute (never one made up or taken from text), plain-text
 * subjects and ids, dates that parse.
 */
function expectSafeList(s: MailListSnapshot | null, doc: Document): void {
  if (s === null) return;
  let values: string[] | undefined;
  const inPage = (email: string) =>
    (values ??= [...doc.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => a.value.toLowerCase()))).some((v) =>
      v.includes(email),
    );
  expect(s.rows.length).toBeLessThanOrEqual(200);
  for (const r of s.rows) {
    expect(r.participants.length).toBeLessThanOrEqual(20);
    for (const p of [...r.participants, ...(r.latestFrom ? [r.latestFrom] : [])]) {
      expect(Object.keys(p)).toEqual(['email']);
      expect(normalizeEmail(p.email)).toBe(p.email);
      expect(inPage(p.email), p.email).toBe(true);
    }
    const emails = r.participants.map((p) => p.email);
    expect(new Set(emails).size).toBe(emails.length);
    expect(typeof r.unread).toBe('boolean');
    expect(r.subject).not.toMatch(/[<>]/);
    expect(r.subject.length).toBeLessThanOrEqual(500);
    expect(r.threadId ?? '').not.toMatch(/[<>]/);
    expect((r.threadId ?? '').length).toBeLessThanOrEqual(200);
    if (r.latestAt !== undefined) expect(Number.isFinite(Date.parse(r.latestAt))).toBe(true);
  }
}

describe('damaged list pages', () => {
  const LIST_READERS = { gmail: readGmailList, outlook: readOutlookList } as const;
  it.each(ALL_FIXTURES)('%s: random removals and markup injections never break a list reader', (rel) => {
    const base = loadFixture(rel);
    const iterations = rel.includes('25') || rel.includes('inbox-2014') ? 8 : 25;
    for (let i = 0; i < iterations; i++) {
      const seed = i * 104729 + rel.length;
      const doc = base.cloneNode(true) as Document;
      damage(doc, prng(seed), LIST_ATTRIBUTES);
      const html = doc.documentElement.outerHTML;
      for (const [name, reader] of Object.entries(LIST_READERS)) {
        const diagnostics: string[] = [];
        let s: MailListSnapshot | null = null;
        expect(() => (s = reader(doc, { diagnostics })), `${name} seed ${seed}`).not.toThrow();
        expectSafeList(s, doc);
        expect(diagnostics.filter((d) => /\.read: failed/.test(d)), `${name} seed ${seed}`).toEqual([]);
        expect(diagnostics.length).toBeLessThanOrEqual(20);
        for (const d of diagnostics) {
          expect(d.length).toBeLessThanOrEqual(200);
          expect(d).toMatch(/^(gmail|outlook)\.list\.[a-zA-Z]+: /);
          expect(d).not.toMatch(/[<>@]/); // names of lookups, never page content
        }
      }
      expect(doc.documentElement.outerHTML).toBe(html);
    }
  });
});
