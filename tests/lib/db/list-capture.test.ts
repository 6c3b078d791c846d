import { beforeEach, describe, expect, it } from 'vitest';
import { createClient, captureThread, getClient, listHistory, updateSettings } from '@/lib/db';
import { captureList } from '@/lib/db/list-capture';
import { countOverdue } from '@/lib/db/overdue';
import { listToday } from '@/lib/db/today';
import { markNoReplyNeeded } from '@/lib/db/triage';
import type { MailListRow, MailListSnapshot, ThreadSnapshot } from '@/lib/domain/model';
import { resetDb, dumpDb, DAY, HOUR } from './helpers';

// Tuesday 24 Nov 2026, 12:00 local: six days back is the Wednesday before
const NOW = new Date(2026, 10, 24, 12, 0).getTime();
const SIX_DAYS_AGO = NOW - 6 * DAY;
const iso = (t: number) => new Date(t).toISOString();
beforeEach(async () => {
  await resetDb();
  await updateSettings({ ownAddresses: ['me@x.com'] });
});

const row = (over: Partial<MailListRow> = {}): MailListRow => ({
  threadId: 'thread-f:42', participants: [{ email: 'me@x.com' }, { email: 'dana@acme.com' }],
  latestFrom: { email: 'dana@acme.com' }, unread: true, latestAt: iso(SIX_DAYS_AGO), subject: 'Renewal questions', ...over,
});
const list = (...rows: MailListRow[]): MailListSnapshot => ({ provider: 'gmail', rows });

describe('client emails seen only in the message list', () => {
  it('records an unread email from a client once, late after 48 working hours, on the badge and in Today', async () => {
    const c = await createClient({ name: 'Dana', emails: ['dana@acme.com'] }, NOW - 30 * DAY);
    expect(await captureList(list(row()), NOW)).toMatchObject({ recorded: 1, clientIds: [c.id] });
    expect(await captureList(list(row()), NOW)).toMatchObject({ recorded: 0 });
    const history = await listHistory(c.id!);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ kind: 'email-in', at: SIX_DAYS_AGO, subject: 'Renewal questions', source: 'detected' });
    expect((await getClient(c.id!))!.awaitingReplySince).toBe(SIX_DAYS_AGO);
    expect(await countOverdue(NOW)).toBe(1);
    expect((await listToday(NOW)).lateReplies.map((e) => e.client.name)).toEqual(['Dana']);
  });

  it('never creates a client, and leaves read rows, undated rows and rows from others alone', async () => {
    await createClient({ name: 'Dana', emails: ['dana@acme.com'] }, NOW - 30 * DAY);
    const before = await dumpDb();
    const r = await captureList(
      list(
        row({ latestFrom: { email: 'stranger@else.io' }, participants: [{ email: 'stranger@else.io' }] }),
        row({ unread: false }),
        row({ latestAt: undefined }),
        row({ latestAt: 'garbage' }),
        row({ latestAt: iso(NOW + 2 * DAY) }),
      ),
      NOW,
    );
    expect(r.recorded).toBe(0);
    expect(await dumpDb()).toEqual(before);
  });

  it('takes a row whose latest sender is the user as the answer to the email waiting in that conversation', async () => {
    const c = await createClient({ name: 'Dana', emails: ['dana@acme.com'] }, NOW - 30 * DAY);
    await captureList(list(row()), NOW);
    // another conversation's reply answers nothing here
    await captureList(list(row({ threadId: 'thread-f:7', latestFrom: { email: 'me@x.com' }, latestAt: iso(NOW - DAY), unread: false })), NOW);
    expect((await getClient(c.id!))!.awaitingReplySince).toBe(SIX_DAYS_AGO);
    await captureList(list(row({ latestFrom: { email: 'me@x.com' }, latestAt: iso(NOW - DAY), unread: false })), NOW);
    const after = (await getClient(c.id!))!;
    expect(after.awaitingReplySince).toBeUndefined();
    expect((await listHistory(c.id!)).map((t) => t.kind)).toEqual(['email-out', 'email-in']);
    expect(await countOverdue(NOW)).toBe(0);
  });

  it('gives way to the thread: opening it shows the email once, and "no reply needed" stays', async () => {
    // tracked a week ago, so not due yet (the client's emails restart no contact clock)
    const c = await createClient({ name: 'Dana', emails: ['dana@acme.com'] }, NOW - 7 * DAY);
    await captureList(list(row()), NOW);
    await markNoReplyNeeded(c.id!, NOW);
    expect(await countOverdue(NOW)).toBe(0);
    // the thread prints the time to the minute, a little off the list's
    const thread: ThreadSnapshot = {
      provider: 'gmail', threadId: 'thread-f:42', subject: 'Renewal questions', self: { email: 'me@x.com' },
      participants: [{ email: 'me@x.com' }, { email: 'dana@acme.com' }],
      messages: [{ id: 'm1', from: { email: 'dana@acme.com' }, to: [{ email: 'me@x.com' }], sentAt: iso(SIX_DAYS_AGO + 60_000), direction: 'inbound' }],
    };
    expect((await captureThread(thread, NOW)).recorded).toBe(1);
    const history = await listHistory(c.id!);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ kind: 'email-in', at: SIX_DAYS_AGO + 60_000, noReplyNeeded: true });
    expect(history[0].messageKey).not.toMatch(/^list:/);
    expect((await getClient(c.id!))!.awaitingReplySince).toBeUndefined();
    // and the list seen again does not bring the email back either
    expect((await captureList(list(row()), NOW)).recorded).toBe(0);
    expect(await countOverdue(NOW)).toBe(0);
  });

  it('does not add the list record when the thread already recorded the email', async () => {
    const c = await createClient({ name: 'Dana', emails: ['dana@acme.com'] }, NOW - 30 * DAY);
    await captureThread({
      provider: 'gmail', threadId: 'thread-f:42', subject: 'Renewal questions', self: { email: 'me@x.com' },
      participants: [{ email: 'me@x.com' }, { email: 'dana@acme.com' }],
      messages: [{ id: 'm1', from: { email: 'dana@acme.com' }, to: [{ email: 'me@x.com' }], sentAt: iso(SIX_DAYS_AGO), direction: 'inbound' }],
    }, NOW);
    expect((await captureList(list(row()), NOW)).recorded).toBe(0);
    expect(await listHistory(c.id!)).toHaveLength(1);
  });

  it('records nothing when automatic recording is off', async () => {
    await createClient({ name: 'Dana', emails: ['dana@acme.com'] }, NOW - 30 * DAY);
    await updateSettings({ autoCapture: false });
    expect((await captureList(list(row()), NOW)).recorded).toBe(0);
    expect(HOUR).toBe(3_600_000);
  });
});
