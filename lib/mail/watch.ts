/**
 * Watching a mail page for the thread on screen to change, cheaply.
 *
 * Gmail and Outlook are single-page apps: a move to another thread fires `hashchange` or
 * `popstate` most of the time, but views also swap without either. So the watcher listens to
 * both events and also observes the mail root (the first visible match of `rootSelectors`,
 * e.g. `[role=main]` or the reading pane; never `document.body`) with a MutationObserver.
 * The mutation callback does no reading at all: it counts the mutation and arms a settle
 * timer when none is armed; when the timer fires and the page changed meanwhile, it waits
 * one more window (`settleMs`, default 200 ms) that also has a maximum wait (8 s), so a burst of mutations
 * gives one read after it settles and a steady stream still gives at most one read every
 * eight seconds (measured: see BENCHMARKS.md). A navigation (hashchange/popstate) reads
 * after only 30 ms, since that is the user opening a thread. While the tab is in the
 * background nothing is read at all; becoming visible again schedules a read. When the root element is replaced, hidden or missing, it is found again lazily:
 * on every debounced tick and by a slow interval (every 2 s), never by observing the body.
 * A snapshot is passed to `onChange` only when its serialized form differs from the last one
 * passed. Everything runs inside try/catch (nothing is ever thrown into the page), and all
 * listeners, timers and the observer stop when `signal` aborts.
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
  /** quiet time before a read, default 200 ms */
  settleMs?: number;
  /** the longest a read waits while mutations keep coming, default 8000 ms */
  maxWaitMs?: number;
  /** how often to check that the root is still the one on screen, default 2000 ms */
  rootCheckMs?: number;
}

/** attributes whose change can change what the readers see (no `class`: it flickers on hover) */
/** quiet time after hashchange/popstate before a read */
const NAVIGATION_SETTLE_MS = 30;

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
  const settleMs = opts.settleMs ?? 200;
  const maxWaitMs = opts.maxWaitMs ?? 8000;

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
  // the only work per mutation: count it, and arm the settle window when none is armed.
  // (Re-arming a timer on every mutation cost more than the reads themselves: BENCHMARKS.md)
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

  function schedule(settle = settleMs): void {
    if (signal.aborted) return;
    const now = Date.now();
    burstStart ??= now;
    clearTimeout(timer);
    counted = mutations;
    timer = setTimeout(tick, Math.max(0, Math.min(settle, burstStart + maxWaitMs - now)));
  }

  function tick(): void {
    timer = undefined;
    if (signal.aborted) return;
    // the page changed during the window: wait for a quiet one, up to the maximum wait
    if (!navigated && mutations !== counted && burstStart !== undefined && Date.now() - burstStart < maxWaitMs) {
      schedule();
      return;
    }
    burstStart = undefined;
    navigated = false;
    // a tab in the background: read when it is shown again (visibilitychange)
    if (doc.visibilityState === 'hidden') return;
    try {
      ensureRoot();
      const { snapshot, diagnostics } = opts.read(doc);
      const key = JSON.stringify(snapshot);
      if (key === lastSent) return;
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
  win.addEventListener('hashchange', onNavigate);
  win.addEventListener('popstate', onNavigate);
  const onVisible = () => {
    if (doc.visibilityState === 'visible') schedule(NAVIGATION_SETTLE_MS);
  };
  doc.addEventListener('visibilitychange', onVisible);
  const interval = setInterval(() => {
    try {
      if (ensureRoot()) schedule();
    } catch {
      /* next time */
    }
  }, opts.rootCheckMs ?? 2000);

  signal.addEventListener('abort', () => {
    clearTimeout(timer);
    clearInterval(interval);
    observer.disconnect();
    win.removeEventListener('hashchange', onNavigate);
    win.removeEventListener('popstate', onNavigate);
    doc.removeEventListener('visibilitychange', onVisible);
  });

  ensureRoot();
  schedule();
}
