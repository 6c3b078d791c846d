/**
 * Runs the Firefox build (.output/firefox-mv3, made by `npm run build:firefox`; nothing is
 * built here) in Firefox found by scripts/browsers.ts (FIREFOX_PATH, else Firefox ESR,
 * Firefox, Developer Edition or Nightly), headless, driven by puppeteer-core over WebDriver
 * BiDi (no driver binary). See /work/shared/e2e.md, "Firefox".
 *
 * - The mail hosts: the pref `network.dns.localDomains` resolves them to 127.0.0.1 on their
 *   own port, so the fixture server (the Chromium harness's, same fixtures and date
 *   placeholders) listens on 443: the tests must run as root, or where binding 443 is allowed.
 *   The fixture page loads under `https://mail.google.com/...` and the production `matches`
 *   apply unchanged.
 * - A fixed internal UUID (pref `extensions.webextensions.uuids`), so the extension's page
 *   URLs are known.
 * - The panel: BiDi refuses to navigate a tab to `moz-extension://...`, but a page may go
 *   there itself when the page is web-accessible. So the extension is installed from a
 *   test-only copy of the build whose manifest adds `web_accessible_resources` for the
 *   extension's pages (the build itself is left as it is), and a tab on the mail host sets
 *   its own `location.href`. puppeteer's `page.url()` may still say `about:blank` then:
 *   `location.href` inside the page is the truth, and `page.evaluate` runs in the new page.
 *
 * If Firefox is missing or cannot start, or port 443 is taken, the tests fail with the
 * reason: they never skip. Every wait is bounded; close() stops the browser and the server.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFirefox, type FoundBrowser } from '../../../scripts/browsers';
import { ROOT, startMailServer, type MailServer } from '../harness';
import { eventually, evaluateIn } from '../polling';

export const FIREFOX_EXTENSION_DIR = join(ROOT, '.output/firefox-mv3');
export const ADDON_ID = 'touchbase@touchbase.local';
/** the extension's internal UUID in every run (pref extensions.webextensions.uuids) */
export const EXTENSION_UUID = '6b1c7e2a-3f4d-4c5b-9a8e-7d6f5e4c3b2a';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

/** the hosts Firefox resolves to 127.0.0.1 (the fixture server's certificate names them) */
const MAPPED_HOSTS = ['mail.google.com', 'outlook.office.com', 'outlook.live.com'];
/** a plain page on a mail host, from which a tab navigates itself to an extension page */
const LAUNCH_PAD = '/__touchbase_e2e_launch_pad';
const EXTENSION_PAGES = ['sidepanel.html', 'options.html', 'insights.html'];

// `browser` (the WebExtension API) exists inside the extension pages evaluate() runs in
declare const browser: any;

export interface FirefoxHarness {
  browser: Browser;
  server: MailServer;
  /** the Firefox it runs in */
  firefox: FoundBrowser;
  /** where downloads land, without asking (emptied and removed by close()) */
  downloadDir: string;
  close(): Promise<void>;
}

/** Polls (bounded in time), an error counting as "not yet": the tests' one poll (../polling.ts). */
export const waitFor = eventually;
export { evaluateIn };

