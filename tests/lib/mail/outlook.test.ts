import { describe, expect, it } from 'vitest';
import { readOutlookThread } from '@/lib/mail/outlook';
import type { ThreadSnapshot } from '@/lib/domain/model';
import { fixtureHtml, loadFixture, parse } from './fixtures';

// tests run with TZ=UTC: the pages' local times carry the offset +00:00
const sam = { email: 'sam.seller@example.com', name: 'Sam Seller' };
const dana = { email: 'dana.client@acme-corp.com', name: 'Dana Client' };

function read(rel: string, ownAddresses?: string[]) {
  const diagnostics: string[] = [];
  const snapshot = readOutlookThread(loadFixture(rel), { ownAddresses, diagnostics });
  return { snapshot, diagnostics };
}

describe('readOutlookThread on the fixtures', () => {
  it('thread-en-us: reading pane, selected row, names with addresses in titles, en-US dates', () => {
    const lee = { email: 'lee.buyer@globex.io', name: 'Lee Buyer' };
    const ops = { email: 'ops@globex.io', name: 'Globex Ops' };
    const { snapshot, diagnostics } = read('outlook/thread-en-us.html');
    expect(snapshot).toEqual<ThreadSnapshot>({
      provider: 'outlook',
      threadId: 'AAQkAGI2TG93AAA=',
      subject: 'Order 4411 delivery',
      self: sam,
      correspondent: lee,
      participants: [lee, sam, ops],
      messages: [
        { from: lee, to: [sam, ops], sentAt: '2025-08-04T09:12:00+00:00', direction: 'inbound' },
        { from: sam, to: [lee], sentAt: '2025-08-05T14:30:00+00:00', direction: 'outbound' },
        { from: lee, to: [sam], sentAt: '2025-08-07T09:14:00+00:00', direction: 'inbound' },
      ],
    });
    expect(diagnostics).toEqual([]);
  });

  it('thread-de: newest on top on the page, oldest first in the snapshot; the user wrote last', () => {
    const me = { email: 'sam.seller@example.de', name: 'Sam Seller' };
    const juergen = { email: 'j.weiss@weiss-logistik.de', name: 'Jürgen Weiß' };
    const { snapshot, diagnostics } = read('outlook/thread-de.html');
    expect(snapshot).toEqual<ThreadSnapshot>({
      provider: 'outlook',
      threadId: 'AAQkADE4ZDe0AAA=',
      subject: 'Rahmenvertrag 2026',
      self: me,
      correspondent: juergen,
      participants: [juergen, me],
      messages: [
        { from: juergen, to: [me], sentAt: '2025-08-04T09:12:00+00:00', direction: 'inbound' },
        { from: me, to: [juergen], sentAt: '2025-08-07T09:14:00+00:00', direction: 'outbound' },
      ],
    });
    expect(diagnostics).toEqual([]);
  });

  it('thread-en-gb: several outside participants, plain-address recipient lines, day-first dates', () => {
    const me = { email: 'sam.seller@example.co.uk', name: 'Sam Seller' };
    const grace = { email: 'grace.hooper@harbour-works.co.uk', name: 'Grace Hooper' };
    const tom = { email: 'tom.baker@harbour-works.co.uk', name: 'Tom Baker' };
    const accounts = { email: 'accounts@harbour-works.co.uk' };
    const { snapshot, diagnostics } = read('outlook/thread-en-gb.html');
    expect(snapshot).toEqual<ThreadSnapshot>({
      provider: 'outlook',
      threadId: 'AAQkAGUK0000AAA=',
      subject: 'Site visit, 12 August',
      self: me,
      correspondent: tom,
      participants: [grace, me, tom, accounts],
      messages: [
        // collapsed: no recipient lines
        { from: grace, to: [], sentAt: '2025-08-04T09:12:00+00:00', direction: 'inbound' },
        { from: me, to: [grace, tom, accounts], sentAt: '2025-08-06T17:45:00+00:00', direction: 'outbound' },
        { from: tom, to: [me, grace, accounts], sentAt: '2025-08-07T08:03:00+00:00', direction: 'inbound' },
      ],
    });
    expect(diagnostics).toEqual([]);
  });

  it('reading-pane-app-section-ru: only the data-app-section reading pane, no selected row', () => {
    const me = { email: 'sam.seller@example.ru', name: 'Сэм Селлер' };
    const ivan = { email: 'ivan.petrov@stroymash.ru', name: 'Иван Петров' };
    const { snapshot, diagnostics } = read('outlook/reading-pane-app-section-ru.html');
    expect(snapshot).toEqual<ThreadSnapshot>({
      provider: 'outlook',
      subject: 'Счёт № 118',
      self: me,
      correspondent: ivan,
      participants: [ivan, me],
      messages: [
        { from: ivan, to: [], sentAt: '2025-08-04T09:12:00+00:00', direction: 'inbound' },
        { from: me, to: [ivan], sentAt: '2025-08-06T18:30:00+00:00', direction: 'outbound' },
        { from: ivan, to: [me], sentAt: '2025-08-07T09:14:00+00:00', direction: 'inbound' },
      ],
    });
    expect(diagnostics).toEqual(['outlook.threadId: no match']);
  });

  it('thread-25: 25 messages, oldest first', () => {
    const { snapshot, diagnostics } = read('outlook/thread-25.html');
    const expected: ThreadSnapshot['messages'] = [];
    for (let i = 0; i < 25; i++) {
      const d = new Date(Date.UTC(2025, 6, 14 + i, 8 + (i % 10), (i * 7) % 60));
      const fromDana = i % 2 === 0;
      expected.push({
        from: fromDana ? dana : sam,
        to: i < 20 ? [] : [fromDana ? sam : dana],
        sentAt: d.toISOString().replace('.000Z', '+00:00'),
        direction: fromDana ? 'inbound' : 'outbound',
      });
    }
    expect(snapshot).toEqual<ThreadSnapshot>({
      provider: 'outlook',
      threadId: 'AAQkAGI2TG93AAA25MESSAGES=',
      subject: 'Weekly order',
      self: sam,
      correspondent: dana,
      participants: [dana, sam],
      messages: expected,
    });
    expect(diagnostics).toEqual([]);
  });

  it('the end-to-end fixture reads as the browser test expects', () => {
    const html = fixtureHtml('e2e/outlook-thread.html')
      .replaceAll('{{at:-9d|outlook}}', 'Wed 8/6/2025 10:00 AM')
      .replaceAll('{{at:-5d|outlook}}', 'Sun 8/10/2025 4:20 PM');
    const s = readOutlookThread(parse(html));
    expect(s?.subject).toBe('Order 4411 delivery');
    expect(s?.threadId).toBe('AAQkAGI2TG93AAA=');
    expect(s?.correspondent?.email).toBe('lee.buyer@globex.io');
    expect(s?.messages.map((m) => [m.direction, m.sentAt])).toEqual([
      ['outbound', '2025-08-06T10:00:00+00:00'],
      ['inbound', '2025-08-10T16:20:00+00:00'],
    ]);
  });
});

