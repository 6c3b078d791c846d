import { beforeEach, describe, expect, it } from 'vitest';
import { createClient, captureThread, listHistory, db } from '@/lib/db';
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
    const template = { templateId: 7, clientId: c.id!, since: NOW - 10 * 60_000 };
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

describe('the client a template was opened for', () => {
  it('is the only one an email sent from it is credited to', async () => {
    const dana = await createClient({ name: 'Dana', emails: ['dana@acme.com'] }, NOW - 30 * DAY);
    const lee = await createClient({ name: 'Lee', emails: ['lee@globex.io'] }, NOW - 30 * DAY);
    // the template was opened for Dana; in the same tab, the user's next email goes to Lee
    const template = { templateId: 7, clientId: dana.id!, since: NOW - 10 * 60_000 };
    const toLee: ThreadSnapshot = {
      provider: 'gmail', threadId: 'thread-f:10', subject: 'Order', self: { email: 'me@x.com' },
      participants: [{ email: 'me@x.com' }, { email: 'lee@globex.io' }],
      messages: [{ id: 'l1', from: { email: 'me@x.com' }, to: [{ email: 'lee@globex.io' }], sentAt: new Date(NOW - 5 * 60_000).toISOString(), direction: 'outbound' }],
    };
    let r = await captureThread(toLee, NOW, { template });
    expect(r).toMatchObject({ recorded: 1, templateUsed: false });
    expect((await listHistory(lee.id!))[0]).toMatchObject({ source: 'detected' });
    expect((await listHistory(lee.id!))[0].templateId).toBeUndefined();
    // then the email to Dana is sent: hers is credited
    r = await captureThread(snap([out('m9', NOW - 60_000)]), NOW, { template });
    expect(r.templateUsed).toBe(true);
    expect((await listHistory(dana.id!))[0]).toMatchObject({ source: 'template', templateId: 7 });
  });
});


describe('a settings row that breaks the rules', () => {
  it('does not stop capturing: the bad setting falls back to its default', async () => {
    const c = await createClient({ name: 'Dana', emails: ['dana@acme.com'] }, NOW - 30 * DAY);
    // as an older restore could leave it
    await db.settings.put({ key: 'app', value: { ownAddresses: 5, replyLateHours: 'soon' } });
    expect((await captureThread(snap([out('m1', NOW - DAY)]), NOW)).recorded).toBe(1);
    expect(await listHistory(c.id!)).toHaveLength(1);
  });
});

describe('a long thread', () => {
  it('of 150 messages is recorded whole, and seen again adds nothing (Dexie keeps the transaction)', async () => {
    const c = await createClient({ name: 'Dana', emails: ['dana@acme.com'] }, NOW - 300 * DAY);
    const messages = Array.from({ length: 150 }, (_, i) => out(`m${i}`, NOW - (150 - i) * DAY));
    let r = await captureThread(snap(messages), NOW);
    expect(r.recorded).toBe(150);
    r = await captureThread(snap(messages), NOW);
    expect(r.recorded).toBe(0);
    expect(await listHistory(c.id!)).toHaveLength(150);
  });
});
