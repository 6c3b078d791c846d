/**
 * The content scripts' context: when to stop. It stands in for WXT's ContentScriptContext,
 * whose location watcher, start-up messaging between copies of a script and timer wrappers
 * were ~2.6 KB of each built content script (Gmail's: 17.48 -> 14.89 KB) and unused: the
 * watcher has its own navigation events and timers. What is kept: an AbortController whose
 * signal stops the watcher, and `isInvalid`, true once the extension was reloaded or removed
 * under the page (`alive()`, the runtime id in a content script, is then gone), which also
 * aborts.
 *
 * A newer copy of the script in the same page (which WXT's context told the older one about)
 * only comes with WXT's development reload: the manifest's content scripts are injected once
 * per page, and an orphaned copy stops at its next send (see ./run-watcher.ts).
 */
export interface WatchContext {
  readonly signal: AbortSignal;
  readonly isInvalid: boolean;
  abort(reason?: unknown): void;
}

export function contentContext(alive: () => unknown): WatchContext {
  const ac = new AbortController();
  return {
    signal: ac.signal,
    get isInvalid() {
      if (!alive()) ac.abort();
      return ac.signal.aborted;
    },
    abort: (reason) => ac.abort(reason),
  };
}
