/**
 * The core flow in Firefox: the scenario in ../scenarios/core-flow.ts (run in Chromium too,
 * by tests/e2e/core-flow.e2e.ts), driven by puppeteer over WebDriver BiDi. The panel page
 * is opened in a tab with ?tabId= (see ./harness.ts); the backup is the file Firefox saves
 * in the harness's download folder when "Export backup" is clicked.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import {
  launchFirefox, openExtensionPage, gotoExtensionPage, tabIdOf, tabThread, badge, waitFor, evaluateIn, type FirefoxHarness,
} from './harness';
import { MAIL_CASES, clickButton, runCoreFlow, type CoreFlowDriver } from '../scenarios/core-flow';

let h: FirefoxHarness;
beforeAll(async () => {
  h = await launchFirefox();
});
afterAll(async () => {
  await h?.close();
});

/**
 * A finished download in the folder: Firefox makes an empty file of the final name at once
 * and writes into `name.part`, which it renames over it at the end.
 */
function savedBackup(): string | undefined {
  const files = readdirSync(h.downloadDir);
  if (files.some((f) => f.endsWith('.part'))) return undefined;
  return files.find((f) => /^touchbase-backup-.*\.json$/.test(f) && readFileSync(join(h.downloadDir, f), 'utf8').length > 0);
}

/** One extension page kept open to read the badge from, rather than a tab per look. */
let control: Page | undefined;

const firefox: CoreFlowDriver = {
  async openThread(c) {
    // the panel's tab first, then the mail page in front of it: the content script reads
    // only a visible page (a tab in the background is read when it is shown again)
    const panel = await openExtensionPage(h, 'sidepanel.html');
    const mail = await h.browser.newPage();
    await mail.goto(c.url, { timeout: 15_000 });
    await mail.bringToFront();
    const tabId = await tabIdOf(panel, c.pattern, c.part);
    await waitFor(async () => (await tabThread(panel, tabId))?.snapshot?.correspondent, 'the snapshot');
    await gotoExtensionPage(panel, `sidepanel.html?tabId=${tabId}`);
    return {
      mail: evaluateIn(mail),
      panel: evaluateIn(panel),
      close: async () => {
        await panel.close().catch(() => {});
        await mail.close().catch(() => {});
      },
    };
  },
  badge: async () => badge((control ??= await openExtensionPage(h, 'options.html'))),
  async exportBackup() {
    const page = await openExtensionPage(h, 'options.html');
    try {
      await waitFor(() => clickButton(evaluateIn(page), 'Export backup'), 'the "Export backup" button');
      const name = (await waitFor(async () => savedBackup(), 'the backup file in the download folder'))!;
      const text = readFileSync(join(h.downloadDir, name), 'utf8');
      // the next export in this run gets the same name, not "name(1).json"
      rmSync(join(h.downloadDir, name));
      return { name, text };
    } finally {
      await page.close().catch(() => {});
    }
  },
};

describe.each(MAIL_CASES)('the core flow in Firefox on a $provider thread', (c) => {
  it('tracks the person, a logged call answers the late reply, a follow-up goes into the reply, the backup holds them', async () => {
    await runCoreFlow(firefox, c);
  });
});
