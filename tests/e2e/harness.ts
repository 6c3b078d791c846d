/**
 * Runs the built extension (.output/chrome-mv3) in the system Chromium, headless, with
 * fixture mail pages served over HTTPS on loopback under the real mail hosts: Chromium's
 * host resolver maps mail.google.com and outlook.office.com to our server, so the
 * production manifest's `matches` apply unchanged. A throw-away certificate is made with
 * openssl for each run. If Chromium cannot start, the tests fail: they never skip.
 *
 * Fixture pages may hold date placeholders, `{{at:-5d}}` / `{{at:-2h}}` / `{{at:-30m}}`
 * followed by `|gmail` or `|outlook`, replaced at request time with that moment written
 * the way the provider shows it, so "5 days ago" stays 5 days ago on every run.
 */
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { createServer, type Server } from 'node:https';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
export const FIXTURES_DIR = join(ROOT, 'tests/fixtures');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

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
 * lets a page keep a realistic URL while choosing its fixture.
 */
export async function startMailServer(): Promise<MailServer> {
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
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
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
  close(): Promise<void>;
}

export async function launch(opts: { colorScheme?: 'light' | 'dark'; headless?: boolean } = {}): Promise<Harness> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`no built extension in ${EXTENSION_DIR}: run "npm run build" first`);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (install Debian's chromium)`);
  const server = await startMailServer();
  const profile = mkdtempSync(join(tmpdir(), 'touchbase-profile-'));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: opts.headless ?? true,
      colorScheme: opts.colorScheme ?? 'light',
      viewport: { width: 1280, height: 800 },
      args: [
        `--disable-extensions-except=${EXTENSION_DIR}`,
        `--load-extension=${EXTENSION_DIR}`,
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--ignore-certificate-errors',
        `--host-resolver-rules=${MAPPED_HOSTS.map((h) => `MAP ${h}:443 127.0.0.1:${server.port}`).join(', ')}, EXCLUDE localhost`,
      ],
    });
    // the worker may register before or after we look: poll (bounded) rather than race the event
    const ctxRef = context;
    const worker = await waitFor(
      async () => ctxRef.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')),
      "the extension's service worker to start",
      30_000,
    ) as Worker;
    const extensionId = new URL(worker.url()).host;
    const ctx = context;
    return {
      context: ctx,
      worker,
      extensionId,
      server,
      close: async () => {
        await ctx.close().catch(() => {});
        await server.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await context?.close().catch(() => {});
    await server.close();
    rmSync(profile, { recursive: true, force: true });
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
