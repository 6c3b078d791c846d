/**
 * Outlook on the web: watch the page and send the conversation in the reading pane to the
 * background. Thin wiring only; the reading is lib/mail/outlook.ts, the watching lib/mail/watch.ts.
 */
import { readOutlookThread } from '@/lib/mail/outlook';
import { OUTLOOK } from '@/lib/mail/outlook-selectors';
import { runThreadWatcher } from '@/lib/mail/run-watcher';
import type { MessageOf } from '@/lib/messages';

export default defineContentScript({
  matches: [
    'https://outlook.live.com/*',
    'https://outlook.office.com/*',
    'https://outlook.office365.com/*',
    'https://outlook.cloud.microsoft/*',
  ],
  runAt: 'document_idle',
  main(ctx) {
    runThreadWatcher({
      provider: 'outlook',
      ctx,
      rootSelectors: [...OUTLOOK.readingPane, '[role="main"]'],
      // the user's addresses from settings are not passed yet: the page shows them
      read: (doc, diagnostics) => readOutlookThread(doc, { diagnostics }),
      send: (snapshot, diagnostics) => {
        const message: MessageOf<'thread:snapshot'> = { type: 'thread:snapshot', snapshot, diagnostics };
        return browser.runtime.sendMessage(message);
      },
    });
  },
});
