/**
 * What both content scripts do, with the browser API passed in (so this stays testable and
 * free of extension globals): watch the page with `watchMail`, read the open thread and the
 * message list at each read and send each one when it changed (each on its own: a new list
 * does not resend the thread), log the names of failed lookups (never page content), and stop
 * for good when the extension was reloaded or removed under the page (its context is then
 * invalid and every send fails).
 *
 * A send that fails or is refused (the reply `{ ok: false }`) was not delivered: the same
 * value is sent again at the next read. The list is read again only when its rows changed
 * (its `part`, see ./watch.ts): reading 100 rows costs as much as a long thread.
 */
import type { MailListSnapshot, ThreadSnapshot } from '../domain/model';
import type { WatchContext } from './context';
import type { Chain } from './dom';
import { watchMail, type Watched } from './watch';

/** reading one thing of the page, and sending it (the reply is `{ ok: false }` when refused) */
export interface Reading<T> {
  read: (doc: Document, diagnostics: string[]) => T;
  send: (value: T, diagnostics: string[]) => Promise<unknown>;
  /** the elements it is read from, when known: it is read again only when they changed (see Watched) */
  part?: Chain;
}

export interface RunWatcherOptions {
  /** `gmail` or `outlook`, for the log prefix */
  provider: string;
  /** the watcher stops when `signal` aborts, and aborts it itself once the extension is gone */
  ctx: WatchContext;
  /** the mail root: the smallest element holding the first visible match of each chain */
  roots: readonly Chain[];
  thread: Reading<ThreadSnapshot | null>;
  list: Reading<MailListSnapshot | null>;
}

export function runMailWatcher(o: RunWatcherOptions): void {
  const { ctx } = o;
  if (ctx.signal.aborted) return;
  const log = (what: string) => console.debug(`[touchbase] ${o.provider}: ${what}`);
  let stopped = false;
  const gone = () => {
    if (!stopped) log('extension gone, stopped');
    stopped = true;
    ctx.abort();
  };
  const watched = <T>(r: Reading<T>): Watched<T> => {
    let logged = '';
    return {
      ...r,
      onChange: async (value, diagnostics) => {
        const key = diagnostics.join('; ');
        if (key && key !== logged) log(key);
        logged = key;
        let reply: unknown;
        try {
          reply = await r.send(value, diagnostics);
        } catch (e) {
          // the extension was reloaded or removed under the page: every send would fail
          if (ctx.isInvalid || /context invalidated/i.test(String(e))) return gone();
          throw e; // the watcher then sends the same value again at its next read
        }
        // refused: not delivered either
        if ((reply as { ok?: unknown } | undefined)?.ok === false) throw reply;
      },
    };
  };
  watchMail({
    doc: document,
    win: window,
    signal: ctx.signal,
    roots: o.roots,
    watch: [watched(o.thread), watched(o.list)],
  });
}