export async function launchFirefox(
  opts: {
    headless?: boolean;
    firefox?: FoundBrowser;
    /** more preferences (e.g. `browser.privatebrowsing.autostart`, "never remember history") */
    prefs?: Record<string, string | number | boolean>;
    /** installs it allowed to run in private windows, as the user may in about:addons */
    allowPrivateBrowsing?: boolean;
    /** lets the driver reach the browser's own window (`-remote-allow-system-access`), for what only the browser's UI does */
    systemAccess?: boolean;
  } = {},
): Promise<FirefoxHarness> {
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`no Firefox build in ${FIREFOX_EXTENSION_DIR}: run "npm run build:firefox" first`);
  }
  // throws, naming every place it looked, when there is no Firefox: the tests then fail
  const firefox = opts.firefox ?? findFirefox();
  const copy = mkdtempSync(join(tmpdir(), 'touchbase-firefox-extension-'));
  const downloadDir = mkdtempSync(join(tmpdir(), 'touchbase-firefox-downloads-'));
  let server: MailServer | undefined;
  let ff: Browser | undefined;
  try {
    cpSync(FIREFOX_EXTENSION_DIR, copy, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8'));
    // test-only: lets a mail-host tab navigate itself to the extension's pages
    manifest.web_accessible_resources = [{ resources: EXTENSION_PAGES, matches: MAPPED_HOSTS.map((host) => `https://${host}/*`) }];
    writeFileSync(join(copy, 'manifest.json'), JSON.stringify(manifest));

    server = await startMailServer({ port: 443 });
    server.setPage(LAUNCH_PAD, '<!doctype html><meta charset="utf-8"><title>launch pad</title>');
    try {
      ff = await puppeteer.launch({
        browser: 'firefox',
        executablePath: firefox.path,
        headless: opts.headless ?? true,
        acceptInsecureCerts: true,
        ...(opts.systemAccess ? { args: ['-remote-allow-system-access'] } : {}),
        timeout: 30_000,
        protocolTimeout: 20_000,
        extraPrefsFirefox: {
          'network.dns.localDomains': MAPPED_HOSTS.join(','),
          'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: EXTENSION_UUID }),
          // no DNS over HTTPS or proxies that would bypass localDomains
          'network.trr.mode': 5,
          'network.proxy.type': 0,
          'network.http.http3.enable': false,
          // downloads (a backup) go straight to downloadDir: no dialog, no downloads panel
          'browser.download.folderList': 2,
          'browser.download.dir': downloadDir,
          'browser.download.useDownloadDir': true,
          'browser.download.always_ask_before_handling_new_types': false,
          'browser.download.alwaysOpenPanel': false,
          ...opts.prefs,
        },
      });
    } catch (e) {
      throw new Error(`${firefox.name} (${firefox.path}) did not start: ${String(e)}`);
    }
    // puppeteer's installExtension cannot pass Firefox's own "moz:allowPrivateBrowsing"
    const id = opts.allowPrivateBrowsing
      ? ((await (ff as unknown as { connection: { send(m: string, p: object): Promise<{ result: { extension: string } }> } }).connection
          .send('webExtension.install', { extensionData: { type: 'path', path: copy }, 'moz:allowPrivateBrowsing': true })).result.extension)
      : await ff.installExtension(copy);
    if (id !== ADDON_ID) throw new Error(`installed add-on id is ${id}, expected ${ADDON_ID}`);
    const b = ff;
    const s = server;
    await waitForBackground({ browser: b, server: s, firefox, downloadDir, close: async () => {} });
    return {
      browser: b,
      server: s,
      firefox,
      downloadDir,
      close: async () => {
        await b.close().catch(() => {});
        await s.close();
        rmSync(copy, { recursive: true, force: true });
        rmSync(downloadDir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await ff?.close().catch(() => {});
    await server?.close();
    rmSync(copy, { recursive: true, force: true });
    rmSync(downloadDir, { recursive: true, force: true });
    throw e;
  }
}

/**
 * Waits until the background page answers a message. installExtension returns before the
 * background has run: a mail page opened earlier has its first snapshot refused ("receiving
 * end does not exist"), and a still fixture page never changes, so it is never sent again.
 */
async function waitForBackground(h: FirefoxHarness): Promise<void> {
  const page = await openExtensionPage(h, 'sidepanel.html');
  try {
    await waitFor(
      () => page.evaluate(async () => (await browser.runtime.sendMessage({ type: 'badge:refresh' })) !== undefined),
      "the extension's background page to answer",
      15_000,
    );
  } finally {
    await page.close().catch(() => {});
  }
}

/** Where a page really is (`page.url()` may lag behind a navigation the page made itself). */
export async function hrefOf(page: Page): Promise<string> {
  return page.evaluate(() => location.href);
}

/**
 * A new tab showing the extension page `path` (e.g. `sidepanel.html?tabId=3`): it opens on
 * the mail host and navigates itself there (see the top of this file).
 */
export async function openExtensionPage(h: FirefoxHarness, path: string): Promise<Page> {
  const page = await h.browser.newPage();
  await page.goto(`https://mail.google.com${LAUNCH_PAD}`, { timeout: 15_000 });
  return gotoExtensionPage(page, path);
}

/** Navigates a tab that is on a mail host or an extension page to the extension page `path`. */
export async function gotoExtensionPage(page: Page, path: string): Promise<Page> {
  const url = `${EXTENSION_ORIGIN}/${path}`;
  await page.evaluate((u) => {
    location.href = u;
  }, url);
  await waitFor(
    async () => (await hrefOf(page)) === url && (await page.evaluate(() => document.readyState === 'complete')),
    `the tab to show ${url}`,
    15_000,
  );
  return page;
}

/** From an extension page: the id of the tab whose URL matches `pattern` and contains `part`. */
export async function tabIdOf(extensionPage: Page, pattern: string, part = ''): Promise<number> {
  return waitFor<number | undefined>(
    () =>
      extensionPage.evaluate(
        async (p, q) => ((await browser.tabs.query({ url: p })) as { id: number; url: string }[]).find((t) => t.url.includes(q))?.id,
        pattern,
        part,
      ),
    `a tab matching ${pattern}${part ? ` with ${part}` : ''}`,
  ) as Promise<number>;
}

/** From an extension page: the snapshot the background holds for a tab (storage.session). */
export async function tabThread(extensionPage: Page, tabId: number): Promise<any> {
  return extensionPage.evaluate(
    async (id) => (await browser.storage.session.get(`tab:${id}`))[`tab:${id}`] ?? null,
    tabId,
  );
}

/** From an extension page: the toolbar button's badge text. */
export async function badge(extensionPage: Page): Promise<string> {
  return extensionPage.evaluate(() => browser.action.getBadgeText({}));
}

/**
 * The page (of any tab, in any window) whose `location.href` contains `part`: for a tab the
 * extension opened itself, e.g. in a private window, which puppeteer did not open.
 */
export async function pageShowing(h: FirefoxHarness, part: string): Promise<Page> {
  return waitFor(async () => {
    for (const p of await h.browser.pages()) {
      const href = await hrefOf(p).catch(() => '');
      if (href.includes(part)) return p;
    }
    return undefined;
  }, `a tab showing ${part}`, 15_000) as Promise<Page>;
}

/** From an extension page: the text of the open sidebar of window `windowId` (or of every window), or null when none is open. */
export async function sidebarText(extensionPage: Page, windowId?: number): Promise<string | null> {
  return extensionPage.evaluate(
    (w) => {
      const views = browser.extension.getViews({ type: 'sidebar', ...(w === null ? {} : { windowId: w }) }) as Window[];
      return views.length ? views[0].document.body.innerText : null;
    },
    windowId ?? null,
  );
}

/**
 * Presses Alt+Shift+`letter` in the browser's own window, as the keyboard does: trusted key
 * events from Firefox's nsITextInputProcessor (what its own drivers use), dispatched in the
 * window's chrome, where add-on shortcuts live. A driver's ordinary key actions go to the
 * page and never reach them. Needs a harness launched with `systemAccess`.
 */
export async function pressAltShift(h: FirefoxHarness, letter: string): Promise<void> {
  const conn = (h.browser as unknown as { connection: { send(m: string, p: object): Promise<any> } }).connection;
  const tree = await conn.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const context = tree.result.contexts[0]?.context;
  if (!context) throw new Error('no browser window to press keys in (was the harness launched with systemAccess?)');
  const upper = letter.toUpperCase();
  const expression = `(() => {
    const tip = Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor);
    if (!tip.beginInputTransactionForTests(window)) return 'no input transaction';
    const k = (key, code, keyCode) => new KeyboardEvent('', { key, code, keyCode });
    tip.keydown(k('Alt', 'AltLeft', 18));
    tip.keydown(k('Shift', 'ShiftLeft', 16));
    tip.keydown(k(${JSON.stringify(upper)}, ${JSON.stringify(`Key${upper}`)}, ${upper.charCodeAt(0)}));
    tip.keyup(k(${JSON.stringify(upper)}, ${JSON.stringify(`Key${upper}`)}, ${upper.charCodeAt(0)}));
    tip.keyup(k('Shift', 'ShiftLeft', 16));
    tip.keyup(k('Alt', 'AltLeft', 18));
    return 'pressed';
  })()`;
  const r = await conn.send('script.evaluate', { expression, target: { context }, awaitPromise: true });
  if (r.result?.result?.value !== 'pressed') throw new Error(`the keys were not pressed: ${JSON.stringify(r.result)}`);
}
