import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ThreadSnapshot } from '@/lib/domain/model';
import { watchMail } from '@/lib/mail/watch';

/** a stand-in reader: the subject of the visible `[role=main]` heading */
function makeReader() {
  return vi.fn((doc: Document, diagnostics: string[]): ThreadSnapshot | null => {
    const main = [...doc.querySelectorAll('[role=main]')].find((m) => !(m as HTMLElement).hidden);
    const h = main?.querySelector('h2');
    if (!h) diagnostics.push('test.subject: no match');
    return h ? { provider: 'gmail', subject: h.textContent ?? '', participants: [], messages: [] } : null;
  });
}

function setPage(subject: string | null) {
  document.body.replaceChildren();
  const main = document.createElement('div');
  main.setAttribute('role', 'main');
  if (subject !== null) {
    const h = document.createElement('h2');
    h.textContent = subject;
    main.append(h);
  }
  document.body.append(main);
  return main;
}

/** Replaces MutationObserver with one that records what each observer is asked to watch (undo with vi.unstubAllGlobals). */
function recordObservedTargets(): Node[] {
  const observed: Node[] = [];
  const Real = globalThis.MutationObserver;
  vi.stubGlobal(
    'MutationObserver',
    class extends Real {
      observe(target: Node, options?: MutationObserverInit) {
        observed.push(target);
        super.observe(target, options);
      }
    },
  );
  return observed;
}

