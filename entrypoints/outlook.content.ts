/**
 * Outlook on the web: watch the page and send the conversation in the reading pane and the
 * message list to the background. Thin wiring only; the reading is lib/mail/outlook.ts and
 * outlook-list.ts, the watching lib/mail/watch.ts. The list (`#MailList`) sits beside the
 * reading pane, not in it, so the root watched is the smallest element holding both.
 */
import { readOutlookThread } from '@/lib/mail/outlook';
import { readOutlookList } from '@/lib/mail/outlook-list';
import { OUTLOOK, OUTLOOK_LIST } from '@/lib/mail/outlook-selectors';
import { mailMatches } from '@/lib/mail/hosts';
import { runMailWatcher } from '@/lib/mail/run-watcher';
import { send } from '@/lib/messages/send';

export default defineContentScript({
  matches: mailMatches('outlook'),
  runAt: 'document_idle',
  main(ctx) {
    runMailWatcher({
      provider: 'outlook',
      ctx,
      roots: [[...OUTLOOK.readingPane, '[role="main"]'], OUTLOOK_LIST.list],
      // the user's addresses from settings are not passed yet: the page shows them
      thread: {
        read: (doc, diagnostics) => readOutlookThread(doc, { diagnostics }),
        send: (snapshot, diagnostics) => send({ type: 'thread:snapshot', snapshot, diagnostics }),
      },
      list: {
        read: (doc, diagnostics) => readOutlookList(doc, { diagnostics }),
        send: (list, diagnostics) => send({ type: 'list:snapshot', list, diagnostics }),
      },
    });
  },
});
