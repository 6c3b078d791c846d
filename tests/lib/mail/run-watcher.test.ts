import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { MailListSnapshot } from '@/lib/domain/model';
import { contentContext, type WatchContext } from '@/lib/mail/context';
import { readGmailThread } from '@/lib/mail/gmail';
import { readGmailList } from '@/lib/mail/gmail-list';
import { runMailWatcher } from '@/lib/mail/run-watcher';
import { parseMessage } from '@/lib/messages/protocol';
import gmailContent from '@/entrypoints/gmail-content';
import outlookContent from '@/entrypoints/outlook-content';
import { contentScripts } from '@/lib/mail/hosts';
import { loadFixture } from './fixtures';

// `wxt/browser` resolves to wxt's mock module, whose import chain loads esbuild, which refuses
// to load under jsdom; the fake browser itself is all the content scripts need
vi.mock('wxt/browser', async () => {
  const { fakeBrowser: fake } = await import('wxt/testing/fake-browser');
  return { browser: fake, default: fake };
});

/** a context that stays valid until aborted */
const ctxOf = (ac: AbortController) => ({ signal: ac.signal, isInvalid: false, abort: () => ac.abort() });

function showFixture(rel: string) {
  const page = loadFixture(rel);
  document.title = page.title;
  document.body.replaceWith(document.importNode(page.body, true));
}

/** thread and list readings of Gmail, with the sends given */
function gmailReadings(sendThread: (...a: any[]) => Promise<unknown>, sendList: (...a: any[]) => Promise<unknown> = () => Promise.resolve({ ok: true, data: null })) {
  return {
    thread: { read: vi.fn((doc: Document, diagnostics: string[]) => readGmailThread(doc, { diagnostics })), send: sendThread },
    list: { read: vi.fn((doc: Document, diagnostics: string[]) => readGmailList(doc, { diagnostics })), send: sendList },
  };
}

/** the console's debug lines, where the watcher logs */
let log: MockInstance<(...args: unknown[]) => void>;

