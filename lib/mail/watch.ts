/**
 * Watching a mail page for what it shows (the open thread, the message list) to change, cheaply.
 *
 * Gmail and Outlook are single-page apps: a move to another thread fires `hashchange` or
 * `popstate` most of the time, but views also swap without either. So the watcher listens to
 * both events and also observes the mail root with a MutationObserver: the smallest element
 * holding the first visible match of each chain of `roots` (Gmail: `[role=main]`, which holds
 * both the list and the thread; Outlook: the reading pane and the message list, which sit
 * side by side), never `document.body`.
 *
 * The mutation callback does no reading at all: it counts the mutation and arms a settle
 * timer when none is armed. When the timer fires and the page changed meanwhile, it waits
 * one more window (200 ms), up to a maximum wait (8 s): a burst gives one read after it
 * settles. A view swap settles within a second, so a page still changing after a second is
 * a steady stream (a clock, a chat list): it is watched in one-second windows, and the
 * observer disconnects at its first callback in each, since every callback and every timer
 * is a call into this script's world (~15 µs and ~100 µs, traced).
 *
 * Reads are the expensive part (1-3 ms for a long thread, as much again for a list of 100
 * rows), so a value that says where it is read from (`part`: the list's rows) is read again
 * only when that part of the page changed since its last read: a page busy beside the list
 * (a clock, the open thread) costs no list reads. A read that finds nothing new (every value
 * the same as the last one passed) makes the next read that mutations alone call for wait a
 * gap after it: 2 s, doubling, or 8 s after a stream of over a second; up to 30 s. A read
 * that finds something new, a new root or a click (Send, another message) clears the gap. A
 * navigation (hashchange, popstate, the tab being shown, or a pushState to another address,
 * which is how Outlook moves between threads and which only the Navigation API reports)
 * skips every wait and reads after 30 ms: that is the user opening a thread. Without that
 * API, a tick that finds the address changed counts as a navigation. Measured in
 * BENCHMARKS.md.
 *
 * A tab in the background is neither watched nor read until it is shown. When the root
 * element is replaced, hidden or missing, or one of its chains found nothing, it is found
 * again at every read and by a slow check (every 5 s, every second while there is none),
 * never by observing the body; a root that would be the body or above is not taken (the first
 * part found is observed alone). Each read reads every value of `watch`, and each value is
 * passed to its own `onChange` only when its serialized form differs from the last one passed
 * to it: a new list does not resend the thread, nor a new thread the list. A value whose
 * `onChange` threw or rejected is passed again at the next read (which, finding nothing new,
 * still widens the gap). Everything runs inside try/catch (nothing is ever thrown into the
 * page), and all listeners, timers and observers stop when `signal` aborts.
 */
import { holding, isHidden, joined, type Chain } from './dom';

/** one thing read from the page and passed on when it changes */
export interface Watched<T = unknown> {
  /** reads the value, pushing the names of failed lookups to `diagnostics` */
  read: (doc: Document, diagnostics: string[]) => T;
  /** may return a promise: when it rejects, the same value is passed again at the next read */
  onChange: (value: T, diagnostics: string[]) => void | Promise<unknown>;
  /**
   * The elements the value is read from, when known (the rows of a message list, by a chain
   * whose every selector counts): a read then reads it again only when the smallest element
   * holding them all is another one than at its last read, or changed inside since
   * (anything, classes too, heard by an observer that disconnects at its first callback),
   * or its last value was not delivered; else its last value stands. No element (no rows):
   * read every time.
   */
  part?: Chain;
}

export interface WatchOptions {
  doc: Document;
  win: Window;
  /** read together at each read, each passed on by itself */
  watch: Watched<any>[];
  signal: AbortSignal;
  /** the root is the smallest element holding the first visible match of each chain */
  roots: readonly Chain[];
}

/** quiet time before a read */
const SETTLE_MS = 200;
/** the longest a read waits while mutations keep coming */
const MAX_WAIT_MS = 8000;
/** how often to check that the root is still the one on screen, and to look for one while
 * there is none (each check is a task in the page: ~0.1 ms) */
const ROOT_CHECK_MS = 5000;
const ROOT_SEARCH_MS = 1000;
/** quiet time after a navigation before a read */
const NAVIGATION_SETTLE_MS = 30;
/** a run of changes still going after this long is a steady stream, watched in windows this long */
const STEADY_AFTER_MS = 1000;
const STEADY_SETTLE_MS = 1000;
/** the first wait after a read that found nothing new; it doubles up to GAP_MAX_MS */
const GAP_MS = 2000;
const GAP_MAX_MS = 30_000;

