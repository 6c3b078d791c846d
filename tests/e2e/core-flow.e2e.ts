/**
 * The core flow in Chromium: the scenario in ./scenarios/core-flow.ts (run in Firefox too,
 * by tests/e2e/firefox/core-flow.e2e.ts), driven through Playwright. The panel is opened
 * as a page with ?tabId= (a side panel cannot be opened by a script); the backup is the
 * download the options page's "Export backup" makes.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { launch, badge, tabIdOf, tabThread, openPanel, waitFor, type Harness } from './harness';
import { MAIL_CASES, runCoreFlow, type CoreFlowDriver } from './scenarios/core-flow';
import { evaluateIn } from './polling';

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => {
  await h?.close();
});

const chromium: CoreFlowDriver = {
  async openThread(c) {
    const mail = await h.context.newPage();
    await mail.goto(c.url);
    const tabId = await tabIdOf(h, c.pattern);
    await waitFor(async () => (await tabThread(h, tabId))?.snapshot?.correspondent, 'the snapshot');
    const panel = await openPanel(h, tabId);
    return {
      mail: evaluateIn(mail),
      panel: evaluateIn(panel),
      close: async () => {
        await panel.close();
        await mail.close();
      },
    };
  },
  badge: () => badge(h),
  async exportBackup() {
    const page = await h.context.newPage();
    try {
      await page.goto(`chrome-extension://${h.extensionId}/options.html`);
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 10_000 }),
        page.getByRole('button', { name: 'Export backup' }).click(),
      ]);
      return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, 'utf8') };
    } finally {
      await page.close();
    }
  },
};

describe.each(MAIL_CASES)('the core flow in Chromium on a $provider thread', (c) => {
  it('tracks the person, a logged call answers the late reply, a follow-up goes into the reply, the backup holds them', async () => {
    await runCoreFlow(chromium, c);
  });
});
