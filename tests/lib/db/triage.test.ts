import { beforeEach, describe, expect, it } from 'vitest';
import { createClient, getClient, listHistory, logTouchpoint } from '@/lib/db';
import { countOverdue } from '@/lib/db/overdue';
import { listToday } from '@/lib/db/today';
import { markNoReplyNeeded, undoNoReplyNeeded } from '@/lib/db/triage';
import { loadInsights } from '@/lib/db/insights';
import { resetDb, dumpDb, DAY, HOUR } from './helpers';

const NOW = new Date(2026, 10, 24, 12, 0).getTime(); // a Tuesday
beforeEach(resetDb);

async function lateClient() {
  const c = await createClient({ name: 'Dana', emails: ['dana@acme.com'] }, NOW - 30 * DAY);
  await logTouchpoint({ clientId: c.id!, kind: 'email-out', at: NOW - 10 * DAY }, NOW);
  await logTouchpoint({ clientId: c.id!, kind: 'email-in', at: NOW - 6 * DAY, subject: 'Thanks!' }, NOW);
  await logTouchpoint({ clientId: c.id!, kind: 'email-in', at: NOW - 5 * DAY, subject: 'And one more thing' }, NOW);
  return c;
}

describe('"No reply needed"', () => {
  it('handles the waiting emails without a touch: status, badge and Today change at once', async () => {
    const c = await lateClient();
    expect(await countOverdue(NOW)).toBe(1);
    const marked = await markNoReplyNeeded(c.id!, NOW);
    expect(marked).toHaveLength(2);
    const after = (await getClient(c.id!))!;
    expect(after.awaitingReplySince).toBeUndefined();
    // no touch was invented: the last contact is still the user's own last email (theirs restart no clock)
    expect(after.lastContactAt).toBe(NOW - 10 * DAY);
    expect((await listHistory(c.id!)).map((t) => t.kind)).toEqual(['email-in', 'email-in', 'email-out']);
    expect(await countOverdue(NOW)).toBe(0);
    expect((await listToday(NOW)).lateReplies).toEqual([]);
  });

  it('can be undone exactly, and a new email afterwards waits again', async () => {
    const c = await lateClient();
    const marked = await markNoReplyNeeded(c.id!, NOW);
    await undoNoReplyNeeded(marked, NOW);
    expect((await getClient(c.id!))!.awaitingReplySince).toBe(NOW - 6 * DAY);
    expect(await countOverdue(NOW)).toBe(1);
    await markNoReplyNeeded(c.id!, NOW);
    await logTouchpoint({ clientId: c.id!, kind: 'email-in', at: NOW - HOUR }, NOW);
    expect((await getClient(c.id!))!.awaitingReplySince).toBe(NOW - HOUR);
  });

  it('is left out of reply speed', async () => {
    const c = await lateClient();
    await markNoReplyNeeded(c.id!, NOW);
    await logTouchpoint({ clientId: c.id!, kind: 'call', at: NOW - HOUR }, NOW);
    const insights = await loadInsights(NOW);
    // the two handled emails are neither answered (by the call days later) nor unanswered
    expect(insights.replies.months.reduce((n, m) => n + m.answered + m.unanswered, 0)).toBe(0);
  });

  it('does nothing with nothing waiting, and refuses a client that does not exist', async () => {
    const c = await createClient({ name: 'Dana', emails: ['dana@acme.com'] }, NOW - 30 * DAY);
    expect(await markNoReplyNeeded(c.id!, NOW)).toEqual([]);
    const before = await dumpDb();
    await expect(markNoReplyNeeded(999, NOW)).rejects.toThrow(/does not exist/);
    await expect(markNoReplyNeeded(-1 as number, NOW)).rejects.toThrow(/positive whole number/);
    await expect(undoNoReplyNeeded([{ clientId: c.id!, id: 1.5 as never }], NOW)).rejects.toThrow(/named by/);
    await expect(undoNoReplyNeeded([{ clientId: c.id!, id: '1' }], NOW)).rejects.toThrow(/named by/);
    expect(await dumpDb()).toEqual(before);
  });
});
