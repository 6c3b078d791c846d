/**
 * Runs the built extension (.output/chrome-mv3) in a Chromium-based browser found by
 * scripts/browsers.ts (CHROMIUM_PATH, else Chromium, Google Chrome, Edge or Brave where
 * they install, else Playwright's download), headless, with fixture mail pages served over
 * HTTPS on loopback under the real mail hosts: the browser's host resolver maps
 * mail.google.com and outlook.office.com to our server, so the production manifest's
 * `matches` apply unchanged. A throw-away certificate is made with openssl for each run. If
 * no browser is found or it cannot start, the tests fail with the reason: they never skip.
 *
 * Fixture pages may hold date placeholders, `{{at:-5d}}` / `{{at:-2h}}` / `{{at:-30m}}`
 * followed by `|gmail` or `|outlook`, replaced at request time with that moment written
 * the way the provider shows it, so "5 days ago" stays 5 days ago on every run.
 */
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { createServer, type Server } from 'node:https';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { findChromium, type FoundBrowser } from '../../scripts/browsers';

export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
export const FIXTURES_DIR = join(ROOT, 'tests/fixtures');

// `chrome` exists inside the browser contexts that evaluate() runs in, not in Node
declare const chrome: any;

const MAPPED_HOSTS = ['mail.google.com', 'outlook.office.com', 'outlook.live.com'];

function pad(n: number) {
  return String(n).padStart(2, '0');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** `Thu, Aug 7, 2025, 9:14 AM` with Gmail's narrow no-break space before AM/PM. */
export function gmailDate(d: Date): string {
  const h = d.getHours() % 12 || 12;
  const ampm = d.getHours() < 12 ? 'AM' : 'PM';
  return `${DAYS[d.getDay()]}, ${MONTHS[d.getMonth()]} ${d.getDate()}, ${d.getFullYear()}, ${h}:${pad(d.getMinutes())}\u202f${ampm}`;
}

/** `Mon 8/4/2025 9:12 AM`, Outlook's en-US form. */
export function outlookDate(d: Date): string {
  const h = d.getHours() % 12 || 12;
  const ampm = d.getHours() < 12 ? 'AM' : 'PM';
  return `${DAYS[d.getDay()]} ${d.getMonth() + 1}/${d.getDate()}/${d.getFullYear()} ${h}:${pad(d.getMinutes())} ${ampm}`;
}

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Replaces `{{at:-5d|gmail}}` placeholders with dates relative to `now`. */
export function renderFixture(html: string, now = Date.now()): string {
  return html.replace(/\{\{at:(-?\d+)([mhd])\|(gmail|outlook)\}\}/g, (_, n, unit, fmt) => {
    const d = new Date(now + Number(n) * UNIT_MS[unit]);
    // minute precision, as the pages show it
    d.setSeconds(0, 0);
    return fmt === 'gmail' ? gmailDate(d) : outlookDate(d);
  });
}

export interface MailServer {
  port: number;
  /** replace what a path serves (to change the page under test) */
  setPage(path: string, html: string): void;
  close(): Promise<void>;
}

function makeCertificate(dir: string): { key: Buffer; cert: Buffer } {
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2',
      '-subj', '/CN=touchbase-test', '-addext', `subjectAltName=${MAPPED_HOSTS.map((h) => 'DNS:' + h).join(',')}`],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

/**
 * Serves `tests/fixtures/<path>` (rendered) for any host. `/mail/u/0/?fixture=gmail/x.html`
 * lets a page keep a realistic URL while choosing its fixture. `port`: a free loopback port
 * by default; the Firefox harness asks for 443, where Firefox's `network.dns.localDomains`
 * sends the mail hosts (tests/e2e/firefox/harness.ts).
 */
export async function startMailServer(opts: { port?: number } = {}): Promise<MailServer> {
  const dir = mkdtempSync(join(tmpdir(), 'touchbase-cert-'));
  const { key, cert } = makeCertificate(dir);
  const overrides = new Map<string, string>();
  const server: Server = createServer({ key, cert }, (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'https://x');
      const name = url.searchParams.get('fixture') ?? url.pathname.replace(/^\/+/, '');
      const override = overrides.get(url.pathname + url.search) ?? overrides.get(name);
      let body: string | undefined = override;
      if (body === undefined) {
        const file = normalize(join(FIXTURES_DIR, name));
        if (!file.startsWith(FIXTURES_DIR) || !existsSync(file) || !file.endsWith('.html')) {
          res.writeHead(404, { 'content-type': 'text/plain' });
          res.end('no such fixture');
          return;
        }
        body = readFileSync(file, 'utf8');
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(renderFixture(body));
    } catch (e) {
      res.writeHead(500);
      res.end(String(e));
    }
  });
  try {
    await new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(opts.port ?? 0, '127.0.0.1', () => {
        server.off('error', fail);
        ok();
      });
    });
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`the fixture server could not listen on 127.0.0.1:${opts.port ?? 0}: ${String(e)}`);
  }
  return {
    port: (server.address() as AddressInfo).port,
    setPage: (path, html) => overrides.set(path, html),
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
        rmSync(dir, { recursive: true, force: true });
      }),
  };
}

