/**
 * The sidebar end to end in Firefox (the Chromium twin is tests/e2e/sidepanel.e2e.ts): a
 * client who wrote 5 days ago and is still unanswered. The panel page (opened in a tab with
 * ?tabId=, see ./harness.ts) shows the person; "Track as client" makes them a client; the
 * reply is late and the badge shows 1; "Log call" answers them, adds the call to the history
 * and clears the badge.
 *
 * The panel runs in a tab puppeteer may still think is about:blank, so it is read and
 * clicked through page.evaluate (the DOM), each check polled with a bounded wait.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import {
  launchFirefox, openExtensionPage, gotoExtensionPage, tabIdOf, tabThread, badge, waitFor, type FirefoxHarness,
} from './harness';

let h: FirefoxHarness;
beforeAll(async () => {
  h = await launchFirefox();
});
afterAll(async () => {
  await h?.close();
});

/** The text of the first element matching `selector`, or null. */
function text(page: Page, selector: string): Promise<string | null> {
  return page.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);
}

function headings(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll('h2')].map((e) => e.textContent?.trim() ?? ''));
}

function bodyText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.innerText);
}

function historyItems(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll('section.history ul.timeline > li')].map((e) => e.textContent ?? ''));
}

/** Clicks the (enabled) button whose text is `label`; false when there is none yet. */
function clickButton(page: Page, label: string): Promise<boolean> {
  return page.evaluate((l) => {
    const b = [...document.querySelectorAll('button')].find((e) => e.textContent?.trim() === l && !e.disabled);
    b?.click();
    return !!b;
  }, label);
}

const cases = [
  {
    provider: 'Gmail',
    url: 'https://mail.google.com/mail/u/0/?fixture=e2e/gmail-thread.html#inbox/18fa0000000001',
    pattern: 'https://mail.google.com/*',
    part: 'fixture=e2e/gmail-thread.html',
    name: 'Dana Client',
    email: 'dana.client@acme-corp.com',
    company: 'Acme Corp',
  },
  {
    provider: 'Outlook',
    url: 'https://outlook.office.com/mail/inbox/id/AAQkAGI2TG93AAA%3D?fixture=e2e/outlook-thread.html',
    pattern: 'https://outlook.office.com/*',
    part: 'fixture=e2e/outlook-thread.html',
    name: 'Lee Buyer',
    email: 'lee.buyer@globex.io',
    company: 'Globex',
  },
];

describe.each(cases)('the Firefox sidebar on a $provider thread', (c) => {
  it('tracks the person, says the reply is late, and a logged call answers it', async () => {
    // the panel's tab first, then the mail page in front of it: the content script reads
    // only a visible page (a tab in the background is read when it is shown again)
    const panel = await openExtensionPage(h, 'sidepanel.html');
    const mail = await h.browser.newPage();
    try {
      await mail.goto(c.url, { timeout: 15_000 });
      await mail.bringToFront();
      const tabId = await tabIdOf(panel, c.pattern, c.part);
      await waitFor(async () => (await tabThread(panel, tabId))?.snapshot?.correspondent, 'the snapshot');
      await panel.bringToFront();
      await gotoExtensionPage(panel, `sidepanel.html?tabId=${tabId}`);

      await waitFor(async () => (await headings(panel)).includes(c.name), `the heading "${c.name}"`);
      await waitFor(async () => (await bodyText(panel)).includes(`${c.email} · ${c.company}`), 'the email and company');
      expect(await badge(panel)).toBe('');

      await waitFor(() => clickButton(panel, 'Track as client'), 'the "Track as client" button');
      await waitFor(
        async () => /Reply late: their email has waited 5 days/.test((await text(panel, '[data-testid="reply-status"]')) ?? ''),
        'the late reply',
      );
      // the open thread's emails were recorded at once
      await waitFor(async () => (await historyItems(panel)).length === 2, 'two emails in the history');
      await waitFor(async () => (await badge(panel)) === '1', 'the badge to show 1');

      await waitFor(() => clickButton(panel, 'Log call'), 'the "Log call" button');
      await waitFor(async () => (await historyItems(panel)).length === 3, 'the call in the history');
      expect((await historyItems(panel))[0]).toContain('Call');
      // the call answered them: now the user is the one waiting
      await waitFor(
        async () => /^\W*Waiting on them/.test((await text(panel, '[data-testid="reply-status"]')) ?? ''),
        '"Waiting on them"',
      );
      await waitFor(async () => (await badge(panel)) === '', 'the badge to clear');
      expect(await badge(panel)).toBe('');
    } finally {
      await panel.close().catch(() => {});
      await mail.close().catch(() => {});
    }
  });
});
