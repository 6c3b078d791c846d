import { describe, expect, it } from 'vitest';
import { readGmailList } from '@/lib/mail/gmail-list';
import type { MailListRow, MailListSnapshot } from '@/lib/domain/model';
import { fixtureNames, loadFixture, parse, readCostMs } from './fixtures';

// tests run with TZ=UTC: the pages' local times carry the offset +00:00
const dana = { email: 'dana.client@acme-corp.com' };
const sam = { email: 'sam.seller@example.com' };
const lee = { email: 'lee.buyer@globex.io' };

function read(docOrRel: Document | string) {
  const diagnostics: string[] = [];
  const snapshot = readGmailList(typeof docOrRel === 'string' ? loadFixture(docOrRel) : docOrRel, { diagnostics });
  return { snapshot, diagnostics, rows: snapshot?.rows ?? [] };
}

/** the rows of the visible inbox of list-inbox-en-us.html (the hidden list comes first in the page) */
const visibleRows = (doc: Document) => [...doc.querySelectorAll('.bkK tr.zA')];

describe('readGmailList on the fixtures', () => {
  it('list-inbox-en-us: unread and read rows, thread ids, full dates; the hidden earlier list is not read', () => {
    const { snapshot, diagnostics } = read('gmail/list-inbox-en-us.html');
    expect(snapshot).toEqual<MailListSnapshot>({
      provider: 'gmail',
      rows: [
        {
          threadId: 'thread-f:1807000000000000001',
          participants: [dana],
          latestFrom: dana,
          unread: true,
          // the cell shows only "9:14 AM"; the title has the day
          latestAt: '2025-08-07T09:14:00+00:00',
          subject: 'Renewal for next year 🎉',
        },
        {
          threadId: 'thread-f:1807000000000000200',
          participants: [{ email: 'priya.patel@northwind.co.uk' }, { email: 'bob.ops@acme-corp.com' }, sam],
          latestFrom: sam,
          unread: false,
          latestAt: '2025-08-05T09:12:00+00:00',
          subject: 'Quote for the Q3 order',
        },
        {
          threadId: 'thread-f:1807000000000000300',
          participants: [{ email: 'news@saas-weekly.example' }],
          latestFrom: { email: 'news@saas-weekly.example' },
          unread: true,
          latestAt: '2025-08-06T06:00:00+00:00',
          subject: '10 tips for your pipeline',
        },
        {
          // only the legacy hex id on this row
          threadId: '1913a1b2c3d40700',
          participants: [sam, lee],
          latestFrom: lee,
          unread: true,
          latestAt: '2025-08-04T15:45:00+00:00',
          subject: 'Invoice 2291',
        },
        {
          threadId: 'thread-f:1807000000000000800',
          participants: [{ email: 'helpdesk@ticketing.example' }],
          latestFrom: { email: 'helpdesk@ticketing.example' },
          unread: false,
          latestAt: '2025-08-03T23:02:00+00:00',
          subject: '[Ticket #4471] Your request was received',
        },
        {
          threadId: 'thread-f:1790000000000000900',
          participants: [{ email: 'k.becker@mueller-gmbh.de' }],
          latestFrom: { email: 'k.becker@mueller-gmbh.de' },
          unread: false,
          latestAt: '2024-12-20T16:30:00+00:00',
          subject: 'Angebot Wartungsvertrag',
        },
      ],
    });
    expect(diagnostics).toEqual([]);
  });

  it('several participants with the user last: their order is kept and the user is the latest sender', () => {
    const { rows } = read('gmail/list-inbox-en-us.html');
    expect(rows[1].participants.map((p) => p.email)).toEqual(['priya.patel@northwind.co.uk', 'bob.ops@acme-corp.com', 'sam.seller@example.com']);
    expect(rows[1].latestFrom).toEqual(sam);
    // the same people, the client last
    expect(rows[3].participants).toEqual([sam, lee]);
    expect(rows[3].latestFrom).toEqual(lee);
  });

  it('a repeated sender is listed once, at its first place, and stays the latest sender', () => {
    const doc = loadFixture('gmail/list-inbox-en-us.html');
    const yW = visibleRows(doc)[3].querySelector('.yW')!;
    yW.insertAdjacentHTML('beforeend', ', <span class="bA4"><span class="zF" email="Lee.Buyer@Globex.io" name="Lee Buyer">Lee</span></span>');
    const { rows } = read(doc);
    expect(rows[3].participants).toEqual([sam, lee]);
    expect(rows[3].latestFrom).toEqual(lee);
  });

  it('a display name that looks like an address is never taken as the address', () => {
    const { rows } = read('gmail/list-inbox-en-us.html');
    // name="support@acme-corp.com", shown as text; the page keeps the address in `email`
    expect(rows[4].participants).toEqual([{ email: 'helpdesk@ticketing.example' }]);
    const everyone = rows.flatMap((r) => r.participants.map((p) => p.email));
    expect(everyone).not.toContain('support@acme-corp.com');
    // an address in a snippet is mail text, not a participant
    expect(everyone).not.toContain('you@next.example');

    // without `email` and `data-hovercard-id`, a name that is an address gives nobody
    const doc = loadFixture('gmail/list-inbox-en-us.html');
    const span = visibleRows(doc)[4].querySelector('[email]')!;
    span.removeAttribute('email');
    const { rows: after, diagnostics } = read(doc);
    expect(after[4].participants).toEqual([]);
    expect(after[4].latestFrom).toBeUndefined();
    expect(diagnostics).toEqual(['gmail.list.participants: none found (1 of 6)']);
  });

  it('the earlier list kept hidden in the page is never read', () => {
    const { rows } = read('gmail/list-inbox-en-us.html');
    expect(rows.flatMap((r) => r.participants.map((p) => p.email))).not.toContain('old.friend@elsewhere.org');
    expect(rows.map((r) => r.subject)).not.toContain('Lunch on Friday');

    // shown again (the user went back to the label) and the inbox hidden: only the label is read
    const doc = loadFixture('gmail/list-inbox-en-us.html');
    doc.querySelector('[style*="display"]')!.removeAttribute('style');
    doc.querySelector('.bkK')!.setAttribute('style', 'display: none');
    expect(read(doc).rows).toEqual<MailListRow[]>([
      {
        threadId: 'thread-f:1807000000000000500',
        participants: [{ email: 'old.friend@elsewhere.org' }],
        latestFrom: { email: 'old.friend@elsewhere.org' },
        unread: true,
        latestAt: '2025-07-28T12:01:00+00:00',
        subject: 'Lunch on Friday',
      },
    ]);
  });

  it('inbox-2014-real: the real 2014 inbox, 16 rows with their full dates and no thread ids', () => {
    const { snapshot, diagnostics, rows } = read('gmail/inbox-2014-real.html');
    expect(snapshot?.provider).toBe('gmail');
    expect(rows).toHaveLength(16);
    // values checked by hand against the fixture (`td.xW span[title]` "... at 12:35 PM" and so on)
    expect(rows[0]).toEqual<MailListRow>({
      participants: [{ email: 'streak.web.test.1@gmail.com' }],
      latestFrom: { email: 'streak.web.test.1@gmail.com' },
      unread: true,
      latestAt: '2014-12-18T12:35:00+00:00',
      subject: 'aaa',
    });
    expect(rows[2]).toEqual<MailListRow>({
      participants: [{ email: 'news@twilio.com' }],
      latestFrom: { email: 'news@twilio.com' },
      unread: true,
      latestAt: '2014-12-10T06:02:00+00:00',
      subject: 'Twilio is Now Available in Germany, Mexico and 7 Other Countries',
    });
    expect(rows[5]).toMatchObject({ participants: [{ email: 'no-reply@accounts.google.com' }], latestAt: '2014-11-17T11:29:00+00:00', subject: 'Google Account password changed' });
    expect(rows[13]).toEqual<MailListRow>({
      participants: [{ email: 'notifications@mailfoogae.appspotmail.com' }],
      latestFrom: { email: 'notifications@mailfoogae.appspotmail.com' },
      unread: false,
      latestAt: '2014-10-10T18:12:00+00:00',
      subject: "= 'Hello World' to Formulas!",
    });
    expect(rows[15]).toMatchObject({ participants: [{ email: 'cowan@streak.com' }], unread: false, latestAt: '2014-07-28T18:22:00+00:00', subject: '123131' });
    // 13 unread rows (`zE`), then 3 read ones (`yO`)
    expect(rows.map((r) => r.unread)).toEqual([...Array(13).fill(true), ...Array(3).fill(false)]);
    expect(rows.every((r) => r.latestAt && r.participants.length === 1 && r.subject)).toBe(true);
    // the rows of 2014 carry no thread id attribute: reported, not invented
    expect(rows.every((r) => r.threadId === undefined)).toBe(true);
    expect(diagnostics).toEqual(['gmail.list.threadId: no match (16 of 16)']);
  });

  it('no-thread: the span.bog subject of a row without a thread id', () => {
    const { rows, diagnostics } = read('gmail/no-thread.html');
    expect(rows.map((r) => [r.subject, r.unread, r.latestAt])).toEqual([
      ['Renewal for next year', true, '2025-08-07T09:14:00+00:00'],
      ['Invoice 2291', false, '2025-08-07T15:45:00+00:00'],
    ]);
    expect(diagnostics).toEqual(['gmail.list.threadId: no match (2 of 2)']);
  });
});

