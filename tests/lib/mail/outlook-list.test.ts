import { describe, expect, it } from 'vitest';
import { readOutlookList } from '@/lib/mail/outlook-list';
import type { MailListRow, MailListSnapshot } from '@/lib/domain/model';
import { fixtureHtml, fixtureNames, loadFixture, parse, readCostMs } from './fixtures';

// tests run with TZ=UTC: the pages' local times carry the offset +00:00
const dana = { email: 'dana.client@acme-corp.com' };
const lee = { email: 'lee.buyer@globex.io' };

/**
 * The fixture as the content script sees it: in the test's own document, which has a window,
 * so the fixture's stylesheet gives each subject its computed weight (a parsed Document has
 * no window and no styles).
 */
function render(rel: string): Document {
  const page = parse(fixtureHtml(rel));
  document.head.replaceWith(document.importNode(page.head, true));
  document.body.replaceWith(document.importNode(page.body, true));
  return document;
}

function read(doc: Document) {
  const diagnostics: string[] = [];
  const snapshot = readOutlookList(doc, { diagnostics });
  return { snapshot, diagnostics, rows: snapshot?.rows ?? [] };
}

const rowsOf = (doc: Document) => [...doc.querySelectorAll('#MailList [role=option]')];

const EXPECTED: MailListRow[] = [
  {
    threadId: 'AAQkAGI2TG93AAB=',
    participants: [dana],
    latestFrom: dana,
    unread: true,
    // the row shows "9:14 AM"; the title has the day
    latestAt: '2025-08-07T09:14:00+00:00',
    subject: 'Renewal for next year',
  },
  {
    threadId: 'AAQkAGI2TG93AAC=',
    // shown as "ceo@acme-corp.com"; the page keeps the real address in the title
    participants: [{ email: 'ceo.office@acme-c0rp.example' }],
    latestFrom: { email: 'ceo.office@acme-c0rp.example' },
    unread: true,
    latestAt: '2025-08-07T08:02:00+00:00',
    subject: 'Urgent wire transfer',
  },
  {
    threadId: 'AAQkAGI2TG93AAA=',
    participants: [lee],
    latestFrom: lee,
    unread: false,
    latestAt: '2025-08-05T14:30:00+00:00',
    subject: 'Order 4411 delivery',
  },
  {
    threadId: 'AAQkAGUK0000AAA=',
    // two senders shown: the row does not say which wrote last
    participants: [{ email: 'grace.hooper@harbour-works.co.uk' }, { email: 'tom.baker@harbour-works.co.uk' }],
    unread: false,
    latestAt: '2025-08-04T17:45:00+00:00',
    subject: 'Site visit, 12 August',
  },
  {
    threadId: 'AAQkAGNld3NsZXQ=',
    participants: [{ email: 'events@contoso-events.example' }],
    latestFrom: { email: 'events@contoso-events.example' },
    unread: true,
    latestAt: '2025-08-03T07:00:00+00:00',
    subject: 'Your ticket for Sales Summit',
  },
  {
    threadId: 'AAQkADE4ZDe0AAA=',
    participants: [{ email: 'j.weiss@weiss-logistik.de' }],
    latestFrom: { email: 'j.weiss@weiss-logistik.de' },
    unread: false,
    latestAt: '2024-12-20T16:30:00+00:00',
    subject: 'Rahmenvertrag 2026',
  },
];

