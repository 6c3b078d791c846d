import { beforeEach, describe, expect, it } from 'vitest';
import { captureThread, createClient, getSettings, learnOwnAddresses, listHistory, updateSettings } from '@/lib/db';
import type { ThreadSnapshot } from '@/lib/domain/model';
import { resetDb, DAY } from './helpers';

const NOW = new Date(2026, 10, 24, 12, 0).getTime();
beforeEach(resetDb);

const thread = (self: string): ThreadSnapshot => ({
  provider: 'gmail', threadId: 't1', subject: 'Prices', self: { email: self },
  participants: [{ email: 'me@x.com' }, { email: 'dana@acme.com' }],
  messages: [{ id: 'm1', from: { email: 'dana@acme.com' }, to: [{ email: 'me@x.com' }], sentAt: new Date(NOW - DAY).toISOString(), direction: 'inbound' }],
});

describe("the user's own addresses learnt from pages", () => {
  it('are kept apart from the typed ones, newest first', async () => {
    await updateSettings({ ownAddresses: ['typed@x.com'] });
    await learnOwnAddresses(['me@x.com']);
    await learnOwnAddresses(['other@x.com']);
    const s = await getSettings();
    expect(s.ownAddresses).toEqual(['typed@x.com']);
    expect(s.learnedAddresses).toEqual(['other@x.com', 'me@x.com']);
  });

  it("never take a tracked client's address", async () => {
    await createClient({ name: 'Dana', emails: ['dana@acme.com'] }, NOW - 30 * DAY);
    // a page title without the account part: the page's "self" is the client
    await learnOwnAddresses(['dana@acme.com']);
    expect((await getSettings()).learnedAddresses).toEqual([]);
  });

  it('stop hiding a client once the wrong one is removed, or once the person is tracked', async () => {
    await learnOwnAddresses(['dana@acme.com']); // learnt before Dana was a client
    const c = await createClient({ name: 'Dana', emails: ['dana@acme.com'] }, NOW - 30 * DAY);
    expect((await getSettings()).learnedAddresses).toEqual([]);
    await captureThread(thread('me@x.com'), NOW);
    expect(await listHistory(c.id!)).toHaveLength(1);
  });

  it('a wrongly learnt address removed in the options no longer hides its person', async () => {
    await learnOwnAddresses(['lee@globex.io']);
    await updateSettings({ learnedAddresses: [] });
    expect((await getSettings()).learnedAddresses).toEqual([]);
  });

  it('learn the 21st address too, the oldest making room', async () => {
    for (let i = 1; i <= 21; i++) await learnOwnAddresses([`me${i}@x.com`]);
    const learned = (await getSettings()).learnedAddresses;
    expect(learned).toHaveLength(20);
    expect(learned[0]).toBe('me21@x.com');
    expect(learned).not.toContain('me1@x.com');
  });
});
