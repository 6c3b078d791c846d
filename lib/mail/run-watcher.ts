/**
 * What both content scripts do, with the browser API passed in (so this stays testable and
 * free of extension globals): watch the page with `watchThread`, send every changed snapshot,
 * log the names of failed lookups (never page content), and stop for good when the extension
 * was reloaded or removed under the page (its context is then invalid and every send fails).
 */
import type { ThreadSnapshot } from '../domain/model';
import { watchThread } from './watch';

export interface RunWatcherOptions {
  /** `gmail` or `outlook`, for the log prefix */
  provider: string;
  /** the content script's context (WXT's `ctx`, or any object with these members): the
   * watcher stops when `signal` aborts, and aborts it itself once the extension is gone */
  ctx: { readonly signal: AbortSignal; readonly isInvalid: boolean; abort(reason?: unknown): void };
  read: (doc: Document, diagnostics: string[]) => ThreadSnapshot | null;
  rootSelectors: string[];
  send: (snapshot: ThreadSnapshot | null, diagnostics: string[]) => Promise<unknown>;
  log?: (line: string) => void;
}

export function runThreadWatcher(o: RunWatcherOptions): void {
  const { ctx } = o;
  if (ctx.signal.aborted) return;
  const log = (what: string) => (o.log ?? console.debug)(`[touchbase] ${o.provider}: ${what}`);
  let logged = '';
  watchThread({
    doc: document,
    win: window,
    signal: ctx.signal,
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
        if (ctx.isInvalid || /context invalidated/i.test(String(e))) {
          log('extension gone, stopped');
          ctx.abort();
        } else {
          throw e; // the watcher then sends the same snapshot again at its next read
        }
      }
    },
  });
}