describe('readOutlookList on the fixture', () => {
  it('list-inbox-en-us in the page: conversation ids, senders from titles, unread by weight, full dates', () => {
    const { snapshot, diagnostics } = read(render('outlook/list-inbox-en-us.html'));
    expect(snapshot).toEqual<MailListSnapshot>({ provider: 'outlook', rows: EXPECTED });
    expect(diagnostics).toEqual([]);
  });

  it('a parsed page without styles: everything but unread, which it says it cannot tell', () => {
    const { rows, diagnostics } = read(loadFixture('outlook/list-inbox-en-us.html'));
    expect(rows).toEqual(EXPECTED.map((r) => ({ ...r, unread: false })));
    expect(diagnostics).toEqual(['outlook.list.unread: unknown (6 of 6)']);
  });

  it('without styles, an inline weight or bold markup tells unread from read', () => {
    const doc = loadFixture('outlook/list-inbox-en-us.html');
    const subjects = doc.querySelectorAll('.TtcXM');
    subjects[0].setAttribute('style', 'font-weight: 700');
    subjects[1].innerHTML = '<b>Urgent wire transfer</b>';
    subjects[2].setAttribute('style', 'font-weight: normal');
    subjects[3].setAttribute('style', 'font-weight: bold');
    subjects[4].setAttribute('style', 'font-weight: 600');
    subjects[5].setAttribute('style', 'font-weight: 400');
    const { rows, diagnostics } = read(doc);
    expect(rows.map((r) => r.unread)).toEqual([true, true, false, true, true, false]);
    expect(diagnostics).toEqual([]);
  });

  it('a display name that looks like an address is never taken as the address', () => {
    const { rows } = read(render('outlook/list-inbox-en-us.html'));
    const everyone = rows.flatMap((r) => r.participants.map((p) => p.email));
    expect(everyone).not.toContain('ceo@acme-corp.com');

    // without the title, the shown "ceo@acme-corp.com" gives nobody
    const doc = loadFixture('outlook/list-inbox-en-us.html');
    rowsOf(doc)[1].querySelector('[title*="@"]')!.removeAttribute('title');
    const { rows: after, diagnostics } = read(doc);
    expect(after[1].participants).toEqual([]);
    expect(after[1].latestFrom).toBeUndefined();
    expect(diagnostics).toContain('outlook.list.participants: none found (1 of 6)');
    // nor does an aria-label that only repeats a name shaped like an address
    rowsOf(doc)[1].querySelector('.XG5Jd')!.setAttribute('aria-label', 'ceo@acme-corp.com');
    expect(read(doc).rows[1].participants).toEqual([]);
  });

  it('the <address> part of a title or label counts; an address after the subject (the preview) never does', () => {
    const doc = loadFixture('outlook/list-inbox-en-us.html');
    const rows = rowsOf(doc);
    rows[0].querySelector('.XG5Jd')!.setAttribute('title', 'Dana Client <Dana.Client@Acme-Corp.com>');
    const lees = rows[2].querySelector('.XG5Jd')!;
    lees.removeAttribute('title');
    lees.setAttribute('aria-label', 'Lee Buyer <lee.buyer@globex.io>');
    // row 6: no sender address before the subject, addresses only in and after it
    rows[5].querySelector('.XG5Jd')!.removeAttribute('title');
    rows[5].querySelector('.TtcXM')!.setAttribute('title', 'Re: from boss@weiss-logistik.de');
    rows[5].querySelector('.FqgPc')!.setAttribute('title', 'attacker@evil.example');
    const { rows: out } = read(doc);
    expect(out[0].participants).toEqual([dana]);
    expect(out[2].participants).toEqual([lee]);
    expect(out[5].participants).toEqual([]);
  });

  it('a subject without text is read from its title', () => {
    const doc = loadFixture('outlook/list-inbox-en-us.html');
    const s = rowsOf(doc)[0].querySelector('.TtcXM')!;
    s.textContent = '';
    s.setAttribute('title', 'Renewal for next year');
    expect(read(doc).rows[0].subject).toBe('Renewal for next year');
  });
});

describe('readOutlookList returns null when no list is visible', () => {
  it.each(fixtureNames('gmail').map((f) => `gmail/${f}`))('%s', (rel) => {
    const { snapshot, diagnostics } = read(loadFixture(rel));
    expect(snapshot).toBeNull();
    expect(diagnostics).toEqual([]);
  });

  it('an empty document, and a hidden list', () => {
    expect(readOutlookList(parse(''))).toBeNull();
    const doc = loadFixture('outlook/list-inbox-en-us.html');
    doc.querySelector('#MailList')!.setAttribute('style', 'display: none');
    expect(readOutlookList(doc)).toBeNull();
  });

  it('never throws: a failure reads as a named diagnostic and null', () => {
    const diagnostics: string[] = [];
    expect(readOutlookList({} as Document, { diagnostics })).toBeNull();
    expect(diagnostics).toEqual(['outlook.list.read: failed']);
  });
});

describe('the stub lists of the other Outlook fixtures', () => {
  const others = fixtureNames('outlook').filter((f) => !f.startsWith('list-'));
  it.each(others.map((f) => `outlook/${f}`))('%s: every row read, what its rows lack named', (rel) => {
    // these fixtures' rows are stubs: names only, no dates, no subject spans
    const doc = loadFixture(rel);
    const ids = [...doc.querySelectorAll('#MailList [data-convid]')].map((r) => r.getAttribute('data-convid'));
    const { rows, diagnostics } = read(doc);
    expect(rows.map((r) => r.threadId)).toEqual(ids);
    for (const d of diagnostics) expect(d).toMatch(/^outlook\.list\.[a-zA-Z]+: [^<>@]+$/);
  });
});

