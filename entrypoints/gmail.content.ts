/**
 * Gmail: watch the page and send the thread on screen and the message list to the
 * background. Thin wiring only; the reading is lib/mail/gmail.ts and gmail-list.ts, the
 * watching lib/mail/watch.ts. Both live in `[role=main]`, the one root watched.
 */
import { readGmailThread } from '@/lib/mail/gmail';
import { readGmailList } from '@/lib/mail/gmail-list';
import { GMAIL } from '@/lib/mail/gmail-selectors';
import { mailMatches } from '@/lib/mail/hosts';
import { runMailWatcher } from '@/lib/mail/run-watcher';
import { send } from '@/lib/messages/send';

export default defineContentScript({
  matches: mailMatches('gmail'),
  runAt: 'document_idle',
  main(ctx) {
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
        read: (doc, diagnostics) => readGmailList(doc, { diagnostics }),
        send: (list, diagnostics) => send({ type: 'list:snapshot', list, diagnostics }),
      },
    });
  },
});