export interface Harness {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  server: MailServer;
  /** the browser it runs in */
  browser: FoundBrowser;
  close(): Promise<void>;
}

/**
 * How the extension gets into the browser. Google Chrome from 137 (and Edge, per
 * Playwright's docs) ignore `--load-extension`; the way back,
 * `--disable-features=DisableLoadExtensionCommandLineSwitch`, was a temporary kill switch
 * that stopped working around Chrome 142, and a `--disable-features` of ours would replace
 * the list Playwright passes anyway. What Chrome supports instead, since 126, is the
 * DevTools protocol's `Extensions.loadUnpacked`: it needs
 * `--enable-unsafe-extension-debugging`, the `--remote-debugging-pipe` Playwright always
 * uses, and Playwright's default `--disable-extensions` left out (with it the extension
 * "loads" but never runs). Chromium takes it the same way, so every browser loads the
 * extension like this (`'cdp'`); one too old for it (before 126) is started again with
 * the command-line switches (`'switch'`), as before.
 *
 * Headless, extensions need Chromium's "new" headless mode: that is what `--headless`
 * (Playwright's `headless: true`) gives in the full browser today. The old headless left
 * the browser in Chrome 132 and lives on only as chrome-headless-shell, which cannot run
 * extensions; the lookup's Playwright fallback is the full Chromium, never that shell.
 */
type Loading = 'cdp' | 'switch';

interface StartOptions {
  colorScheme?: 'light' | 'dark';
  headless?: boolean;
  /** the unpacked extension to load (the build, or a copy of it with a changed manifest) */
  extensionDir: string;
}

