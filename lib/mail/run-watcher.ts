/**
 * What both content scripts do, with the browser API passed in (so this stays testable and
 * free of extension globals): watch the page with `watchThread`, send every changed snapshot,
 * log the names of failed lookups (never page content), and stop for good when the extension
 * was reloaded or removed under the page (its context is then invalid and every send fails).
 */
import type { ThreadSnapshot } from './types';
import { watchThread } from './watch';

export interface RunWatcherOptions {
  /** `gmail` or `outlook`, for the log prefix */
  provider: string;
  /** the content script context's signal (WXT `ctx.signal`) */
  signal: AbortSignal;
  read: (doc: Document, diagnostics: string[]) => ThreadSnapshot | null;
  rootSelectors: string[];
  send: (snapshot: ThreadSnapshot | null, diagnostics: string[]) => Promise<unknown>;
  /** WXT `ctx.isInvalid`: true once the extension is gone */
  isInvalid?: () => boolean;
  log?: (line: string) => void;
}

export function runThreadWatcher(o: RunWatcherOptions): void {
  if (o.signal.aborted) return;
  const stop = new AbortController();
  o.signal.addEventListener('abort', () => stop.abort());
  const log = (what: string) => (o.log ?? console.debug)(`[touchbase] ${o.provider}: ${what}`);
  let logged = '';
  watchThread({
    doc: document,
    win: window,
    signal: stop.signal,
    rootSelectors: o.rootSelectors,
    read: (doc) => {
      const diagnostics: string[] = [];
      return { snapshot: o.read(doc, diagnostics), diagnostics };
    },
    onChange: async (snapshot, diagnostics) => {
      const key = diagnostics.join('; ');
      if (key && key !== logged) log(key);
      logged = key;
      try {
        await o.send(snapshot, diagnostics);
      } catch (e) {
        // the extension was reloaded or removed under the page: every send would fail
        if (o.isInvalid?.() || /context invalidated/i.test(String(e))) {
          log('extension gone, stopped');
          stop.abort();
        } else {
          throw e; // the watcher then sends the same snapshot again at its next read
        }
      }
    },
  });
}