describe('readOutlookList on damaged rows', () => {
  it('removed attributes and garbage dates: no throw, the rows kept, each loss counted by name', () => {
    const doc = render('outlook/list-inbox-en-us.html');
    const rows = rowsOf(doc);
    // without its id a row is no conversation row
    rows[0].removeAttribute('data-convid');
    rows[1].querySelector('[title*="@"]')!.removeAttribute('title');
    rows[2].querySelector('._rWRU')!.setAttribute('title', 'Fri 8/5/2025 2:30 PM'); // wrong weekday
    rows[3].querySelector('._rWRU')!.setAttribute('title', '8/5/2025 2:30 pm'); // day or month first?
    rows[4].querySelector('._rWRU')!.removeAttribute('title'); // only "Sun 7:00 AM" left
    rows[5].querySelector('.TtcXM')!.remove();
    const { rows: out, diagnostics } = read(doc);
    expect(out).toHaveLength(5);
    expect(out.map((r) => r.threadId)).toEqual(EXPECTED.slice(1).map((r) => r.threadId));
    expect(out[0].participants).toEqual([]);
    expect(out.map((r) => r.latestAt)).toEqual([EXPECTED[1].latestAt, undefined, undefined, undefined, EXPECTED[5].latestAt]);
    // no subject: the sender's weight (plain) says read
    expect(out[4]).toMatchObject({ subject: '', unread: false, participants: [{ email: 'j.weiss@weiss-logistik.de' }] });
    expect(diagnostics).toEqual([
      'outlook.list.participants: none found (1 of 5)',
      'outlook.list.date: unreadable (3 of 5)',
      'outlook.list.subject: empty (1 of 5)',
    ]);
  });

  it('markup in the attributes gives no address, no id markup, no subject markup', () => {
    const doc = loadFixture('outlook/list-inbox-en-us.html');
    const rows = rowsOf(doc);
    rows[0].querySelector('.XG5Jd')!.setAttribute('title', '"evil@x.com"<script>');
    rows[1].setAttribute('data-convid', 'AAQk<img src=x onerror=alert(1)>');
    rows[2].querySelector('.TtcXM')!.append(doc.createTextNode(' </span><script>alert(1)</script>'));
    const { rows: out } = read(doc);
    expect(out[0].participants).toEqual([]);
    expect(out[1].threadId).toBe('AAQkimg src=x onerror=alert(1)');
    expect(out[2].subject).toBe('Order 4411 delivery /spanscriptalert(1)/script');
  });

  it('hidden rows, rows in the reading pane and fake rows in a message body are never read', () => {
    const doc = loadFixture('outlook/list-inbox-en-us.html');
    rowsOf(doc)[0].setAttribute('hidden', '');
    doc.querySelector('#ConversationReadingPaneContainer')!.insertAdjacentHTML(
      'beforeend',
      '<div role="listbox"><div role="option" data-convid="FAKE="><span title="attacker@evil.example">Your Bank</span><span class="TtcXM">Verify</span></div></div>' +
        '<div role="document"><div id="UniqueMessageBody_9"><div role="listbox"><div role="option" data-convid="FAKE2="><span title="attacker@evil.example">x</span></div></div></div></div>',
    );
    doc.querySelector('#MailList')!.id = 'SomethingElse'; // the listbox fallback, which sees the whole page
    const { rows } = read(doc);
    expect(rows.map((r) => r.threadId)).toEqual(EXPECTED.slice(1).map((r) => r.threadId));
  });

  it('caps: 200 rows and 20 senders a row', () => {
    const doc = loadFixture('outlook/list-inbox-en-us.html');
    const box = doc.querySelector('[role=listbox]')!;
    const first = rowsOf(doc)[0];
    for (let i = 0; i < 250; i++) box.append(first.cloneNode(true));
    const line = first.querySelector('.ESO13')!;
    for (let i = 0; i < 30; i++) line.insertAdjacentHTML('beforeend', `; <span title="p${i}@example.org">P${i}</span>`);
    const { rows, diagnostics } = read(doc);
    expect(rows).toHaveLength(200);
    expect(rows[0].participants).toHaveLength(20);
    expect(rows[0].latestFrom).toBeUndefined();
    expect(diagnostics).toEqual(['outlook.list.rows: over 200, the rest not read', 'outlook.list.unread: unknown (200 of 200)']);
  });

  it('never writes to the page', () => {
    const doc = render('outlook/list-inbox-en-us.html');
    const before = doc.documentElement.outerHTML;
    readOutlookList(doc, { diagnostics: [] });
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('a 100,000-character attribute adds well under 20 ms to a read', () => {
    const base = loadFixture('outlook/list-inbox-en-us.html');
    const huge = loadFixture('outlook/list-inbox-en-us.html');
    const big = 'a'.repeat(100_000);
    const row = rowsOf(huge)[0];
    row.setAttribute('aria-label', big);
    row.setAttribute('data-convid', big);
    row.querySelector('.XG5Jd')!.setAttribute('title', `${big}@x.com <${big}@y.com>`);
    row.querySelector('.XG5Jd')!.setAttribute('aria-label', `${'<'.repeat(50_000)}a@b.co${'>'.repeat(50_000)}`);
    row.querySelector('._rWRU')!.setAttribute('title', `Thu 8/7/2025${' '.repeat(100_000)}9:14 AM`);
    row.querySelector('.FqgPc')!.setAttribute('title', '@'.repeat(100_000));

    const { rows } = read(huge);
    expect(rows[0].participants).toEqual([]);
    expect(rows[0].latestAt).toBeUndefined();
    expect(rows[0].threadId).toHaveLength(200);

    const cost = (doc: Document) => readCostMs(readOutlookList, doc);
    cost(base);
    expect(cost(huge) - cost(base)).toBeLessThan(20);
  });
});
