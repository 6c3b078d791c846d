/**
 * The stores' screenshots: both the Chrome Web Store and addons.mozilla.org take 1280x800
 * images, and what Touchbase is only shows with the mailbox and the panel side by side.
 * The side panel is its own page in the test harness, so each picture is two real
 * screenshots (the mail page at 900x800, the panel at 380x800) laid side by side on a blank
 * page and captured again at 1280x800: nothing in them is drawn by hand.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

const W = 1280;
const H = 800;
const PANEL_W = 380;

async function sideBySide(context: BrowserContext, left: Buffer, right: Buffer, path: string) {
  const page = await context.newPage();
  await page.setViewportSize({ width: W, height: H });
  const src = (b: Buffer) => `data:image/png;base64,${b.toString('base64')}`;
  await page.setContent(
    `<body style="margin:0;display:flex;background:#fff">` +
      `<img alt="" src="${src(left)}" style="width:${W - PANEL_W}px;height:${H}px;display:block">` +
      `<img alt="" src="${src(right)}" style="width:${PANEL_W}px;height:${H}px;display:block;border-left:1px solid #ccc;box-sizing:border-box">` +
      `</body>`,
  );
  await page.waitForFunction(() => [...document.images].every((i) => i.complete && i.naturalWidth > 0));
  await page.screenshot({ path });
  await page.close();
}

/** `panel` is a freshly opened side panel on the mail page's thread. */
export async function storeShots(context: BrowserContext, pages: { mail: Page; panel: Page; insights: Page; options: Page }, dir: string) {
  mkdirSync(dir, { recursive: true });
  const { mail, panel, insights, options } = pages;
  await mail.setViewportSize({ width: W - PANEL_W, height: H });
  await panel.setViewportSize({ width: PANEL_W, height: H });
  const mailShot = await mail.screenshot();

  await panel.emulateMedia({ colorScheme: 'light' });
  await panel.getByTestId('reply-status').waitFor();
  await panel.waitForTimeout(300);
  await sideBySide(context, mailShot, await panel.screenshot(), join(dir, '1-thread.png'));

  await panel.getByRole('button', { name: 'Today' }).click();
  await panel.getByRole('heading', { name: 'Today' }).waitFor();
  await sideBySide(context, mailShot, await panel.screenshot(), join(dir, '2-today.png'));

  await insights.setViewportSize({ width: W, height: H });
  await insights.emulateMedia({ colorScheme: 'light' });
  await insights.getByRole('heading', { name: 'Reply speed' }).waitFor();
  await insights.screenshot({ path: join(dir, '3-insights.png') });

  await options.setViewportSize({ width: W, height: H });
  await options.screenshot({ path: join(dir, '4-options.png') });
}