async function start(browser: FoundBrowser, profile: string, loading: Loading, serverPort: number, opts: StartOptions) {
  const dir = opts.extensionDir;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: browser.path,
    headless: opts.headless ?? true,
    colorScheme: opts.colorScheme ?? 'light',
    viewport: { width: 1280, height: 800 },
    ...(loading === 'cdp' ? { ignoreDefaultArgs: ['--disable-extensions'] } : {}),
    args: [
      ...(loading === 'cdp'
        ? ['--enable-unsafe-extension-debugging']
        : [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`]),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--ignore-certificate-errors',
      `--host-resolver-rules=${MAPPED_HOSTS.map((h) => `MAP ${h}:443 127.0.0.1:${serverPort}`).join(', ')}, EXCLUDE localhost`,
    ],
  });
  if (loading === 'switch') return { context, extensionId: undefined };
  try {
    const cdp = await context.browser()!.newBrowserCDPSession();
    const { id } = await cdp.send('Extensions.loadUnpacked', { path: dir });
    await cdp.detach();
    return { context, extensionId: id };
  } catch (e) {
    await context.close().catch(() => {});
    // before Chrome 126 the method does not exist: "'Extensions.loadUnpacked' wasn't found"
    if (/wasn't found/.test(String(e))) return null;
    throw new Error(`${browser.name} (${browser.path}) did not load the extension: ${String(e)}`);
  }
}

/**
 * `manifest`: changes a copy of the build's manifest before it is loaded (the build itself is
 * left alone). For what the browser cannot be made to do headless: a permission the
 * extension asks for at run time shows the browser's own prompt, which nobody can answer
 * here (the request stays pending), so a test that needs an optional permission granted
 * loads a copy that has it as a required one, which the browser grants at install.
 */
export async function launch(
  opts: { colorScheme?: 'light' | 'dark'; headless?: boolean; browser?: FoundBrowser; manifest?: (m: any) => void } = {},
): Promise<Harness> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`no built extension in ${EXTENSION_DIR}: run "npm run build" first`);
  }
  // throws, naming every place it looked, when there is no browser: the tests then fail
  const browser = opts.browser ?? findChromium();
  const server = await startMailServer();
  let profile = mkdtempSync(join(tmpdir(), 'touchbase-profile-'));
  let context: BrowserContext | undefined;
  let copied: string | undefined;
  try {
    if (opts.manifest) {
      copied = mkdtempSync(join(tmpdir(), 'touchbase-extension-'));
      cpSync(EXTENSION_DIR, copied, { recursive: true });
      const manifest = JSON.parse(readFileSync(join(copied, 'manifest.json'), 'utf8'));
      opts.manifest(manifest);
      writeFileSync(join(copied, 'manifest.json'), JSON.stringify(manifest));
    }
    const startOpts: StartOptions = { colorScheme: opts.colorScheme, headless: opts.headless, extensionDir: copied ?? EXTENSION_DIR };
    let started = await start(browser, profile, 'cdp', server.port, startOpts);
    if (!started) {
      rmSync(profile, { recursive: true, force: true });
      profile = mkdtempSync(join(tmpdir(), 'touchbase-profile-'));
      started = (await start(browser, profile, 'switch', server.port, startOpts))!;
    }
    context = started.context;
    const prefix = started.extensionId ? `chrome-extension://${started.extensionId}/` : 'chrome-extension://';
    // the worker may register before or after we look: poll (bounded) rather than race the event
    const ctxRef = context;
    const worker = await waitFor(
      async () => ctxRef.serviceWorkers().find((w) => w.url().startsWith(prefix)),
      `the extension's service worker to start in ${browser.name} (${browser.path})`,
      30_000,
    ) as Worker;
    const extensionId = new URL(worker.url()).host;
    const ctx = context;
    const dir = profile;
    const copy = copied;
    return {
      context: ctx,
      worker,
      extensionId,
      server,
      browser,
      close: async () => {
        await ctx.close().catch(() => {});
        await server.close();
        rmSync(dir, { recursive: true, force: true });
        if (copy) rmSync(copy, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await context?.close().catch(() => {});
    await server.close();
    rmSync(profile, { recursive: true, force: true });
    if (copied) rmSync(copied, { recursive: true, force: true });
    throw e;
  }
}

/** The badge text as the browser shows it. */
export async function badge(h: Harness): Promise<string> {
  return h.worker.evaluate(() => chrome.action.getBadgeText({}));
}

/** Polls `fn` until it returns a truthy value (bounded in time). */
export async function waitFor<T>(fn: () => Promise<T>, what: string, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < end) {
    last = await fn();
    if (last) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what} (last value: ${JSON.stringify(last)})`);
}

export async function tabIdOf(h: Harness, urlPattern: string): Promise<number> {
  return waitFor(
    () => h.worker.evaluate(async (p) => (await chrome.tabs.query({ url: p }))[0]?.id, urlPattern),
    `a tab matching ${urlPattern}`,
  );
}

/** The snapshot the background holds for a tab (from storage.session). */
export async function tabThread(h: Harness, tabId: number): Promise<any> {
  return h.worker.evaluate(async (id) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`] ?? null, tabId);
}

export async function openPanel(h: Harness, tabId?: number): Promise<Page> {
  const page = await h.context.newPage();
  const q = tabId === undefined ? '' : `?tabId=${tabId}`;
  await page.goto(`chrome-extension://${h.extensionId}/sidepanel.html${q}`);
  return page;
}
