import { beforeEach, describe, expect, it } from 'vitest';
import { handleMessage } from '@/lib/background/router';
import { createClient, listHistory } from '@/lib/db';
import { resetDb, dumpDb } from '../db/helpers';
import { loadTabThread } from '@/lib/messages/session';

const ctx = { ownId: 'ours', extensionOrigin: 'chrome-extension://ours' };
const tab = { id: 'ours', url: 'https://mail.google.com/mail/u/0/', tab: { id: 7, url: 'https://mail.google.com/mail/u/0/' } };
const snapshot = {
  provider: 'gmail', threadId: 't1', subject: 'Prices', self: { email: 'me@x.com' },
  participants: [{ email: 'me@x.com' }, { email: 'dana@acme.com' }],
  messages: [{ id: 'm1', from: { email: 'dana@acme.com' }, to: [{ email: 'me@x.com' }], direction: 'inbound', sentAt: new Date(Date.now() - 3_600_000).toISOString() }],
};

beforeEach(resetDb);

describe('handleMessage', () => {
  it('stores the snapshot of a trusted content script and records a tracked client’s emails', async () => {
    const c = await createClient({ name: 'Dana', emails: ['dana@acme.com'] });
    expect(await handleMessage({ type: 'thread:snapshot', snapshot, diagnostics: [] }, tab, ctx)).toEqual({ ok: true, data: null });
    expect(await listHistory(c.id!)).toHaveLength(1);
    expect(await loadTabThread(7)).toMatchObject({ tabId: 7, snapshot: { subject: 'Prices' } });
    // the panel asks to record the thread again: nothing new, and it says so
    const again = await handleMessage({ type: 'thread:capture', tabId: 7 }, { id: 'ours', url: 'chrome-extension://ours/sidepanel.html' }, ctx);
    expect(again).toEqual({ ok: true, data: { recorded: 0, clientIds: [], templateUsed: false } });
  });

  it('refuses malformed or untrusted messages and changes nothing', async () => {
    await createClient({ name: 'Dana', emails: ['dana@acme.com'] });
    const before = await dumpDb();
    const bad = [
      [{ type: 'thread:snapshot', snapshot: { ...snapshot, participants: [{ email: '<script>' }] }, diagnostics: [] }, tab],
      [{ type: 'thread:snapshot', snapshot, diagnostics: [] }, { ...tab, id: 'other-extension' }],
      [{ type: 'thread:snapshot', snapshot, diagnostics: [] }, { ...tab, url: 'https://evil.example/' }],
      [{ type: 'thread:capture', tabId: 7 }, tab],
      [{ type: 'nuke' }, { id: 'ours', url: 'chrome-extension://ours/options.html' }],
    ] as const;
    for (const [msg, sender] of bad) {
      const r = await handleMessage(msg, sender as never, ctx);
      expect(r.ok).toBe(false);
    }
    expect(await dumpDb()).toEqual(before);
    expect(await loadTabThread(7)).toBeNull();
  });
});
