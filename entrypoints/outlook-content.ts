/**
 * Outlook on the web: watch the page and send the conversation in the reading pane and the
 * message list to the background. Thin wiring only; the reading is lib/mail/outlook.ts and
 * outlook-list.ts, the watching lib/mail/watch.ts. The list (`#MailList`) sits beside the
 * reading pane, not in it, so the root watched is the smallest element holding both.
 */
import { readOutlookThread } from '@/lib/mail/outlook';
import { readOutlookList } from '@/lib/mail/outlook-list';
import { OUTLOOK, OUTLOOK_LIST_BOX, OUTLOOK_LIST_ROWS } from '@/lib/mail/outlook-selectors';
import { contentContext } from '@/lib/mail/context';
import { runMailWatcher } from '@/lib/mail/run-watcher';
import { send } from '@/lib/messages/send';

// Declared in the manifest by hand (wxt.config.ts, from lib/mail/hosts.ts) rather than as a
// WXT content script, whose context was ~2.6 KB of this 15 KB script: see lib/mail/context.ts.
export default defineUnlistedScript(() => {
  // stopped once the extension is reloaded or removed under the page (its runtime id is gone)
  const ctx = contentContext(() => browser.runtime?.id);
  runMailWatcher({
    provider: 'outlook',
    ctx,
    roots: [[...OUTLOOK.readingPane, '[role="main"]'], OUTLOOK_LIST_BOX],
    // the user's addresses from settings are not passed yet: the page shows them
    thread: {
      read: (doc, diagnostics) => readOutlookThread(doc, { diagnostics }),
      send: (snapshot, diagnostics) => send({ type: 'thread:snapshot', snapshot, diagnostics }),
    },
    list: {
      // read again only when its rows changed: a page busy elsewhere costs no list reads
      part: OUTLOOK_LIST_ROWS,
      read: (doc, diagnostics) => readOutlookList(doc, { diagnostics }),
      send: (list, diagnostics) => send({ type: 'list:snapshot', list, diagnostics }),
    },
  });
  return ctx;
});
