import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { readGmailThread } from '@/lib/mail/gmail';
import { runThreadWatcher } from '@/lib/mail/run-watcher';
import { parseMessage } from '@/lib/messages/protocol';
import gmailContent from '@/entrypoints/gmail.content';
import outlookContent from '@/entrypoints/outlook.content';
import { loadFixture } from './fixtures';

// `wxt/browser` resolves to wxt's mock module, whose import chain loads esbuild, which refuses
// to load under jsdom; the fake browser itself is all the content scripts need
vi.mock('wxt/browser', async () => {
  const { fakeBrowser: fake } = await import('wxt/testing/fake-browser');
  return { browser: fake, default: fake };
});

/** the part of WXT's ContentScriptContext the content scripts use */
const ctxOf = (ac: AbortController) => ({ signal: ac.signal, isInvalid: false, abort: () => ac.abort() });

function fakeContext() {
  const ac = new AbortController();
  const ctx = ctxOf(ac) as unknown as ContentScriptContext;
  return { ctx, abort: () => ac.abort() };
}

function showFixture(rel: string) {
  const page = loadFixture(rel);
  document.title = page.title;
  document.body.replaceWith(document.importNode(page.body, true));
}

describe('runThreadWatcher', () => {
  let ac: AbortController;
  beforeEach(() => {
    vi.useFakeTimers();
    ac = new AbortController();
  });
  afterEach(() => {
    ac.abort();
    vi.useRealTimers();
    document.body.replaceChildren();
  });

  it('sends snapshots and logs only the names of failed lookups', async () => {
    showFixture('gmail/thread-unknown-self-zh.html');
    const send = vi.fn(() => Promise.resolve());
    const log = vi.fn();
    runThreadWatcher({
      provider: 'gmail',
      ctx: ctxOf(ac),
      rootSelectors: ['[role="main"]'],
      read: (doc, diagnostics) => readGmailThread(doc, { diagnostics }),
      send,
      log,
    });
    await vi.advanceTimersByTimeAsync(300);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]).toMatchObject([{ provider: 'gmail', subject: '样品寄送' }, ['gmail.self: none found']]);
    expect(log.mock.calls).toEqual([['[touchbase] gmail: gmail.self: none found']]);
  });

  it('stops watching when the extension context is gone', async () => {
    showFixture('gmail/thread-basic-en-us.html');
    const read = vi.fn((doc: Document, diagnostics: string[]) => readGmailThread(doc, { diagnostics }));
    const send = vi.fn(() => Promise.reject(new Error('Extension context invalidated.')));
    runThreadWatcher({ provider: 'gmail', ctx: ctxOf(ac), rootSelectors: ['[role="main"]'], read, send, log: () => {} });
    await vi.advanceTimersByTimeAsync(300);
    expect(send).toHaveBeenCalledTimes(1);
    document.querySelector('h2.hP')!.textContent = 'Changed';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await vi.advanceTimersByTimeAsync(5000);
    expect(read).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledTimes(1);
    // and the context is ended for the rest of the content script too
    expect(ac.signal.aborted).toBe(true);
  });

  it('keeps watching and resends after another send failure', async () => {
    showFixture('gmail/thread-basic-en-us.html');
    const send = vi.fn().mockRejectedValueOnce(new Error('Receiving end does not exist.')).mockResolvedValue(undefined);
    runThreadWatcher({
      provider: 'gmail',
      ctx: ctxOf(ac),
      rootSelectors: ['[role="main"]'],
      read: (doc, diagnostics) => readGmailThread(doc, { diagnostics }),
      send,
      log: () => {},
    });
    await vi.advanceTimersByTimeAsync(300);
    document.querySelector('[role="main"]')!.append(document.createElement('span'));
    await vi.advanceTimersByTimeAsync(300);
    expect(send).toHaveBeenCalledTimes(2);
    expect(send.mock.calls[1][0]).toEqual(send.mock.calls[0][0]);
  });
});

describe('the content scripts', () => {
  afterEach(() => {
    vi.useRealTimers();
    document.body.replaceChildren();
  });

  it.each([
    ['gmail', gmailContent, 'gmail/thread-basic-en-us.html', 'Renewal for next year 🎉'],
    ['outlook', outlookContent, 'outlook/thread-en-us.html', 'Order 4411 delivery'],
  ] as const)('%s sends a valid thread:snapshot message', async (_name, script, rel, subject) => {
    vi.useFakeTimers();
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
    showFixture(rel);
    const received: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((msg: unknown) => {
      received.push(msg);
    });
    const { ctx, abort } = fakeContext();
    script.main(ctx);
    await vi.advanceTimersByTimeAsync(300);
    abort();
    expect(received).toHaveLength(1);
    const parsed = parseMessage(received[0]);
    expect(parsed.ok).toBe(true);
    expect(received[0]).toMatchObject({ type: 'thread:snapshot', snapshot: { subject }, diagnostics: expect.any(Array) });
    // the console gets lookup names with the prefix, never page content
    for (const [line] of debug.mock.calls) {
      expect(String(line)).toMatch(/^\[touchbase\] (gmail|outlook): /);
      expect(String(line)).not.toContain(subject);
    }
    debug.mockRestore();
  });

  it('declare the mail hosts and run at document_idle', () => {
    expect(gmailContent.matches).toEqual(['https://mail.google.com/*']);
    expect(outlookContent.matches).toEqual([
      'https://outlook.live.com/*',
      'https://outlook.office.com/*',
      'https://outlook.office365.com/*',
      'https://outlook.cloud.microsoft/*',
    ]);
    expect(gmailContent.runAt).toBe('document_idle');
    expect(outlookContent.runAt).toBe('document_idle');
  });
});
