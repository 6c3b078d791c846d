/**
 * The layout report end to end: from the panel's footer ("Report a page problem"), the
 * built extension injects /layout-report.js into the mail tab and saves or copies what it
 * returns. The report of a Gmail thread, of the real 2014 Gmail inbox and of an Outlook
 * thread holds no address of the page, yet keeps its structure, its placeholders and its dates.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { findEmailsIn } from '../../lib/mail/address';
import { launch, openPanel, tabIdOf, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => {
  await h?.close();
});

/** every address anywhere in the page's source as served (scripts and comments included) and in its live DOM */
async function addressesOf(page: import('playwright-core').Page): Promise<string[]> {
  const source = await page.evaluate(async () => (await fetch(location.href)).text());
  const live = await page.evaluate(() => document.documentElement.outerHTML);
  return [...new Set([...findEmailsIn(source), ...findEmailsIn(live)])];
}

const cases = [
  {
    name: 'a Gmail thread',
    url: 'https://mail.google.com/mail/u/0/?fixture=gmail/thread-basic-en-us.html#inbox/FMfcgzQbdrKnqwXz',
    pattern: 'https://mail.google.com/*',
    keeps: [
      'data-thread-perm-id="thread-f:1000000000000000001"',
      'title="Thu, Aug 7, 2025, 9:14\u202fAM"',
      'email="person2@example.invalid"',
      /Page: https:\/\/mail\.google\.com\/xxxx\/x\/0\/#xxxxx\/[Xx]{16} /,
      '<div class="ii gt"><!-- message body left out --></div>',
      'href="https://accounts.google.com/"',
    ],
  },
  {
    name: 'the real 2014 Gmail inbox',
    url: 'https://mail.google.com/mail/u/0/?fixture=gmail/inbox-2014-real.html#inbox',
    pattern: 'https://mail.google.com/*',
    keeps: ['<tr class="zA', 'role="main"', '@example.invalid'],
  },
  {
    name: 'an Outlook thread',
    url: 'https://outlook.office.com/mail/inbox/id/AAQkAGI2TG93AAA%3D?fixture=outlook/thread-en-us.html',
    pattern: 'https://outlook.office.com/*',
    keeps: [
      'data-testid="SentReceivedSavedTime">Mon 8/4/2025 9:12 AM<',
      'id="primaryMailboxRoot_1a0a01" title="person1@example.invalid"',
      '<div role="document"><!-- message body left out --></div>',
    ],
  },
];

describe('a layout report from the panel', () => {
  it.each(cases)('of $name: downloaded, it holds no address of the page', async (c) => {
    const page = await h.context.newPage();
    await page.goto(c.url);
    const tabId = await tabIdOf(h, c.pattern);
    const panel = await openPanel(h, tabId);
    await panel.getByRole('button', { name: 'Report a page problem' }).click();
    const region = panel.getByRole('region', { name: 'Report a page problem' });
    const [download] = await Promise.all([panel.waitForEvent('download'), region.getByRole('button', { name: 'Download report' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^touchbase-layout-report-\d{4}-\d\d-\d\d-\d\d-\d\d\.html$/);
    await expect.poll(() => region.getByRole('status').textContent()).toMatch(/^Saved touchbase-layout-report-.*\(\d+ KB\)\.$/);
    const report = readFileSync((await download.path())!, 'utf8');

    const addresses = await addressesOf(page);
    expect(addresses.length).toBeGreaterThan(1);
    const lower = report.toLowerCase();
    expect(addresses.filter((a) => lower.includes(a))).toEqual([]);
    for (const k of c.keeps) expect(report).toMatch(k);
    expect(report).not.toMatch(/<script|<style|<iframe|\son\w+=/i);
    await panel.close();
    await page.close();
  });

  it("copied, it holds no address either and keeps the weights the page's stylesheet gives; a tab that is gone is said in words", async () => {
    const page = await h.context.newPage();
    await page.goto('https://outlook.office.com/mail/?fixture=outlook/list-inbox-en-us.html');
    const tabId = await tabIdOf(h, 'https://outlook.office.com/*');
    const panel = await openPanel(h, tabId);
    await h.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await panel.getByRole('button', { name: 'Report a page problem' }).click();
    const region = panel.getByRole('region', { name: 'Report a page problem' });
    await region.getByRole('button', { name: 'Copy report' }).click();
    await expect.poll(() => region.getByRole('status').textContent()).toMatch(/^Copied the report \(\d+ KB\)\.$/);
    const copied: string = await panel.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^<!doctype html>\n<!--\nTouchbase layout report/);
    expect((await addressesOf(page)).filter((a) => copied.toLowerCase().includes(a))).toEqual([]);
    // the unread rows' bold subjects come from the page's stylesheet: written in
    expect(copied).toContain('<span class="TtcXM kfpsB" style="font-weight: 600">');
    expect(copied).toContain('<span class="TtcXM" style="font-weight: 400">');
    await panel.close();

    // the panel of a tab that is gone: the injection fails, said in words
    const refused = await openPanel(h, 987_654);
    await refused.getByRole('button', { name: 'Report a page problem' }).click();
    await refused.getByRole('region', { name: 'Report a page problem' }).getByRole('button', { name: 'Download report' }).click();
    await expect.poll(() => refused.getByRole('alert').textContent()).toContain('No report could be made of this tab: it works on a Gmail or Outlook tab.');
    await refused.close();
    await page.close();
  });
});
