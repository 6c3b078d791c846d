import { beforeEach, describe, expect, it } from 'vitest';
import { createClient, logTouchpoint, updateClient, countOverdue, listOverdue, captureThread, getClient, listHistory, updateSettings } from '@/lib/db';
import type { ThreadSnapshot } from '@/lib/domain/model';
import { resetDb, DAY, HOUR } from './helpers';

const T0 = new Date(2026, 0, 5, 10, 0).getTime();

beforeEach(resetDb);

describe('countOverdue / listOverdue', () => {
  it('counts clients past their due date, from the first moment of the day after', async () => {
    const c = await createClient({ name: 'Dana', emails: ['dana@acme.com'] }, T0);
    await logTouchpoint({ clientId: c.id!, kind: 'sale', amount: 10, at: T0 }, T0);
    await logTouchpoint({ clientId: c.id!, kind: 'sale', amount: 10, at: T0 }, T0); // a client: 42 days
    const day42 = new Date(2026, 1, 16, 23, 59).getTime();
    const day43 = new Date(2026, 1, 17, 0, 0).getTime();
    expect(await countOverdue(day42)).toBe(0);
    expect(await countOverdue(day43)).toBe(1);
  });

  it('counts a late reply (over 48 h) even when the cadence is fine, and not at 48 h', async () => {
    const c = await createClient({ name: 'Dana', emails: ['dana@acme.com'] }, T0);
    await logTouchpoint({ clientId: c.id!, kind: 'email-in', at: T0 }, T0);
    expect(await countOverdue(T0 + 48 * HOUR)).toBe(0);
    expect(await countOverdue(T0 + 48 * HOUR + 60_000)).toBe(1);
  });

  it('leaves snoozed clients out until the snooze ends, and lists the most overdue first', async () => {
    const a = await createClient({ name: 'A', emails: ['a@acme.com'] }, T0);
    const b = await createClient({ name: 'B', emails: ['b@acme.com'] }, T0 + 5 * DAY);
    const now = T0 + 30 * DAY;
    expect((await listOverdue(now)).map((c) => c.name)).toEqual(['A', 'B']);
    await updateClient(a.id!, { snoozedUntil: now + DAY }, now);
    expect(await countOverdue(now)).toBe(1);
    expect(await countOverdue(now + 2 * DAY)).toBe(2);
    expect(b.id).toBeDefined();
    // ending the snooze by hand counts them again at once
    await updateClient(a.id!, { snoozedUntil: null }, now);
    expect(await countOverdue(now)).toBe(2);
  });

  it('follows a change of the late threshold: every client is recomputed with it', async () => {
    const c = await createClient({ name: 'Dana', emails: ['dana@acme.com'] }, T0);
    await logTouchpoint({ clientId: c.id!, kind: 'email-in', at: T0 }, T0);
    const now = T0 + 60 * HOUR;
    expect(await countOverdue(now)).toBe(1);
    await updateSettings({ replyLateHours: 72 });
    expect(await countOverdue(now)).toBe(0);
    expect(await countOverdue(T0 + 72 * HOUR + 1)).toBe(1);
  });
});

describe('captureThread', () => {
  const snapshot = (at: number): ThreadSnapshot => ({
    provider: 'gmail',
    threadId: 'thread-f:1',
    subject: 'Renewal',
    self: { email: 'me@example.com' },
    correspondent: { email: 'dana@acme.com', name: 'Dana' },
    participants: [{ email: 'me@example.com' }, { email: 'dana@acme.com', name: 'Dana' }],
    messages: [
      { id: 'm1', from: { email: 'me@example.com' }, to: [{ email: 'dana@acme.com' }], sentAt: new Date(at - 3 * DAY).toISOString(), direction: 'outbound' },
      { id: 'm2', from: { email: 'dana@acme.com' }, to: [{ email: 'me@example.com' }], sentAt: new Date(at - 2 * DAY).toISOString(), direction: 'inbound' },
      { id: 'm3', from: { email: 'dana@acme.com' }, to: [{ email: 'me@example.com' }], direction: 'inbound' },
    ],
  });

  it('records the dated emails of a tracked client once, and sets the reply state', async () => {
    const now = T0 + 10 * DAY;
    const c = await createClient({ name: 'Dana', emails: ['dana@acme.com'] }, T0);
    expect((await captureThread(snapshot(now), now)).recorded).toBe(2);
    expect((await captureThread(snapshot(now), now)).recorded).toBe(0);
    const history = await listHistory(c.id!);
    expect(history.map((t) => t.kind)).toEqual(['email-in', 'email-out']);
    expect(history[0].subject).toBe('Renewal');
    expect((await getClient(c.id!))!.awaitingReplySince).toBe(now - 2 * DAY);
  });

  it('records nothing for people who are not clients, or when auto-capture is off', async () => {
    const now = T0 + 10 * DAY;
    expect((await captureThread(snapshot(now), now)).recorded).toBe(0);
    await createClient({ name: 'Dana', emails: ['dana@acme.com'] }, T0);
    await updateSettings({ autoCapture: false });
    expect((await captureThread(snapshot(now), now)).recorded).toBe(0);
  });
});