describe('watchMail', () => {
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

  function start(read = makeReader(), onChange = vi.fn()) {
    watchMail({ doc: document, win: window, watch: [{ read, onChange }], signal: ac.signal, roots: [['[role=main]']] });
    return { read, onChange };
  }

  /** a page that changes `count` times, every `everyMs` (a title attribute the reader ignores) */
  async function stream(main: HTMLElement, count: number, everyMs: number) {
    for (let i = 0; i < count; i++) {
      main.setAttribute('title', String(i));
      await vi.advanceTimersByTimeAsync(everyMs);
    }
  }

  it('reads once after settling and sends the first snapshot', async () => {
    setPage('Renewal');
    const { read, onChange } = start();
    await vi.advanceTimersByTimeAsync(199);
    expect(read).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(read).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange.mock.calls[0][0]).toMatchObject({ subject: 'Renewal' });
    expect(onChange.mock.calls[0][1]).toEqual([]);
  });

  it('coalesces a burst of mutations into one read, and never reads inside the mutation callback', async () => {
    const main = setPage('Renewal');
    const { read, onChange } = start();
    await vi.advanceTimersByTimeAsync(300);
    read.mockClear();
    onChange.mockClear();
    for (let i = 0; i < 8; i++) {
      main.append(document.createElement('span'));
      await vi.advanceTimersByTimeAsync(50);
      expect(read).not.toHaveBeenCalled();
    }
    main.querySelector('h2')!.textContent = 'Order 4411';
    await vi.advanceTimersByTimeAsync(199);
    expect(read).toHaveBeenCalledTimes(0);
    // read once the page has been quiet for a whole settle window (200-400 ms after the last change)
    await vi.advanceTimersByTimeAsync(201);
    expect(read).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(read).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange.mock.calls[0][0]).toMatchObject({ subject: 'Order 4411' });
  });

  it('does not resend an identical snapshot', async () => {
    const main = setPage('Renewal');
    const { read, onChange } = start();
    await vi.advanceTimersByTimeAsync(300);
    main.append(document.createElement('span'));
    await vi.advanceTimersByTimeAsync(300);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await vi.advanceTimersByTimeAsync(300);
    expect(read).toHaveBeenCalledTimes(3);
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('a steady stream of mutations still reads about every eight seconds', async () => {
    const main = setPage('Renewal');
    const { read } = start();
    await vi.advanceTimersByTimeAsync(300);
    read.mockClear();
    await stream(main, 200, 100);
    // 20 seconds of mutations every 100 ms: about two reads, not zero and not 200
    expect(read.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(read.mock.calls.length).toBeLessThanOrEqual(3);
  });

  it('checks a stream that outlasts a second once a second, not every 200 ms', async () => {
    const main = setPage('Renewal');
    const { read } = start();
    await vi.advanceTimersByTimeAsync(300);
    read.mockClear();
    const timers = vi.spyOn(globalThis, 'setTimeout');
    await stream(main, 80, 100);
    // 8 s of changes: five 200 ms windows, then seven of a second (and no more than that),
    // where windows of 200 ms all the way would have been forty
    expect(timers.mock.calls.length).toBeGreaterThanOrEqual(10);
    expect(timers.mock.calls.length).toBeLessThanOrEqual(14);
    timers.mockRestore();
  });

  it('in a stream that outlasts a second, hears the page once a window, not at every change', async () => {
    let callbacks = 0;
    const Real = globalThis.MutationObserver;
    vi.stubGlobal(
      'MutationObserver',
      class extends Real {
        constructor(cb: MutationCallback) {
          super((records, observer) => {
            callbacks++;
            cb(records, observer);
          });
        }
      },
    );
    try {
      const main = setPage('Renewal');
      const { read } = start();
      await vi.advanceTimersByTimeAsync(300);
      read.mockClear();
      await stream(main, 80, 100);
      // 80 changes in 8 s: the first second's ten are all heard, then about one a second
      expect(callbacks).toBeGreaterThanOrEqual(14);
      expect(callbacks).toBeLessThanOrEqual(20);
      // and the stream is still read at the maximum wait
      expect(read).toHaveBeenCalledTimes(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('reads within about a second of the end of a long burst, with the page then quiet', async () => {
    const main = setPage('Renewal');
    const { read, onChange } = start();
    await vi.advanceTimersByTimeAsync(300);
    read.mockClear();
    onChange.mockClear();
    await stream(main, 30, 100);
    main.querySelector('h2')!.textContent = 'Order 4411';
    // 3 s of changes, then quiet: not read at once, but within the steady window
    await vi.advanceTimersByTimeAsync(150);
    expect(read).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1900);
    expect(read).toHaveBeenCalledTimes(1);
    expect(onChange.mock.calls[0][0]).toMatchObject({ subject: 'Order 4411' });
  });

  it('reads a page that changes every 300 ms (someone typing) less and less often, not at every pause', async () => {
    const main = setPage('Renewal');
    const { read } = start();
    await vi.advanceTimersByTimeAsync(300);
    read.mockClear();
    await stream(main, 100, 300);
    // 30 s: never a quiet second, so a read at the maximum wait (8 s), then none for a gap
    // of 8 s, then 16 s, as they keep finding the same thread: two or three reads where one
    // after every pause would have been a hundred
    expect(read.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(read.mock.calls.length).toBeLessThanOrEqual(3);
  });

  /** 12 s of a change every 300 ms: the gap after reads that found the same thread is long */
  async function growGap(main: HTMLElement) {
    await stream(main, 40, 300);
  }

  it('reads at once after a pushState the Navigation API reports, even in a long gap', async () => {
    const navigation = new EventTarget();
    Object.defineProperty(window, 'navigation', { value: navigation, configurable: true });
    try {
      const main = setPage('Renewal');
      const { read, onChange } = start();
      await vi.advanceTimersByTimeAsync(300);
      await growGap(main);
      read.mockClear();
      onChange.mockClear();
      // a replaceState to the same address is no move
      navigation.dispatchEvent(new Event('currententrychange'));
      await vi.advanceTimersByTimeAsync(50);
      expect(read).not.toHaveBeenCalled();
      const before = location.href;
      history.pushState(null, '', '/mail/inbox/id/AAQk');
      navigation.dispatchEvent(new Event('currententrychange'));
      main.querySelector('h2')!.textContent = 'Order 4411';
      await vi.advanceTimersByTimeAsync(50);
      expect(read).toHaveBeenCalledTimes(1);
      expect(onChange.mock.calls[0][0]).toMatchObject({ subject: 'Order 4411' });
      history.pushState(null, '', before);
    } finally {
      delete (window as { navigation?: unknown }).navigation;
    }
  });

  it('without the Navigation API, a tick after a pushState reads at once, even while the page is busy', async () => {
    const main = setPage('Renewal');
    const { read, onChange } = start();
    await vi.advanceTimersByTimeAsync(300);
    await growGap(main);
    read.mockClear();
    onChange.mockClear();
    // the user clicks another message: the address changes by pushState, the view swaps
    const before = location.href;
    main.querySelector('h2')!.click();
    history.pushState(null, '', '/mail/inbox/id/AAQk');
    main.querySelector('h2')!.textContent = 'Order 4411';
    // a busy page is otherwise watched for a quiet second first; a navigation is not
    await vi.advanceTimersByTimeAsync(250);
    expect(read).toHaveBeenCalledTimes(1);
    expect(onChange.mock.calls[0][0]).toMatchObject({ subject: 'Order 4411' });
    history.pushState(null, '', before);
  });

  it('a click clears the gap: the change that follows is read as soon as it settles', async () => {
    const main = setPage('Renewal');
    const { read, onChange } = start();
    await vi.advanceTimersByTimeAsync(300);
    await growGap(main);
    // quiet; then a change that is only waited for, since reads keep finding the same thread
    await vi.advanceTimersByTimeAsync(9000);
    main.setAttribute('title', 'again');
    await vi.advanceTimersByTimeAsync(1000);
    read.mockClear();
    main.setAttribute('title', 'again and again');
    await vi.advanceTimersByTimeAsync(1000);
    expect(read).not.toHaveBeenCalled();
    onChange.mockClear();
    // Send is clicked, and the sent message shows in the thread
    document.body.click();
    main.querySelector('h2')!.textContent = 'Re: Renewal';
    await vi.advanceTimersByTimeAsync(450);
    expect(read).toHaveBeenCalledTimes(1);
    expect(onChange.mock.calls[0][0]).toMatchObject({ subject: 'Re: Renewal' });
  });

  it('a read that finds a new thread clears the gap: the next change is read after the usual settle', async () => {
    const main = setPage('Renewal');
    const { read, onChange } = start();
    await vi.advanceTimersByTimeAsync(300);
    await growGap(main);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    main.querySelector('h2')!.textContent = 'Order 4411';
    await vi.advanceTimersByTimeAsync(100);
    read.mockClear();
    onChange.mockClear();
    main.querySelector('h2')!.textContent = 'Order 4412';
    await vi.advanceTimersByTimeAsync(250);
    expect(read).toHaveBeenCalledTimes(1);
    expect(onChange.mock.calls[0][0]).toMatchObject({ subject: 'Order 4412' });
  });

  it('reads soon after a navigation even while the page keeps changing', async () => {
    const main = setPage('Renewal');
    const { read } = start();
    await vi.advanceTimersByTimeAsync(300);
    read.mockClear();
    await stream(main, 10, 20);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    for (let i = 0; i < 3; i++) {
      main.setAttribute('title', `n${i}`);
      await vi.advanceTimersByTimeAsync(20);
    }
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('reads nothing while the tab is in the background, and reads when it is shown', async () => {
    const main = setPage('Renewal');
    const { read } = start();
    await vi.advanceTimersByTimeAsync(300);
    read.mockClear();
    let state: DocumentVisibilityState = 'hidden';
    const spy = vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => state);
    main.setAttribute('title', 'changed');
    await vi.advanceTimersByTimeAsync(5000);
    expect(read).not.toHaveBeenCalled();
    state = 'visible';
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(100);
    expect(read).toHaveBeenCalledTimes(1);
    spy.mockRestore();
  });

  it('sends a changed thread after navigation events', async () => {
    const main = setPage('Renewal');
    const { onChange } = start();
    await vi.advanceTimersByTimeAsync(300);
    const observerless = document.createElement('h2');
    observerless.textContent = 'Invoice 2291';
    // a change the observer cannot see (outside the root), announced by popstate
    main.querySelector('h2')!.remove();
    await vi.advanceTimersByTimeAsync(300);
    main.append(observerless);
    window.dispatchEvent(new PopStateEvent('popstate'));
    await vi.advanceTimersByTimeAsync(300);
    expect(onChange.mock.calls.map((c) => c[0]?.subject ?? null)).toEqual(['Renewal', null, 'Invoice 2291']);
    expect(onChange.mock.calls[1][1]).toEqual(['test.subject: no match']);
  });

  it('finds a replaced root again without observing the body', async () => {
    setPage('Renewal');
    const { onChange } = start();
    await vi.advanceTimersByTimeAsync(300);
    // the app swaps its whole view: the observed root is gone
    const fresh = setPage('Quote for Q3');
    // the slow check (every 5 s) finds it, with no event or click to say so
    await vi.advanceTimersByTimeAsync(5300);
    expect(onChange.mock.calls.map((c) => c[0]?.subject)).toEqual(['Renewal', 'Quote for Q3']);
    // and the new root is observed
    fresh.querySelector('h2')!.textContent = 'Quote for Q4';
    await vi.advanceTimersByTimeAsync(300);
    expect(onChange.mock.calls.map((c) => c[0]?.subject)).toEqual(['Renewal', 'Quote for Q3', 'Quote for Q4']);
  });

  it('moves to the visible root when the observed one is hidden', async () => {
    const first = setPage('Old thread');
    const second = document.createElement('div');
    second.setAttribute('role', 'main');
    second.hidden = true;
    const h = document.createElement('h2');
    h.textContent = 'New thread';
    second.append(h);
    document.body.append(second);
    const { onChange } = start();
    await vi.advanceTimersByTimeAsync(300);
    first.hidden = true;
    second.hidden = false;
    await vi.advanceTimersByTimeAsync(5300);
    expect(onChange.mock.calls.map((c) => c[0]?.subject)).toEqual(['Old thread', 'New thread']);
    second.querySelector('h2')!.textContent = 'New thread, edited';
    await vi.advanceTimersByTimeAsync(300);
    expect(onChange.mock.calls.at(-1)?.[0]?.subject).toBe('New thread, edited');
  });

  it('starts without a root and picks it up when it appears', async () => {
    document.body.replaceChildren();
    const { onChange } = start();
    await vi.advanceTimersByTimeAsync(300);
    expect(onChange.mock.calls.map((c) => c[0])).toEqual([null]);
    setPage('Late');
    // while there is no root it is looked for every second
    await vi.advanceTimersByTimeAsync(1300);
    expect(onChange.mock.calls.map((c) => c[0]?.subject ?? null)).toEqual([null, 'Late']);
  });

  it('stops everything when the signal aborts', async () => {
    const main = setPage('Renewal');
    const { read, onChange } = start();
    main.append(document.createElement('span'));
    ac.abort();
    main.querySelector('h2')!.textContent = 'Changed';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(read).not.toHaveBeenCalled();
    expect(onChange).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('does nothing when the signal is already aborted', async () => {
    setPage('Renewal');
    ac.abort();
    const { read } = start();
    await vi.advanceTimersByTimeAsync(5000);
    expect(read).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('never throws: a failing reader or onChange is contained, and a failed send is retried', async () => {
    setPage('Renewal');
    const read = makeReader();
    read.mockImplementationOnce(() => {
      throw new Error('boom');
    });
    const onChange = vi
      .fn()
      .mockImplementationOnce(() => {
        throw new Error('send failed');
      })
      .mockImplementationOnce(() => Promise.reject(new Error('no receiver')))
      .mockImplementation(() => Promise.resolve());
    start(read, onChange);
    // each read comes after a navigation, which no gap holds back
    const next = async () => {
      window.dispatchEvent(new HashChangeEvent('hashchange'));
      await vi.advanceTimersByTimeAsync(100);
    };
    await vi.advanceTimersByTimeAsync(300); // the reader throws: nothing sent
    expect(onChange).toHaveBeenCalledTimes(0);
    await next(); // onChange throws
    await next(); // onChange rejects: the same snapshot again, since it never arrived
    await next(); // and again, delivered this time
    await next(); // delivered before: not resent
    expect(read).toHaveBeenCalledTimes(5);
    expect(onChange).toHaveBeenCalledTimes(3);
    expect(onChange.mock.calls.every((c) => c[0]?.subject === 'Renewal')).toBe(true);
  });

  it('a value passed again after a failed send is no news: reads that find only that still space out', async () => {
    const main = setPage('Renewal');
    const read = makeReader();
    const onChange = vi.fn(() => Promise.reject(new Error('refused')));
    start(read, onChange);
    await vi.advanceTimersByTimeAsync(300);
    read.mockClear();
    await stream(main, 100, 300);
    // as for a page whose reads find the same thread (two or three reads in 30 s), each
    // read passing the refused snapshot again
    expect(read.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(read.mock.calls.length).toBeLessThanOrEqual(3);
    expect(onChange).toHaveBeenCalledTimes(1 + read.mock.calls.length);
  });
});

/** a page as Outlook lays it out: the message list beside the reading pane, in an app container */
function setSplitPage(subject: string, rows: string[]) {
  document.body.replaceChildren();
  const app = document.createElement('div');
  app.id = 'app';
  const list = document.createElement('div');
  list.id = 'MailList';
  for (const r of rows) list.append(Object.assign(document.createElement('p'), { textContent: r }));
  const pane = document.createElement('div');
  pane.setAttribute('role', 'main');
  pane.append(Object.assign(document.createElement('h2'), { textContent: subject }));
  app.append(list, pane);
  document.body.append(app);
  return { app, list, pane };
}

describe('watchMail with a thread and a list', () => {
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

  function start(roots: string[][] = [['[role=main]'], ['#MailList']], part?: string[]) {
    const thread = {
      read: vi.fn((doc: Document) => doc.querySelector('[role=main] h2')?.textContent ?? null),
      onChange: vi.fn(),
    };
    const list = {
      read: vi.fn((doc: Document, diagnostics: string[]) => {
        diagnostics.push('list: 1');
        return [...doc.querySelectorAll('#MailList p')].map((p) => p.textContent);
      }),
      onChange: vi.fn(),
      part,
    };
    watchMail({ doc: document, win: window, watch: [thread, list], signal: ac.signal, roots });
    return { thread, list };
  }

  it('reads both at each read and passes each on only when it changed, on its own', async () => {
    const { list: listEl, pane } = setSplitPage('Renewal', ['Dana', 'Lee']);
    const { thread, list } = start();
    await vi.advanceTimersByTimeAsync(300);
    expect(thread.onChange.mock.calls).toEqual([['Renewal', []]]);
    expect(list.onChange.mock.calls).toEqual([[['Dana', 'Lee'], ['list: 1']]]);
    // a new row: the list is passed on, the thread is not
    listEl.append(Object.assign(document.createElement('p'), { textContent: 'Grace' }));
    await vi.advanceTimersByTimeAsync(300);
    expect(thread.read).toHaveBeenCalledTimes(2);
    expect(thread.onChange).toHaveBeenCalledTimes(1);
    expect(list.onChange.mock.calls.at(-1)).toEqual([['Dana', 'Lee', 'Grace'], ['list: 1']]);
    // another thread: the thread is passed on, the list is not
    pane.querySelector('h2')!.textContent = 'Order 4411';
    await vi.advanceTimersByTimeAsync(300);
    expect(thread.onChange.mock.calls.at(-1)).toEqual(['Order 4411', []]);
    expect(thread.onChange).toHaveBeenCalledTimes(2);
    expect(list.onChange).toHaveBeenCalledTimes(2);
  });

  it('a failed send of one is passed again at the next read, without resending the other', async () => {
    const { pane } = setSplitPage('Renewal', ['Dana']);
    const { thread, list } = start();
    list.onChange.mockImplementationOnce(() => Promise.reject(new Error('refused')));
    await vi.advanceTimersByTimeAsync(300);
    pane.setAttribute('title', 'changed');
    await vi.advanceTimersByTimeAsync(300);
    expect(thread.read).toHaveBeenCalledTimes(2);
    expect(thread.onChange).toHaveBeenCalledTimes(1);
    expect(list.onChange.mock.calls).toEqual([
      [['Dana'], ['list: 1']],
      [['Dana'], ['list: 1']],
    ]);
    // delivered now: not passed again
    pane.setAttribute('title', 'changed again');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await vi.advanceTimersByTimeAsync(300);
    expect(thread.read).toHaveBeenCalledTimes(3);
    expect(list.onChange).toHaveBeenCalledTimes(2);
  });

  it('observes the smallest element holding the list and the reading pane: a change in either is read', async () => {
    const observed = recordObservedTargets();
    try {
      const { app, list: listEl, pane } = setSplitPage('Renewal', ['Dana']);
      // something else of the page, outside the app container
      const banner = document.body.appendChild(document.createElement('aside'));
      const { thread, list } = start();
      await vi.advanceTimersByTimeAsync(300);
      expect(new Set(observed)).toEqual(new Set([app]));
      listEl.append(Object.assign(document.createElement('p'), { textContent: 'Lee' }));
      await vi.advanceTimersByTimeAsync(300);
      expect(list.onChange.mock.calls.at(-1)?.[0]).toEqual(['Dana', 'Lee']);
      pane.querySelector('h2')!.textContent = 'Order 4411';
      await vi.advanceTimersByTimeAsync(300);
      expect(thread.onChange.mock.calls.at(-1)?.[0]).toBe('Order 4411');
      // a change outside it is not heard
      const reads = thread.read.mock.calls.length;
      banner.textContent = 'new';
      await vi.advanceTimersByTimeAsync(1000);
      expect(thread.read).toHaveBeenCalledTimes(reads);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('without the list, watches the reading pane alone and takes the container once the list appears', async () => {
    const { app, list: listEl, pane } = setSplitPage('Renewal', ['Dana']);
    listEl.remove();
    const { list } = start();
    await vi.advanceTimersByTimeAsync(300);
    expect(list.onChange.mock.calls).toEqual([[[], ['list: 1']]]);
    app.prepend(listEl);
    // the slow check looks again (every 5 s) while a part is missing, and reads the new root
    await vi.advanceTimersByTimeAsync(5300);
    expect(list.onChange.mock.calls.at(-1)?.[0]).toEqual(['Dana']);
    // and the container is observed now: a new row is heard
    listEl.append(Object.assign(document.createElement('p'), { textContent: 'Lee' }));
    await vi.advanceTimersByTimeAsync(300);
    expect(list.onChange.mock.calls.at(-1)?.[0]).toEqual(['Dana', 'Lee']);
    expect(pane.isConnected).toBe(true);
  });

  it('never observes the body: parts that meet only there are not watched together', async () => {
    const observed = recordObservedTargets();
    try {
      const { list: listEl, pane } = setSplitPage('Renewal', ['Dana']);
      document.body.append(listEl);
      start();
      await vi.advanceTimersByTimeAsync(300);
      expect(observed).not.toContain(document.body);
      expect(observed).not.toContain(document.documentElement);
      expect(observed.at(-1)).toBe(pane);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  describe('a value with a part (the rows it is read from)', () => {
    const rows = ['#MailList p'];

    it('is not read again while its rows are unchanged, however much the page changes beside them', async () => {
      const { pane } = setSplitPage('Renewal', ['Dana', 'Lee']);
      const { thread, list } = start(undefined, rows);
      await vi.advanceTimersByTimeAsync(300);
      expect(list.read).toHaveBeenCalledTimes(1);
      // the thread changes, then keeps changing: read each time, the list never again
      pane.querySelector('h2')!.textContent = 'Order 4411';
      await vi.advanceTimersByTimeAsync(300);
      for (let i = 0; i < 200; i++) {
        pane.setAttribute('title', String(i));
        await vi.advanceTimersByTimeAsync(100);
      }
      window.dispatchEvent(new HashChangeEvent('hashchange'));
      await vi.advanceTimersByTimeAsync(100);
      expect(thread.read.mock.calls.length).toBeGreaterThanOrEqual(4);
      expect(list.read).toHaveBeenCalledTimes(1);
      expect(thread.onChange.mock.calls.map((c) => c[0])).toEqual(['Renewal', 'Order 4411']);
      expect(list.onChange).toHaveBeenCalledTimes(1);
    });

    it('is read again once anything changes among its rows, a class too, at the next read', async () => {
      const { list: listEl } = setSplitPage('Renewal', ['Dana', 'Lee']);
      const { list } = start(undefined, rows);
      await vi.advanceTimersByTimeAsync(300);
      // a class is not heard by the root's observer (it flickers on hover), so nothing is
      // read for it alone; the next read (here a navigation) reads the list again
      listEl.querySelector('p')!.className = 'read';
      await vi.advanceTimersByTimeAsync(1000);
      expect(list.read).toHaveBeenCalledTimes(1);
      window.dispatchEvent(new HashChangeEvent('hashchange'));
      await vi.advanceTimersByTimeAsync(100);
      expect(list.read).toHaveBeenCalledTimes(2);
      // a new row is heard, and read
      listEl.append(Object.assign(document.createElement('p'), { textContent: 'Grace' }));
      await vi.advanceTimersByTimeAsync(2300);
      expect(list.read).toHaveBeenCalledTimes(3);
      expect(list.onChange.mock.calls.at(-1)?.[0]).toEqual(['Dana', 'Lee', 'Grace']);
    });

    it('is read again when its rows are elsewhere: another list in their place, or a row outside the old ones', async () => {
      const { app, list: listEl } = setSplitPage('Renewal', ['Dana']);
      const { list } = start(undefined, rows);
      await vi.advanceTimersByTimeAsync(300);
      // the app swaps the whole list for another (the old one is not changed, only dropped)
      const other = document.createElement('div');
      other.id = 'MailList';
      other.append(Object.assign(document.createElement('p'), { textContent: 'Priya' }));
      listEl.replaceWith(other);
      await vi.advanceTimersByTimeAsync(300);
      expect(list.onChange.mock.calls.at(-1)?.[0]).toEqual(['Priya']);
      // a second list appears beside it: the rows are now held by the app container
      const second = document.createElement('section');
      second.innerHTML = '<div id="MailList"><p>Marco</p></div>';
      app.append(second);
      await vi.advanceTimersByTimeAsync(2300);
      expect(list.onChange.mock.calls.at(-1)?.[0]).toEqual(['Priya', 'Marco']);
    });

    it('is sent again after a failed send though its rows are unchanged', async () => {
      const { pane } = setSplitPage('Renewal', ['Dana']);
      const { list } = start(undefined, rows);
      list.onChange.mockImplementationOnce(() => Promise.reject(new Error('refused')));
      await vi.advanceTimersByTimeAsync(300);
      pane.setAttribute('title', 'changed');
      await vi.advanceTimersByTimeAsync(300);
      expect(list.onChange).toHaveBeenCalledTimes(2);
      pane.setAttribute('title', 'changed again');
      window.dispatchEvent(new HashChangeEvent('hashchange'));
      await vi.advanceTimersByTimeAsync(100);
      expect(list.read).toHaveBeenCalledTimes(2);
      expect(list.onChange).toHaveBeenCalledTimes(2);
    });

    it('without rows, is read at every read', async () => {
      const { pane } = setSplitPage('Renewal', []);
      const { list } = start(undefined, rows);
      await vi.advanceTimersByTimeAsync(300);
      pane.setAttribute('title', 'changed');
      await vi.advanceTimersByTimeAsync(300);
      expect(list.read).toHaveBeenCalledTimes(2);
    });

    it('stops hearing its rows when the signal aborts', async () => {
      const { list: listEl } = setSplitPage('Renewal', ['Dana']);
      let observing = 0;
      const Real = globalThis.MutationObserver;
      vi.stubGlobal(
        'MutationObserver',
        class extends Real {
          observe(target: Node, options?: MutationObserverInit) {
            observing++;
            super.observe(target, options);
          }
          disconnect() {
            observing = 0;
            super.disconnect();
          }
        },
      );
      try {
        start(undefined, rows);
        await vi.advanceTimersByTimeAsync(300);
        expect(observing).toBeGreaterThan(0);
        ac.abort();
        expect(observing).toBe(0);
        listEl.append(document.createElement('p'));
        await vi.advanceTimersByTimeAsync(10_000);
        expect(vi.getTimerCount()).toBe(0);
      } finally {
        vi.unstubAllGlobals();
      }
    });
  });
});