/** attributes whose change can change what the readers see (no `class`: it flickers on hover) */
const ATTRIBUTES = ['style', 'hidden', 'aria-expanded', 'aria-selected', 'title', 'email'];
/** what an observer of a value's part hears: everything, classes too (a row turning read) */
const EVERYTHING = { subtree: true, childList: true, characterData: true, attributes: true };

export function watchMail(opts: WatchOptions): void {
  try {
    start(opts);
  } catch {
    /* never throw into the page */
  }
}

function start(opts: WatchOptions): void {
  const { doc, win, signal } = opts;
  if (signal.aborted) return;

  let root: Element | undefined;
  /** every chain of `roots` had a match inside `root` when it was found */
  let whole = false;
  /** the one armed timer */
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** the observer is connected to `root` */
  let listening = false;
  /** a steady stream: the observer disconnects at its first callback of each window */
  let deaf = false;
  /** when the current run of changes began; undefined when the last read came after it */
  let busySince: number | undefined;
  /** per watched value: the serialized value last passed to its onChange, and whether that
   * one failed (then it is passed again at the next read) */
  const sent: (string | undefined)[] = [];
  const lost: boolean[] = [];
  /** per watched value with a `part`: the element holding it at its last read, an observer
   * of that element that flags the first change inside it and disconnects, and the flag */
  const parts: (Element | null)[] = [];
  const partObservers: MutationObserver[] = [];
  const moved: boolean[] = [];
  /** mutation callbacks seen, and the count when the timer was last armed */
  let mutations = 0;
  let counted = 0;
  /** a navigation is pending: its read does not wait for the page to go quiet */
  let navigated = false;
  /** when the last read ran, the address it ran at, and how long the next read that
   * mutations alone call for must wait after it (0 while reads keep finding something new) */
  let lastReadAt = 0;
  let href = win.location.href;
  let gap = 0;
  const navigation = (win as Window & { navigation?: EventTarget }).navigation;
  // The only work per mutation: count it, and arm a window when none is armed. In a steady
  // stream the observer also disconnects until its window ends: each callback is a call
  // into this script's world (~15 µs), twenty a second for a page that changes every 50 ms.
  const observer = new MutationObserver(() => {
    mutations++;
    busySince ??= Date.now();
    if (deaf) unlisten();
    if (timer === undefined) arm(SETTLE_MS);
  });

  function unlisten(): void {
    observer.disconnect();
    listening = false;
  }

  function listen(): void {
    if (listening || !root) return;
    observer.observe(root, { ...EVERYTHING, attributeFilter: ATTRIBUTES });
    listening = true;
  }

  /** finds the root again when it is gone, hidden or not whole; true when it changed */
  function ensureRoot(): boolean {
    // the cheap check (inline styles and `hidden` up the ancestors, no checkVisibility):
    // it runs every few seconds and must not force a layout on a page that keeps changing
    if (whole && root?.isConnected && !isHidden(root, null, false)) return false;
    const found: Element[] = [];
    for (const chain of opts.roots) {
      let part: Element | undefined;
      for (const sel of chain) part ??= [...doc.querySelectorAll(sel)].find((el) => !isHidden(el));
      if (part) found.push(part);
    }
    // the smallest element holding every part, never the body or above (the first part then)
    let next = holding(found);
    whole = found.length === opts.roots.length && next !== doc.body;
    if (!whole) next = found[0];
    if (next === root) return false;
    unlisten();
    root = next ?? undefined;
    listen();
    return true;
  }

  function arm(ms: number): void {
    if (signal.aborted) return;
    clearTimeout(timer);
    counted = mutations;
    timer = setTimeout(tick, ms);
  }

  function tick(): void {
    timer = undefined;
    if (signal.aborted) return;
    const now = Date.now();
    // another address is another thread, even when no event said so; where the Navigation
    // API reports every move this is left out (reading location.href costs ~25 µs here)
    if (!navigation && win.location.href !== href) navigated = true;
    // not listening (a deaf window): the page may well have changed, so it counts as busy
    const busy = mutations !== counted || !listening;
    if (!navigated && busySince !== undefined) {
      const busyFor = now - busySince;
      if (busy && busyFor >= STEADY_AFTER_MS) deaf = true;
      listen();
      // the last read found nothing new: no read before the gap is over
      if (now < lastReadAt + gap) {
        arm(lastReadAt + gap - now);
        return;
      }
      // the page changed during the window: wait for a quiet one, up to the maximum wait
      if (busy && busyFor < MAX_WAIT_MS) {
        arm(Math.min(deaf ? STEADY_SETTLE_MS : SETTLE_MS, MAX_WAIT_MS - busyFor));
        return;
      }
    }
    // a read after a stream of over a second: streams go on, so the next reads that find
    // nothing new are spaced 8 s or more; a quiet page is listened to again at every change
    const steady = deaf && !navigated;
    if (!busy) deaf = false;
    busySince = undefined;
    navigated = false;
    href = win.location.href;
    // a tab in the background is not watched at all: it is read when it is shown again
    if (doc.visibilityState === 'hidden') return unlisten();
    try {
      ensureRoot();
      listen();
      let fresh = false;
      opts.watch.forEach((w, i) => {
        try {
          // (the first and the last in document order: whatever holds both holds those between)
          const rows = w.part && doc.querySelectorAll(joined(w.part));
          const part = rows ? holding([rows[0], rows[rows.length - 1]]) : null;
          // its part of the page is the one read last time, unchanged since: nothing new
          if (part && part === parts[i] && !moved[i] && !lost[i]) return;
          const diagnostics: string[] = [];
          const value = w.read(doc, diagnostics);
          const o = (partObservers[i] ??= new MutationObserver(() => {
            moved[i] = true;
            o.disconnect();
          }));
          parts[i] = part;
          moved[i] = false;
          o.disconnect();
          if (part) o.observe(part, EVERYTHING);
          const key = JSON.stringify(value);
          if (key === sent[i] && !lost[i]) return;
          fresh ||= key !== sent[i];
          sent[i] = key;
          lost[i] = false;
          // a value whose onChange failed (thrown or rejected) is passed again at the next read
          (async () => w.onChange(value, diagnostics))().catch(() => {
            if (sent[i] === key) lost[i] = true;
          });
        } catch {
          /* a failed read: read again at the next change */
        }
      });
      lastReadAt = Date.now();
      gap = fresh ? 0 : Math.min(Math.max(2 * gap, steady ? MAX_WAIT_MS : GAP_MS), GAP_MAX_MS);
    } catch {
      /* no root to be had: try again at the next change */
    }
  }

  // a navigation is the user opening a thread: read soon (the view has usually swapped
  // already), even if the page keeps changing; the changes that follow get a second look
  const onNavigate = () => {
    navigated = true;
    arm(NAVIGATION_SETTLE_MS);
  };
  // the listeners go with `signal` (the option removes them when it aborts)
  win.addEventListener('hashchange', onNavigate, { signal });
  win.addEventListener('popstate', onNavigate, { signal });
  // a pushState (how Outlook moves between threads) fires neither; the Navigation API, where
  // there is one, says so, and a replaceState to the same address is no move at all
  navigation?.addEventListener(
    'currententrychange',
    () => {
      if (win.location.href !== href) onNavigate();
    },
    { signal },
  );
  // a click (Send, another thread, an expanded message) is the user changing the thread:
  // the changes that follow are a new burst, read as soon as it settles, whatever the gap
  doc.addEventListener(
    'click',
    () => {
      gap = 0;
      busySince = undefined;
      deaf = false;
      listen();
      if (timer !== undefined && !navigated) arm(SETTLE_MS);
    },
    { capture: true, passive: true, signal },
  );
  doc.addEventListener(
    'visibilitychange',
    () => {
      if (doc.visibilityState === 'visible') onNavigate();
    },
    { signal },
  );
  let rootTimer: ReturnType<typeof setTimeout>;
  const checkRoot = () => {
    if (signal.aborted) return;
    try {
      // another root is likely another view: read it as soon as it settles
      if (ensureRoot()) {
        gap = 0;
        arm(SETTLE_MS);
      }
    } catch {
      /* next time */
    }
    rootTimer = setTimeout(checkRoot, root ? ROOT_CHECK_MS : ROOT_SEARCH_MS);
  };

  signal.addEventListener('abort', () => {
    clearTimeout(timer);
    clearTimeout(rootTimer);
    unlisten();
    for (const o of partObservers) o.disconnect();
  });

  checkRoot();
  arm(SETTLE_MS);
}
