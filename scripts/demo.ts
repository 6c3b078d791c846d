/**
 * `npm run demo`: the built extension in a Chromium-based browser (the one scripts/browsers.ts
 * finds, or CHROMIUM_PATH) with a fresh profile, sample clients and a sample Gmail thread
 * served locally under mail.google.com, the side panel beside it. With `--headless` (or on
 * Linux without a display) it writes screenshots to .output/screenshots/, which git ignores,
 * and exits; otherwise the browser stays open until you close it or press Ctrl+C.
 *
 * `npm run screenshots` is the same headless run with `--out docs/screenshots`: it updates
 * the README's pictures; `npm run store:screenshots` adds `--store` for the stores' 1280x800
 * pictures in store/screenshots/. Those two are the runs meant to change tracked files.
 */
import { mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { launch, openPanel, tabIdOf, tabThread, waitFor, ROOT, type Harness } from '../tests/e2e/harness';
import { BrowserNotFoundError, findChromium } from './browsers';
import { storeShots } from './store-shots';

const args = process.argv.slice(2);
// only Linux says "no display" by leaving DISPLAY (or WAYLAND_DISPLAY) unset; macOS and
// Windows never set DISPLAY and always have a screen
const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const headless = args.includes('--headless') || noDisplay;
const out = args.indexOf('--out');
if (out >= 0 && !args[out + 1]) throw new Error('--out needs a folder, e.g. --out docs/screenshots');
const SHOTS = resolve(ROOT, out >= 0 ? args[out + 1] : '.output/screenshots');

async function prepare(h: Harness) {
  const options = await h.context.newPage();
  await options.goto(`chrome-extension://${h.extensionId}/options.html`);
  await options.getByRole('button', { name: 'Load sample data' }).click();
  await options.getByRole('heading', { name: 'Try it with sample clients' }).waitFor({ state: 'detached' });
  const mail = await h.context.newPage();
  await mail.goto('https://mail.google.com/mail/u/0/?fixture=demo/gmail.html#inbox/18fa0000000001');
  const tabId = await tabIdOf(h, 'https://mail.google.com/*');
  await waitFor(async () => (await tabThread(h, tabId))?.snapshot?.correspondent, 'the thread to be read');
  return { options, mail, tabId };
}

async function screenshots(h: Harness) {
  mkdirSync(SHOTS, { recursive: true });
  const { options, mail, tabId } = await prepare(h);
  const panel = await openPanel(h, tabId);
  await panel.setViewportSize({ width: 380, height: 860 });
  await panel.getByTestId('reply-status').waitFor();
  await panel.getByRole('button', { name: "How'm I doing?" }).or(panel.getByRole('button', { name: 'Sorry for the slow reply' })).first().click();
  await panel.waitForTimeout(300);
  await panel.screenshot({ path: join(SHOTS, 'panel-light.png') });
  await panel.emulateMedia({ colorScheme: 'dark' });
  await panel.waitForTimeout(200);
  await panel.screenshot({ path: join(SHOTS, 'panel-dark.png') });
  await panel.emulateMedia({ colorScheme: 'light' });
  await panel.getByRole('button', { name: 'Today' }).click();
  await panel.getByRole('heading', { name: 'Today' }).waitFor();
  await panel.screenshot({ path: join(SHOTS, 'today.png') });
  await mail.setViewportSize({ width: 1000, height: 700 });
  await mail.screenshot({ path: join(SHOTS, 'mailbox.png') });
  const insights = await h.context.newPage();
  await insights.setViewportSize({ width: 1000, height: 1400 });
  await insights.goto(`chrome-extension://${h.extensionId}/insights.html`);
  await insights.getByRole('heading', { name: 'Reply speed' }).waitFor();
  await insights.screenshot({ path: join(SHOTS, 'insights.png'), fullPage: true });
  await insights.emulateMedia({ colorScheme: 'dark' });
  await insights.screenshot({ path: join(SHOTS, 'insights-dark.png'), fullPage: true });
  await options.setViewportSize({ width: 1100, height: 1200 });
  await options.reload();
  await options.getByRole('heading', { name: 'Follow-up templates' }).waitFor();
  await options.screenshot({ path: join(SHOTS, 'options.png'), fullPage: false });
  if (args.includes('--store')) {
    const dir = resolve(ROOT, 'store/screenshots');
    await insights.emulateMedia({ colorScheme: 'light' });
    await storeShots(h.context, { mail, panel: await openPanel(h, tabId), insights, options }, dir);
    console.log(`the stores' 1280x800 screenshots written to ${relative(process.cwd(), dir) || '.'}/`);
  }
  const where = relative(process.cwd(), SHOTS) || '.';
  console.log(`screenshots written to ${where}/ (${SHOTS})`);
  if (out < 0) console.log('(git ignores them; `npm run screenshots` updates the README\'s pictures in docs/screenshots/)');
}

async function main() {
  const browser = findChromium();
  const how = browser.name === 'CHROMIUM_PATH' ? 'from CHROMIUM_PATH' : `${browser.name}; set CHROMIUM_PATH to use another`;
  console.log(`browser: ${browser.path} (${how})`);
  const h = await launch({ headless, browser });
  try {
    if (headless) {
      await screenshots(h);
      return;
    }
    const { tabId, mail } = await prepare(h);
    const panel = await openPanel(h, tabId);
    await panel.setViewportSize({ width: 400, height: 900 });
    await mail.bringToFront();
    console.log('Touchbase is running with sample data. The side panel is open in its own tab');
    console.log('(sidepanel.html?tabId=...): switch between the Gmail tab and the panel tab,');
    console.log('or click the toolbar icon to open the real side panel. Close the browser to stop.');
    await new Promise<void>((resolve) => {
      h.context.on('close', () => resolve());
      process.on('SIGINT', () => resolve());
    });
  } finally {
    await h.close();
  }
}

main().catch((e) => {
  // the lookup's message says everything (where it looked, what to install): no stack
  console.error(e instanceof BrowserNotFoundError ? e.message : e);
  process.exit(1);
});