describe('runMailWatcher', () => {
  let ac: AbortController;
  beforeEach(() => {
    vi.useFakeTimers();
    ac = new AbortController();
    log = vi.spyOn(console, 'debug').mockImplementation(() => {});
  });
  afterEach(() => {
    ac.abort();
    vi.useRealTimers();
    vi.restoreAllMocks();
    document.body.replaceChildren();
  });

  const run = (r: ReturnType<typeof gmailReadings>) => runMailWatcher({ provider: 'gmail', ctx: ctxOf(ac), roots: [['[role="main"]']], ...r });

  /** a navigation, which no gap holds back, and the read after it */
  const navigate = async () => {
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await vi.advanceTimersByTimeAsync(100);
  };

  it('sends snapshots and logs only the names of failed lookups', async () => {
    showFixture('gmail/thread-unknown-self-zh.html');
    const send = vi.fn(() => Promise.resolve());
    run(gmailReadings(send));
    await vi.advanceTimersByTimeAsync(300);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]).toMatchObject([{ provider: 'gmail', subject: '样品寄送' }, ['gmail.self: none found']]);
    expect(log.mock.calls).toEqual([['[touchbase] gmail: gmail.self: none found']]);
  });

  it('sends the list when it changes, never when it is the same, and apart from the thread', async () => {
    showFixture('gmail/list-inbox-en-us.html');
    const sendThread = vi.fn(() => Promise.resolve({ ok: true, data: null }));
    const sendList = vi.fn(() => Promise.resolve({ ok: true, data: null }));
    run(gmailReadings(sendThread, sendList));
    await vi.advanceTimersByTimeAsync(300);
    // no thread open: null once; the list with its rows
    expect(sendThread.mock.calls).toEqual([[null, expect.any(Array)]]);
    expect(sendList).toHaveBeenCalledTimes(1);
    const first = sendList.mock.calls[0] as unknown as [MailListSnapshot, string[]];
    expect(first[0].rows.map((r) => r.subject)).toContain('Quote for the Q3 order');
    // a change that is not in the list: read, nothing sent
    await navigate();
    expect(sendList).toHaveBeenCalledTimes(1);
    expect(sendThread).toHaveBeenCalledTimes(1);
    // a row goes: the list is sent again, the thread is not
    const visible = [...document.querySelectorAll('[role="main"]')].at(-1)!;
    visible.querySelector('tr.zA')!.remove();
    // (after the gap that the read finding nothing new set: 2 s)
    await vi.advanceTimersByTimeAsync(2300);
    expect(sendList).toHaveBeenCalledTimes(2);
    const second = sendList.mock.calls[1] as unknown as [MailListSnapshot, string[]];
    expect(second[0].rows).toHaveLength(first[0].rows.length - 1);
    expect(sendThread).toHaveBeenCalledTimes(1);
  });

  it('a thread that changes does not resend the list', async () => {
    showFixture('gmail/thread-basic-en-us.html');
    const sendThread = vi.fn(() => Promise.resolve({ ok: true, data: null }));
    const sendList = vi.fn(() => Promise.resolve({ ok: true, data: null }));
    run(gmailReadings(sendThread, sendList));
    await vi.advanceTimersByTimeAsync(300);
    document.querySelector('h2.hP')!.textContent = 'Changed';
    await vi.advanceTimersByTimeAsync(300);
    expect(sendThread).toHaveBeenCalledTimes(2);
    expect(sendList.mock.calls).toEqual([[null, []]]);
  });

  it.each(['thread', 'list'] as const)('a refused %s ({ ok: false }) is sent again at the next read, then no more', async (which) => {
    showFixture('gmail/list-inbox-en-us.html');
    const refusing = vi
      .fn()
      .mockResolvedValueOnce({ ok: false, error: 'refused message: Too big' })
      .mockResolvedValue({ ok: true, data: null });
    const other = vi.fn(() => Promise.resolve({ ok: true, data: null }));
    run(which === 'thread' ? gmailReadings(refusing, other) : gmailReadings(other, refusing));
    await vi.advanceTimersByTimeAsync(300);
    await navigate();
    await navigate();
    expect(refusing).toHaveBeenCalledTimes(2);
    expect(refusing.mock.calls[1]).toEqual(refusing.mock.calls[0]);
    // the other one was delivered the first time: not sent again
    expect(other).toHaveBeenCalledTimes(1);
    expect(ac.signal.aborted).toBe(false);
  });

  it('stops watching when the extension context is gone', async () => {
    showFixture('gmail/thread-basic-en-us.html');
    const r = gmailReadings(vi.fn(() => Promise.reject(new Error('Extension context invalidated.'))));
    run(r);
    await vi.advanceTimersByTimeAsync(300);
    expect(r.thread.send).toHaveBeenCalledTimes(1);
    document.querySelector('h2.hP')!.textContent = 'Changed';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await vi.advanceTimersByTimeAsync(5000);
    expect(r.thread.read).toHaveBeenCalledTimes(1);
    expect(r.thread.send).toHaveBeenCalledTimes(1);
    // and the context is ended for the rest of the content script too, said once
    expect(ac.signal.aborted).toBe(true);
    expect(log.mock.calls.filter(([l]) => /extension gone/.test(String(l)))).toHaveLength(1);
  });

  it('keeps watching and resends after another send failure', async () => {
    showFixture('gmail/thread-basic-en-us.html');
    const send = vi.fn().mockRejectedValueOnce(new Error('Receiving end does not exist.')).mockResolvedValue(undefined);
    run(gmailReadings(send));
    await vi.advanceTimersByTimeAsync(300);
    document.querySelector('[role="main"]')!.append(document.createElement('span'));
    await vi.advanceTimersByTimeAsync(300);
    expect(send).toHaveBeenCalledTimes(2);
    expect(send.mock.calls[1][0]).toEqual(send.mock.calls[0][0]);
  });
});