describe('readOutlookThread returns null when no conversation is open', () => {
  it.each(['outlook/no-thread.html', 'outlook/list-inbox-en-us.html', 'gmail/inbox-2014-real.html', 'gmail/list-inbox-en-us.html', 'gmail/thread-basic-en-us.html'])('%s', (rel) => {
    const diagnostics: string[] = [];
    expect(readOutlookThread(loadFixture(rel), { diagnostics })).toBeNull();
    expect(diagnostics).toEqual([]);
  });

  it('an empty document', () => {
    expect(readOutlookThread(parse(''))).toBeNull();
  });

  it('a hidden reading pane', () => {
    const doc = loadFixture('outlook/thread-en-us.html');
    doc.getElementById('ConversationReadingPaneContainer')!.hidden = true;
    expect(readOutlookThread(doc)).toBeNull();
  });
});

describe('readOutlookThread details', () => {
  it('never writes to the page', () => {
    const doc = loadFixture('outlook/thread-en-gb.html');
    const before = doc.documentElement.outerHTML;
    readOutlookThread(doc, { ownAddresses: ['x@y.com'], diagnostics: [] });
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('reports which lookup failed when the senders are gone', () => {
    const doc = loadFixture('outlook/thread-en-us.html');
    for (const el of doc.querySelectorAll('.o4zjZ')) el.remove();
    const diagnostics: string[] = [];
    const s = readOutlookThread(doc, { diagnostics });
    expect(s).toEqual<ThreadSnapshot>({
      provider: 'outlook',
      threadId: 'AAQkAGI2TG93AAA=',
      subject: 'Order 4411 delivery',
      // the name came from the user's own messages, which are unreadable now
      self: { email: 'sam.seller@example.com' },
      participants: [],
      messages: [],
    });
    expect(diagnostics).toEqual(['outlook.sender: none found (3 of 3)', 'outlook.correspondent: none found']);
  });

  it('the user from settings when the page shows no address', () => {
    const doc = loadFixture('outlook/thread-en-us.html');
    doc.querySelector('[id^=primaryMailboxRoot_]')!.remove();
    const diagnostics: string[] = [];
    const none = readOutlookThread(doc, { diagnostics });
    expect(none?.self).toBeUndefined();
    expect(none?.messages.map((m) => m.direction)).toEqual(['unknown', 'unknown', 'unknown']);
    expect(diagnostics).toContain('outlook.self: none found');
    const withSettings = readOutlookThread(doc, { ownAddresses: ['SAM.SELLER@example.com'] });
    expect(withSettings?.self).toEqual(sam);
    expect(withSettings?.messages.map((m) => m.direction)).toEqual(['inbound', 'outbound', 'inbound']);
  });

  it('several selected rows give no thread id', () => {
    const doc = loadFixture('outlook/thread-en-us.html');
    doc.querySelector('[data-convid="AAQkAGI2TG93AAB="]')!.setAttribute('aria-selected', 'true');
    const diagnostics: string[] = [];
    expect(readOutlookThread(doc, { diagnostics })?.threadId).toBeUndefined();
    expect(diagnostics).toEqual(['outlook.threadId: several selected']);
  });

  it('finds messages by their class when the aria attributes are gone', () => {
    const doc = loadFixture('outlook/thread-en-us.html');
    for (const el of doc.querySelectorAll('[aria-expanded]')) el.removeAttribute('aria-expanded');
    expect(readOutlookThread(doc)?.messages).toHaveLength(3);
  });

  it('finds the sender by an address in a header title when the sender classes are gone', () => {
    const doc = loadFixture('outlook/thread-de.html');
    for (const el of doc.querySelectorAll('.o4zjZ')) el.removeAttribute('class');
    const s = readOutlookThread(doc);
    expect(s?.messages.map((m) => m.from.email)).toEqual(['j.weiss@weiss-logistik.de', 'sam.seller@example.de']);
  });

  it('a one-message conversation inside an expandable wrapper keeps its subject', () => {
    const doc = loadFixture('outlook/thread-en-us.html');
    const items = doc.querySelectorAll('.aVla3');
    items[0].remove();
    items[1].remove();
    const conversation = doc.querySelector('[data-app-section="ConversationContainer"]')!;
    conversation.setAttribute('aria-expanded', 'true');
    conversation.setAttribute('aria-label', 'Conversation');
    const s = readOutlookThread(doc);
    expect(s?.subject).toBe('Order 4411 delivery');
    expect(s?.messages.map((m) => m.from.email)).toEqual(['lee.buyer@globex.io']);
  });

  it('reads 25 messages quickly', () => {
    const doc = loadFixture('outlook/thread-25.html');
    readOutlookThread(doc);
    const runs = 20;
    const t0 = performance.now();
    for (let i = 0; i < runs; i++) readOutlookThread(doc);
    const ms = (performance.now() - t0) / runs;
    // jsdom is far slower than a browser; the browser budget (< 2 ms) is the benchmark's job
    expect(ms).toBeLessThan(100);
  });
});
