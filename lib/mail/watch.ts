/**
 * Watching a mail page for the thread on screen to change, cheaply.
 *
 * Gmail and Outlook are single-page apps: a move to another thread fires `hashchange` or
 * `popstate` most of the time, but views also swap without either. So the watcher listens to
 * both events and also observes the mail root (the first visible match of `rootSelectors`,
 * e.g. `[role=main]` or the reading pane; never `document.body`) with a MutationObserver.
 *
 * The mutation callback does no reading at all: it counts the mutation and arms a settle
 * timer when none is armed. When the timer fires and the page changed meanwhile, it waits
 * one more window (200 ms), up to a maximum wait (8 s): a burst gives one
 * read after it settles, a steady stream at most one read every eight seconds. A view swap
 * settles within a second, so a page still changing after a second is a steady stream (a
 * clock, a chat list) and is checked once a second: each window is a timer task in the
 * page, and 200 ms windows for eight seconds were most of the watcher's cost.
 *
 * A page that changes in short bursts with pauses (someone typing a reply) would be read at
 * every pause. So a read that finds the same thread as the last one makes the next read
 * that mutations alone call for wait a gap after it: 1 s, doubling up to the maximum wait.
 * A read that finds something new or a new root clears the gap. A navigation (hashchange,
 * popstate, the tab being shown, or a pushState to another address, which is how Outlook
 * moves between threads and which only the Navigation API reports) skips both waits and
 * reads after 30 ms: that is the user opening a thread. Without that API, a tick that finds
 * the address changed counts as a navigation. Measured in BENCHMARKS.md.
 *
 * While the tab is in the background nothing is read. When the root element is replaced,
 * hidden or missing, it is found again lazily, on every tick and by a slow interval (every
 * 2 s), never by observing the body. A snapshot is passed to `onChange` only when its
 * serialized form differs from the last one passed. Everything runs inside try/catch
 * (nothing is ever thrown into the page), and all listeners, timers and the observer stop
 * when `signal` aborts.
 */
import { isHidden } from './dom';
import type { ThreadSnapshot } from './types';

export interface WatchThreadOptions {
  doc: Document;
  win: Window;
  read: (doc: Document) => { snapshot: ThreadSnapshot | null; diagnostics: string[] };
  /** may return a promise: when it rejects, the same snapshot is passed again at the next read */
  onChange: (snapshot: ThreadSnapshot | null, diagnostics: string[]) => void | Promise<unknown>;
  signal: AbortSignal;
  /** where to find the mail root, first visible match wins */
  rootSelectors: string[];
}

/** quiet time before a read */
const SETTLE_MS = 200;
/** the longest a read waits while mutations keep coming */
const MAX_WAIT_MS = 8000;
/** how often to check that the root is still the one on screen */
const ROOT_CHECK_MS = 2000;
/** quiet time after hashchange/popstate before a read */
const NAVIGATION_SETTLE_MS = 30;
/** a burst still going after this long is a steady stream, checked with the longer window */
const STEADY_AFTER_MS = 1000;
const STEADY_SETTLE_MS = 1000;
/** the first wait after a read that found nothing new; it doubles up to the maximum wait */
const GAP_MS = 1000;

/** attributes whose change can change what the readers see (no `class`: it flickers on hover) */
const ATTRIBUTES = ['style', 'hidden', 'aria-expanded', 'aria-selected', 'title', 'email'];

export function watchThread(opts: WatchThreadOptions): void {
  try {
    start(opts);
  } catch {
    /* never throw into the page */
  }
}

