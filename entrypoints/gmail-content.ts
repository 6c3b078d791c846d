/**
 * Gmail: watch the page and send the thread on screen and the message list to the
 * background. Thin wiring only; the reading is lib/mail/gmail.ts and gmail-list.ts, the
 * watching lib/mail/watch.ts. Both live in `[role=main]`, the one root watched.
 */
import { readGmailThread } from '@/lib/mail/gmail';
import { readGmailList } from '@/lib/mail/gmail-list';
import { GMAIL, GMAIL_LIST_ROWS } from '@/lib/mail/gmail-selectors';
import { contentContext } from '@/lib/mail/context';
import { runMailWatcher } from '@/lib/mail/run-watcher';
import { send } from '@/lib/messages/send';

// Declared in the manifest by hand (wxt.config.ts, from lib/mail/hosts.ts) rather than as a
// WXT content script, whose context was ~2.6 KB of this 15 KB script: see lib/mail/context.ts.
export default defineUnlistedScript(() => {
  // stopped once the extension is reloaded or removed under the page (its runtime id is gone)
  const ctx = contentContext(() => browser.runtime?.id);
  runMailWatcher({
    provider: 'gmail',
    ctx,
    roots: [GMAIL.main],
    // the user's addresses from settings are not passed yet: the page shows them
    thread: {
      read: (doc, diagnostics) => readGmailThread(doc, { diagnostics }),
      send: (snapshot, diagnostics) => send({ type: 'thread:snapshot', snapshot, diagnostics }),
    },
    list: {
      // read again only when its rows changed: a page busy elsewhere costs no list reads
      part: GMAIL_LIST_ROWS,
      read: (doc, diagnostics) => readGmailList(doc, { diagnostics }),
      send: (list, diagnostics) => send({ type: 'list:snapshot', list, diagnostics }),
    },
  });
  return ctx;
});
