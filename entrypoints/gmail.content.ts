/**
 * Gmail: watch the page and send the thread on screen to the background. Thin wiring only;
 * the reading is lib/mail/gmail.ts, the watching lib/mail/watch.ts.
 */
import { readGmailThread } from '@/lib/mail/gmail';
import { GMAIL } from '@/lib/mail/gmail-selectors';
import { runThreadWatcher } from '@/lib/mail/run-watcher';
import type { MessageOf } from '@/lib/messages';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    runThreadWatcher({
      provider: 'gmail',
      ctx,
      rootSelectors: [...GMAIL.main],
      // the user's addresses from settings are not passed yet: the page shows them
      read: (doc, diagnostics) => readGmailThread(doc, { diagnostics }),
      send: (snapshot, diagnostics) => {
        const message: MessageOf<'thread:snapshot'> = { type: 'thread:snapshot', snapshot, diagnostics };
        return browser.runtime.sendMessage(message);
      },
    });
  },
});
