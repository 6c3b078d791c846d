import { beforeEach, describe, expect, it } from 'vitest';
import { createClient, captureThread, listHistory } from '@/lib/db';
import type { ThreadSnapshot } from '@/lib/domain/model';
import { resetDb, DAY } from './helpers';

const NOW = new Date(2026, 10, 22, 12, 0).getTime();
beforeEach(resetDb);

const snap = (messages: ThreadSnapshot['messages']): ThreadSnapshot => ({
  provider: 'gmail', threadId: 'thread-f:9', subject: 'Checking in', self: { email: 'me@x.com' },
  participants: [{ email: 'me@x.com' }, { email: 'dana@acme.com' }], messages,
});
const out = (id: string, at: number) => ({
  id, from: { email: 'me@x.com' }, to: [{ email: 'dana@acme.com' }], sentAt: new Date(at).toISOString(), direction: 'outbound' as const,
});

describe('an email sent from a template', () => {
  it('is recorded with the template when it appears in the thread, once, and not before', async () => {
    const c = await createClient({ name: 'Dana', emails: ['dana@acme.com'] }, NOW - 30 * DAY);
    const template = { templateId: 7, since: NOW - 10 * 60_000 };
    // an older email of the thread is not credited to the template
    let r = await captureThread(snap([out('m1', NOW - 2 * DAY)]), NOW, { template });
    expect(r.templateUsed).toBe(false);
    // the sent reply appears (the page shows minutes: a minute of slack)
    r = await captureThread(snap([out('m1', NOW - 2 * DAY), out('m2', NOW - 11 * 60_000 + 30_000)]), NOW, { template });
    expect(r).toMatchObject({ recorded: 1, templateUsed: true });
    r = await captureThread(snap([out('m1', NOW - 2 * DAY), out('m2', NOW - 11 * 60_000 + 30_000)]), NOW, { template });
    expect(r.recorded).toBe(0);
    const history = await listHistory(c.id!);
    expect(history.map((t) => [t.source, t.templateId])).toEqual([['template', 7], ['detected', undefined]]);
  });
});
