/**
 * Outlook on the web: watch the page and send the conversation in the reading pane to the
 * background. Thin wiring only; the reading is lib/mail/outlook.ts, the watching lib/mail/watch.ts.
 */
import { readOutlookThread } from '@/lib/mail/outlook';
import { OUTLOOK } from '@/lib/mail/outlook-selectors';
import { mailMatches } from '@/lib/mail/hosts';
import { runThreadWatcher } from '@/lib/mail/run-watcher';
import { send } from '@/lib/messages/send';

export default defineContentScript({
  matches: mailMatches('outlook'),
  runAt: 'document_idle',
  main(ctx) {
    runThreadWatcher({
      provider: 'outlook',
      ctx,
      rootSelectors: [...OUTLOOK.readingPane, '[role="main"]'],
      // the user's addresses from settings are not passed yet: the page shows them
      read: (doc, diagnostics) => readOutlookThread(doc, { diagnostics }),
      send: (snapshot, diagnostics) => send({ type: 'thread:snapshot', snapshot, diagnostics }),
    });
  },
});