describe('readGmailList returns null when no list is visible', () => {
  const threads = fixtureNames('gmail').filter((f) => f.startsWith('thread-'));
  it.each([...threads.map((f) => `gmail/${f}`), ...fixtureNames('outlook').map((f) => `outlook/${f}`)])('%s', (rel) => {
    const { snapshot, diagnostics } = read(rel);
    expect(snapshot).toBeNull();
    expect(diagnostics).toEqual([]);
  });

  it('an empty document, and a page whose only list is hidden', () => {
    expect(readGmailList(parse(''))).toBeNull();
    expect(readGmailList(document.implementation.createHTMLDocument(''))).toBeNull();
    const doc = loadFixture('gmail/list-inbox-en-us.html');
    doc.querySelector('.bkK')!.setAttribute('hidden', '');
    expect(readGmailList(doc)).toBeNull();
  });

  it('never throws: a failure reads as a named diagnostic and null', () => {
    const diagnostics: string[] = [];
    expect(readGmailList({} as Document, { diagnostics })).toBeNull();
    expect(diagnostics).toEqual(['gmail.list.read: failed']);
    expect(readGmailList(null as unknown as Document)).toBeNull();
  });
});

describe('readGmailList on damaged rows', () => {
  it('removed attributes: no throw, the rows kept, each loss counted by name', () => {
    const doc = loadFixture('gmail/list-inbox-en-us.html');
    const rows = visibleRows(doc);
    for (const el of rows[0].querySelectorAll('[email], [data-hovercard-id]')) {
      el.removeAttribute('email');
      el.removeAttribute('data-hovercard-id');
    }
    rows[1].querySelector('.bqe')!.removeAttribute('data-thread-id');
    rows[1].querySelector('.bqe')!.removeAttribute('data-legacy-thread-id');
    rows[2].querySelector('td.xW span')!.removeAttribute('title');
    rows[3].querySelector('.y6')!.remove();
    const { rows: out, diagnostics } = read(doc);
    expect(out).toHaveLength(6);
    expect(out[0]).toEqual<MailListRow>({
      threadId: 'thread-f:1807000000000000001',
      participants: [],
      unread: true,
      latestAt: '2025-08-07T09:14:00+00:00',
      subject: 'Renewal for next year 🎉',
    });
    expect(out[1].threadId).toBeUndefined();
    // the short "Aug 6" of the aria-label and the text are never read as a date
    expect(out[2].latestAt).toBeUndefined();
    expect(out[3].subject).toBe('');
    expect(out[3]).not.toHaveProperty('threadId');
    expect(diagnostics).toEqual([
      'gmail.list.threadId: no match (2 of 6)',
      'gmail.list.participants: none found (1 of 6)',
      'gmail.list.date: unreadable (1 of 6)',
      'gmail.list.subject: empty (1 of 6)',
    ]);
  });

  it('garbage and impossible dates give no date, never the short text', () => {
    const doc = loadFixture('gmail/list-inbox-en-us.html');
    // unreadable, impossible (31 February, 25 o'clock), a weekday that is wrong, short, marked up
    const garbage = ['sometime', '31/02/2025 09:12', 'Thu, Aug 7, 2025, 25:14 AM', 'Fri, Aug 7, 2025, 9:14 AM', '9:14 AM', '<b>Thu, Aug 7, 2025, 9:14 AM</b>'];
    const rows = visibleRows(doc);
    garbage.forEach((g, i) => {
      const cell = rows[i].querySelector('td.xW span')!;
      cell.setAttribute('title', g);
      cell.setAttribute('aria-label', g);
    });
    const { rows: out, diagnostics } = read(doc);
    expect(out.map((r) => r.latestAt)).toEqual(Array(6).fill(undefined));
    expect(diagnostics).toEqual(['gmail.list.date: unreadable (6 of 6)']);
  });

  it('the date falls back to the aria-label, then to any title in the row that is a full date', () => {
    const doc = loadFixture('gmail/list-inbox-en-us.html');
    const rows = visibleRows(doc);
    const cell = rows[0].querySelector('td.xW span')!;
    cell.removeAttribute('title');
    cell.setAttribute('aria-label', 'Thu, Aug 7, 2025, 9:15 AM');
    rows[1].querySelector('td.xW')!.className = 'xY';
    expect(read(doc).rows.slice(0, 2).map((r) => r.latestAt)).toEqual(['2025-08-07T09:15:00+00:00', '2025-08-05T09:12:00+00:00']);
  });

  it('markup in the attributes gives no address and no markup', () => {
    const doc = loadFixture('gmail/list-inbox-en-us.html');
    const rows = visibleRows(doc);
    const s = rows[0].querySelector('[email]')!;
    s.setAttribute('email', '"evil@x.com"<script>');
    s.setAttribute('data-hovercard-id', '<evil@x.com>x');
    rows[1].querySelector('.bqe')!.setAttribute('data-thread-id', '#thread-f:<b>1</b>');
    rows[2].querySelector('.bqe')!.append(doc.createTextNode(' <img src=x onerror=alert(1)>'));
    const { rows: out } = read(doc);
    expect(out[0].participants).toEqual([]);
    expect(out[1].threadId).toBe('thread-f:b1/b');
    expect(out[2].subject).toBe('10 tips for your pipeline img src=x onerror=alert(1)');
    for (const r of out) {
      expect(r.subject).not.toMatch(/[<>]/);
      expect(r.threadId ?? '').not.toMatch(/[<>]/);
    }
  });

  it('rows without the unread/read class fall back to the sender weight, else say they cannot tell', () => {
    const doc = loadFixture('gmail/list-inbox-en-us.html');
    const rows = visibleRows(doc);
    for (const r of rows) r.className = 'zA';
    expect(read(doc).rows.map((r) => r.unread)).toEqual([true, false, true, true, false, false]);
    for (const el of rows[0].querySelectorAll('.zF, .yP')) el.className = 'x';
    const { rows: out, diagnostics } = read(doc);
    expect(out[0].unread).toBe(false);
    expect(diagnostics).toEqual(['gmail.list.unread: unknown (1 of 6)']);
  });

  it('a newer layout without the row class is read by the grid row role', () => {
    const doc = loadFixture('gmail/list-inbox-en-us.html');
    for (const r of doc.querySelectorAll('tr.zA')) r.classList.remove('zA');
    expect(read(doc).rows.map((r) => r.threadId)).toEqual(read('gmail/list-inbox-en-us.html').rows.map((r) => r.threadId));
  });

  it('a fake row inside a message body (split mode shows a thread beside the list) is never read', () => {
    const doc = loadFixture('gmail/list-inbox-en-us.html');
    doc.querySelector('.bkK [role=main]')!.insertAdjacentHTML(
      'beforeend',
      '<div class="ao9"><div class="a3s aiL"><table><tbody><tr class="zA zE"><td class="yX"><div class="yW"><span email="attacker@evil.example">Your Bank</span></div></td><td class="xW"><span title="Thu, Aug 7, 2025, 9:14 AM">now</span></td></tr></tbody></table></div></div>',
    );
    const { rows } = read(doc);
    expect(rows).toHaveLength(6);
    expect(rows.flatMap((r) => r.participants.map((p) => p.email))).not.toContain('attacker@evil.example');
  });

  it('caps: 200 rows and 20 participants a row (the latest sender still the last shown)', () => {
    const doc = loadFixture('gmail/list-inbox-en-us.html');
    const tbody = doc.querySelector('.bkK tbody')!;
    const template = visibleRows(doc)[0];
    for (let i = 0; i < 250; i++) tbody.append(template.cloneNode(true));
    const yW = visibleRows(doc)[0].querySelector('.yW')!;
    for (let i = 0; i < 30; i++) yW.insertAdjacentHTML('beforeend', `<span class="yP" email="p${i}@example.org">P${i}</span>`);
    const { rows, diagnostics } = read(doc);
    expect(rows).toHaveLength(200);
    expect(rows[0].participants).toHaveLength(20);
    expect(rows[0].participants.slice(0, 2)).toEqual([dana, { email: 'p0@example.org' }]);
    expect(rows[0].latestFrom).toEqual({ email: 'p29@example.org' });
    expect(diagnostics).toEqual(['gmail.list.rows: over 200, the rest not read']);
  });

  it('never writes to the page', () => {
    const doc = loadFixture('gmail/list-inbox-en-us.html');
    const before = doc.documentElement.outerHTML;
    readGmailList(doc, { diagnostics: [] });
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('a 100,000-character attribute adds well under 20 ms to a read', () => {
    const base = loadFixture('gmail/list-inbox-en-us.html');
    const huge = loadFixture('gmail/list-inbox-en-us.html');
    const big = 'a'.repeat(100_000);
    const row = visibleRows(huge)[0];
    // on every attribute the reader matches, and on the row
    const sender = row.querySelector('[email]')!;
    sender.setAttribute('email', `${big}@x.com`);
    sender.setAttribute('data-hovercard-id', `<${big}@x.com>`);
    row.querySelector('.bqe')!.setAttribute('data-thread-id', `#thread-f:${'1'.repeat(100_000)}`);
    row.querySelector('.bqe')!.setAttribute('data-legacy-thread-id', big);
    const date = row.querySelector('td.xW span')!;
    date.setAttribute('title', `Thu, Aug 7, 2025,${' '.repeat(100_000)}9:14 AM`);
    date.setAttribute('aria-label', `${'Thu, Aug 7, 2025, 9:14 AM '.repeat(4000)}`);
    row.setAttribute('aria-label', big);
    row.querySelector('.y6')!.setAttribute('title', `${'<'.repeat(50_000)}${'@'.repeat(50_000)}`);

    const { rows } = read(huge);
    expect(rows[0].participants).toEqual([]);
    expect(rows[0].latestAt).toBeUndefined();
    expect(rows[0].threadId).toHaveLength(200);

    const cost = (doc: Document) => readCostMs(readGmailList, doc);
    cost(base);
    expect(cost(huge) - cost(base)).toBeLessThan(20);
  });
});
