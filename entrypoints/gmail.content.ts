/**
 * Gmail: watch the page and send the thread on screen to the background. Thin wiring only;
 * the reading is lib/mail/gmail.ts, the watching lib/mail/watch.ts.
 */
import { readGmailThread } from '@/lib/mail/gmail';
import { GMAIL } from '@/lib/mail/gmail-selectors';
import { mailMatches } from '@/lib/mail/hosts';
import { runThreadWatcher } from '@/lib/mail/run-watcher';
import { send } from '@/lib/messages/send';

export default defineContentScript({
  matches: mailMatches('gmail'),
  runAt: 'document_idle',
  main(ctx) {
    runThreadWatcher({
      provider: 'gmail',
      ctx,
      rootSelectors: [...GMAIL.main],
      // the user's addresses from settings are not passed yet: the page shows them
      read: (doc, diagnostics) => readGmailThread(doc, { diagnostics }),
      send: (snapshot, diagnostics) => send({ type: 'thread:snapshot', snapshot, diagnostics }),
    });
  },
});