describe('contentContext', () => {
  beforeEach(() => {
    log = vi.spyOn(console, 'debug').mockImplementation(() => {});
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
    document.body.replaceChildren();
  });

  it('is valid while the runtime is there, and invalid (and aborted) once it is gone', () => {
    let id: string | undefined = 'abc';
    const ctx = contentContext(() => id);
    expect(ctx.isInvalid).toBe(false);
    expect(ctx.signal.aborted).toBe(false);
    id = undefined;
    expect(ctx.isInvalid).toBe(true);
    expect(ctx.signal.aborted).toBe(true);
    // and stays so
    id = 'abc';
    expect(ctx.isInvalid).toBe(true);
  });

  it('aborts on request', () => {
    const ctx = contentContext(() => 'abc');
    ctx.abort();
    expect(ctx.signal.aborted).toBe(true);
    expect(ctx.isInvalid).toBe(true);
  });

  it('stops the watcher once the runtime id is gone: nothing more is read or sent', async () => {
    vi.useFakeTimers();
    showFixture('gmail/thread-basic-en-us.html');
    let id: string | undefined = 'abc';
    const ctx = contentContext(() => id);
    // once the runtime id is gone, every send fails (with whatever message the browser gives)
    const r = gmailReadings(vi.fn(() => (id ? Promise.resolve({ ok: true, data: null }) : Promise.reject(new Error('could not send')))));
    runMailWatcher({ provider: 'gmail', ctx, roots: [['[role="main"]']], ...r });
    await vi.advanceTimersByTimeAsync(300);
    expect(r.thread.send).toHaveBeenCalledTimes(1);
    // the extension is reloaded under the page; the thread changes
    id = undefined;
    document.querySelector('h2.hP')!.textContent = 'Changed';
    await vi.advanceTimersByTimeAsync(300);
    expect(r.thread.send).toHaveBeenCalledTimes(2);
    expect(ctx.signal.aborted).toBe(true);
    expect(log).toHaveBeenCalledWith('[touchbase] gmail: extension gone, stopped');
    const reads = r.thread.read.mock.calls.length;
    document.querySelector('h2.hP')!.textContent = 'Changed again';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(r.thread.read).toHaveBeenCalledTimes(reads);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('the content scripts', () => {
  afterEach(() => {
    vi.useRealTimers();
    document.body.replaceChildren();
  });

  it.each([
    ['gmail', 'gmail/thread-basic-en-us.html', gmailContent, 'Renewal for next year 🎉', null],
    // its two list rows carry no subject element: read, with the subject empty
    ['outlook', 'outlook/thread-en-us.html', outlookContent, 'Order 4411 delivery', ''],
    ['gmail', 'gmail/list-inbox-en-us.html', gmailContent, null, 'Quote for the Q3 order'],
    ['outlook', 'outlook/list-inbox-en-us.html', outlookContent, null, 'Order 4411 delivery'],
  ] as const)('%s on %s sends a valid thread:snapshot and list:snapshot, once each', async (_name, rel, script, subject, rowSubject) => {
    vi.useFakeTimers();
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
    showFixture(rel);
    const received: { type: string }[] = [];
    fakeBrowser.runtime.onMessage.addListener((msg: unknown) => {
      received.push(msg as { type: string });
      // the background's answer: delivered (an { ok: false } would be sent again)
      return Promise.resolve({ ok: true, data: null });
    });
    const ctx = script.main() as WatchContext;
    await vi.advanceTimersByTimeAsync(300);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await vi.advanceTimersByTimeAsync(300);
    expect(ctx.isInvalid).toBe(false);
    ctx.abort();
    expect(received.map((m) => m.type)).toEqual(['thread:snapshot', 'list:snapshot']);
    for (const m of received) expect(parseMessage(m).ok).toBe(true);
    expect(received[0]).toMatchObject({ snapshot: subject === null ? null : { subject }, diagnostics: expect.any(Array) });
    const list = (received[1] as unknown as { list: MailListSnapshot | null }).list;
    if (rowSubject === null) expect(list).toBeNull();
    else expect(list?.rows.map((r) => r.subject)).toContain(rowSubject);
    if (rowSubject === '') expect(list?.rows).toHaveLength(2);
    // the console gets lookup names with the prefix, never page content
    for (const [line] of debug.mock.calls) {
      expect(String(line)).toMatch(/^\[touchbase\] (gmail|outlook): /);
      if (subject) expect(String(line)).not.toContain(subject);
      if (rowSubject) expect(String(line)).not.toContain(rowSubject);
    }
    debug.mockRestore();
  });

  it('are declared on their own mail hosts, once the page is idle', () => {
    expect(contentScripts()).toEqual([
      { matches: ['https://mail.google.com/*'], js: ['gmail-content.js'], run_at: 'document_idle' },
      {
        matches: ['https://outlook.live.com/*', 'https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.cloud.microsoft/*'],
        js: ['outlook-content.js'],
        run_at: 'document_idle',
      },
    ]);
  });

  it('stop when the extension goes away under the page', async () => {
    vi.useFakeTimers();
    vi.spyOn(console, 'debug').mockImplementation(() => {});
    showFixture('gmail/thread-basic-en-us.html');
    const received: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((msg: unknown) => {
      received.push(msg);
      return Promise.resolve({ ok: true, data: null });
    });
    const ctx = gmailContent.main() as WatchContext;
    await vi.advanceTimersByTimeAsync(300);
    expect(received).toHaveLength(2);
    // what a content script sees once its extension is reloaded or removed: no runtime id,
    // and every send failing
    (fakeBrowser.runtime as { id?: string }).id = undefined;
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('Extension context invalidated.'));
    document.querySelector('h2.hP')!.textContent = 'Changed';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await vi.advanceTimersByTimeAsync(300);
    expect(received).toHaveLength(2);
    expect(ctx.isInvalid).toBe(true);
    expect(ctx.signal.aborted).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
    vi.restoreAllMocks();
  });
});
