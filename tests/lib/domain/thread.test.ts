import { describe, expect, it } from 'vitest';
import { outsideParticipants, threadReplyStatus } from '@/lib/domain/thread';
import { DEFAULT_SETTINGS } from '@/lib/domain/settings';
import type { ThreadSnapshot } from '@/lib/domain/model';

const NOW = new Date(2026, 10, 24, 12, 0).getTime(); // a Tuesday
const H = 3_600_000;

const snapshot = (messages: ThreadSnapshot['messages']): ThreadSnapshot => ({
  provider: 'gmail', subject: 'Renewal', self: { email: 'me@x.com' },
  participants: [{ email: 'me@x.com' }, { email: 'dana@acme.com' }, { email: 'lee@globex.io' }, { email: 'me2@x.com' }],
  messages,
});

describe('outsideParticipants', () => {
  it('leaves out the page self and the settings addresses, and keeps the order', () => {
    expect(outsideParticipants(snapshot([]), ['me2@x.com']).map((p) => p.email)).toEqual(['dana@acme.com', 'lee@globex.io']);
    expect(outsideParticipants(null, [])).toEqual([]);
  });
});

describe('threadReplyStatus', () => {
  const inbound = (from: string, agoH: number) => ({
    from: { email: from }, to: [{ email: 'me@x.com' }], sentAt: new Date(NOW - agoH * H).toISOString(), direction: 'inbound' as const,
  });
  it("counts only the messages that involve the person shown", () => {
    const s = snapshot([inbound('lee@globex.io', 60), inbound('dana@acme.com', 2)]);
    const dana = threadReplyStatus('dana@acme.com', s, [], NOW, DEFAULT_SETTINGS);
    expect(dana).toMatchObject({ state: 'awaiting-you', since: NOW - 2 * H, level: 'on-time' });
    expect(threadReplyStatus('lee@globex.io', s, [], NOW, DEFAULT_SETTINGS)).toMatchObject({ state: 'awaiting-you', since: NOW - 60 * H });
  });
  it("takes a call from the client's history as the answer", () => {
    const s = snapshot([inbound('dana@acme.com', 30)]);
    expect(threadReplyStatus('dana@acme.com', s, [{ kind: 'call', at: NOW - H }], NOW, DEFAULT_SETTINGS).state).toBe('waiting-on-them');
    expect(threadReplyStatus('dana@acme.com', s, [{ kind: 'note', at: NOW - H }], NOW, DEFAULT_SETTINGS).state).toBe('awaiting-you');
  });
  it('skips undated messages', () => {
    const s = snapshot([{ ...inbound('dana@acme.com', 1), sentAt: undefined }]);
    expect(threadReplyStatus('dana@acme.com', s, [], NOW, DEFAULT_SETTINGS)).toEqual({ state: 'none' });
  });
});
