import { describe, expect, it } from 'vitest';
import { parseMessage, isTrustedSender, type Message } from '@/lib/messages/protocol';
import { LIMITS } from '@/lib/domain/model';

const snapshot = {
  provider: 'gmail', subject: 'Hi', participants: [{ email: 'dana@acme.com', name: '<b>Dana</b>' }],
  messages: [{ from: { email: 'dana@acme.com' }, to: [], direction: 'inbound', sentAt: '2026-11-20T09:14:00+00:00' }],
};

describe('parseMessage', () => {
  it('accepts a well-formed snapshot; a name with markup is just text', () => {
    const r = parseMessage({ type: 'thread:snapshot', snapshot, diagnostics: [] });
    expect(r.ok).toBe(true);
  });
  it.each([
    ['an unknown type', { type: 'db:drop' }, /refused message/],
    ['no type', { snapshot }, /refused message/],
    ['an extra field', { type: 'badge:refresh', evil: true }, /refused message/],
    ['a sender that is not an address', { type: 'thread:snapshot', diagnostics: [], snapshot: { ...snapshot, participants: [{ email: 'dana' }] } }, /not an email address at snapshot.participants.0.email/],
    ['an upper-case address', { type: 'thread:snapshot', diagnostics: [], snapshot: { ...snapshot, participants: [{ email: 'Dana@acme.com' }] } }, /lower-case/],
    ['an oversized subject', { type: 'thread:snapshot', diagnostics: [], snapshot: { ...snapshot, subject: 'x'.repeat(LIMITS.subject + 1) } }, /refused message/],
    ['too many participants', { type: 'thread:snapshot', diagnostics: [], snapshot: { ...snapshot, participants: Array(LIMITS.participants + 1).fill({ email: 'a@b.co' }) } }, /refused message/],
    ['a date that is not a date', { type: 'thread:snapshot', diagnostics: [], snapshot: { ...snapshot, messages: [{ ...snapshot.messages[0], sentAt: 'yesterday' }] } }, /not a date/],
    ['a negative tab id', { type: 'thread:capture', tabId: -1 }, /refused message/],
    ['not an object', 'thread:capture', /refused message/],
  ])('refuses %s', (_, raw, message) => {
    const r = parseMessage(raw);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(message);
  });
});

describe('isTrustedSender', () => {
  const ours = 'abcdefghijklmnopabcdefghijklmnop';
  const origin = `chrome-extension://${ours}`;
  const snap: Message = { type: 'thread:snapshot', snapshot: null, diagnostics: [] };
  const get: Message = { type: 'thread:capture', tabId: 1 };
  it('accepts our content script on a mail host and our own pages', () => {
    expect(isTrustedSender(snap, { id: ours, url: 'https://mail.google.com/mail/u/0/', tab: { id: 3 } }, ours, origin)).toBe(true);
    expect(isTrustedSender(snap, { id: ours, url: 'https://outlook.office.com/mail/', tab: { id: 3 } }, ours, origin)).toBe(true);
    expect(isTrustedSender(get, { id: ours, url: `${origin}/sidepanel.html?tabId=3` }, ours, origin)).toBe(true);
  });
  it('refuses another extension, a content script elsewhere, or a page asking for what only our pages may', () => {
    expect(isTrustedSender(get, { id: 'another', url: `chrome-extension://another/x.html` }, ours, origin)).toBe(false);
    expect(isTrustedSender(snap, { id: ours, url: 'https://evil.example/', tab: { id: 3 } }, ours, origin)).toBe(false);
    expect(isTrustedSender(snap, { id: ours, url: 'https://mail.google.com.evil.example/', tab: { id: 3 } }, ours, origin)).toBe(false);
    expect(isTrustedSender(snap, { id: ours, url: 'https://mail.google.com:8443/', tab: { id: 3 } }, ours, origin)).toBe(false);
    expect(isTrustedSender(snap, { id: ours, url: 'http://mail.google.com/', tab: { id: 3 } }, ours, origin)).toBe(false);
    expect(isTrustedSender(get, { id: ours, url: 'https://mail.google.com/', tab: { id: 3 } }, ours, origin)).toBe(false);
    expect(isTrustedSender(snap, { id: ours, url: `${origin}/sidepanel.html` }, ours, origin)).toBe(false);
  });
});