function start(opts: WatchThreadOptions): void {
  const { doc, win, signal } = opts;
  if (signal.aborted) return;

  let root: Element | null | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let burstStart: number | undefined;
  /** the serialized snapshot last passed to onChange; undefined before the first */
  let lastSent: string | undefined;
  /** mutations seen, and the count when the settle window was last armed */
  let mutations = 0;
  let counted = 0;
  /** a navigation is pending: its read does not wait for the page to go quiet */
  let navigated = false;
  /** when the last read ran, the address it ran at, and how long the next read triggered
   * by mutations alone must wait after it (0 while reads keep finding something new) */
  let lastReadAt = 0;
  let href = win.location.href;
  let gap = 0;
  // the only work per mutation: count it, and arm the settle window when none is armed.
  // Re-arming a timer on every mutation cost more than the reads themselves, and reading
  // `location.href` on every mutation (in a content script's world) cost twice as much
  // again (BENCHMARKS.md).
  const observer = new MutationObserver(() => {
    mutations++;
    if (timer === undefined) schedule();
  });

  /** finds the root again when it is gone or hidden; true when it changed */
  function ensureRoot(): boolean {
    // the cheap check (inline styles and `hidden` up the ancestors, no checkVisibility):
    // it runs every 2 s and must not force a layout on a page that keeps changing
    if (root?.isConnected && !isHidden(root, null, false)) return false;
    let next: Element | undefined;
    for (const sel of opts.rootSelectors) next ??= [...doc.querySelectorAll(sel)].find((el) => !isHidden(el));
    if (next === root) return false;
    observer.disconnect();
    root = next;
    if (root) observer.observe(root, { subtree: true, childList: true, characterData: true, attributeFilter: ATTRIBUTES });
    return true;
  }

  function schedule(settle = SETTLE_MS): void {
    if (signal.aborted) return;
    const now = Date.now();
    burstStart ??= now;
    clearTimeout(timer);
    counted = mutations;
    timer = setTimeout(tick, Math.max(0, Math.min(settle, burstStart + MAX_WAIT_MS - now)));
  }

  function tick(): void {
    timer = undefined;
    if (signal.aborted) return;
    const now = Date.now();
    // another address is another thread, even when no event said so
    if (win.location.href !== href) navigated = true;
    if (!navigated && burstStart !== undefined) {
      // the page changed during the window: wait for a quiet one, up to the maximum wait
      if (mutations !== counted && now - burstStart < MAX_WAIT_MS) {
        schedule(now - burstStart < STEADY_AFTER_MS ? SETTLE_MS : STEADY_SETTLE_MS);
        return;
      }
      // quiet now, but the last read found the same thread: not again before the gap
      // (lastReadAt + gap never passes burstStart + MAX_WAIT_MS, so this cannot spin)
      if (now < lastReadAt + gap) {
        schedule(lastReadAt + gap - now);
        return;
      }
    }
    burstStart = undefined;
    navigated = false;
    href = win.location.href;
    // a tab in the background: read when it is shown again (visibilitychange)
    if (doc.visibilityState === 'hidden') return;
    try {
      ensureRoot();
      const { snapshot, diagnostics } = opts.read(doc);
      lastReadAt = Date.now();
      const key = JSON.stringify(snapshot);
      if (key === lastSent) {
        gap = Math.min(Math.max(2 * gap, GAP_MS), MAX_WAIT_MS);
        return;
      }
      gap = 0;
      lastSent = key;
      const forget = () => {
        if (lastSent === key) lastSent = undefined;
      };
      try {
        Promise.resolve(opts.onChange(snapshot, diagnostics)).catch(forget);
      } catch {
        forget();
      }
    } catch {
      /* a failed read: try again at the next change */
    }
  }

  // a navigation is the user opening a thread: read soon (the view has usually swapped
  // already), then the mutations that follow re-arm the normal settle for a second look
  const onNavigate = () => {
    // read then even if the page keeps changing: the user is waiting for this thread
    navigated = true;
    schedule(NAVIGATION_SETTLE_MS);
  };
  // the listeners go with `signal` (the option removes them when it aborts)
  win.addEventListener('hashchange', onNavigate, { signal });
  win.addEventListener('popstate', onNavigate, { signal });
  // a pushState (how Outlook moves between threads) fires neither; the Navigation API, where
  // there is one, says so, and a replaceState to the same address is no move at all
  (win as Window & { navigation?: EventTarget }).navigation?.addEventListener(
    'currententrychange',
    () => {
      if (win.location.href !== href) onNavigate();
    },
    { signal },
  );
  const onVisible = () => {
    if (doc.visibilityState === 'visible') onNavigate();
  };
  doc.addEventListener('visibilitychange', onVisible, { signal });
  const interval = setInterval(() => {
    try {
      // another root is likely another view: read it as soon as it settles
      if (ensureRoot()) {
        gap = 0;
        schedule();
      }
    } catch {
      /* next time */
    }
  }, ROOT_CHECK_MS);

  signal.addEventListener('abort', () => {
    clearTimeout(timer);
    clearInterval(interval);
    observer.disconnect();
  });

  ensureRoot();
  schedule();
}
