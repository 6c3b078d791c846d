/**
 * Finds a browser on this machine for the demo, the browser tests and the benchmark, so that
 * they run on Linux, macOS and Windows with whatever Chromium-based browser (or Firefox) is
 * installed, and say clearly where they looked when there is none.
 *
 * Order: the `CHROMIUM_PATH` / `FIREFOX_PATH` environment variable (when set it must exist:
 * a wrong path stops with a message instead of quietly using another browser), then the
 * usual install places on this platform, then a browser Playwright has already downloaded
 * (`npx playwright-core install chromium`); nothing here ever downloads one.
 *
 * Kept apart from tests/e2e/harness.ts because it is tooling shared by scripts/demo.ts,
 * bench/run.ts and the browser tests, and pure (environment, platform and file test passed
 * in) so tests/scripts/browsers.test.ts checks every platform's paths on any machine.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';
import { chromium, firefox } from 'playwright-core';

export interface FoundBrowser {
  /** what it is, e.g. "Google Chrome", or "CHROMIUM_PATH" when the variable chose it */
  name: string;
  /** the executable to launch */
  path: string;
}

export interface Candidate {
  name: string;
  path: string;
}

type Env = Record<string, string | undefined>;
type Exists = (path: string) => boolean;
/** The executable Playwright would use if it had downloaded its browser (never downloads). */
type Downloaded = () => string | undefined;

/** The lookup found nothing: its message lists every place it looked and what to do. */
export class BrowserNotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BrowserNotFoundError';
  }
}

/** Windows environment names are case-insensitive (`ProgramFiles`, `PROGRAMFILES`). */
function envVar(env: Env, name: string): string | undefined {
  if (env[name]) return env[name];
  const key = Object.keys(env).find((k) => k.toLowerCase() === name.toLowerCase());
  return key ? env[key] || undefined : undefined;
}

function windowsRoots(env: Env): string[] {
  const roots = [
    envVar(env, 'PROGRAMFILES') ?? 'C:\\Program Files',
    envVar(env, 'PROGRAMFILES(X86)') ?? 'C:\\Program Files (x86)',
    envVar(env, 'LOCALAPPDATA'),
  ];
  return [...new Set(roots.filter((r): r is string => !!r))];
}

function macApps(env: Env, apps: [name: string, bundle: string, binary: string][]): Candidate[] {
  const home = env.HOME || homedir();
  // every browser in /Applications first, then the same in ~/Applications
  return ['/Applications', posix.join(home, 'Applications')].flatMap((dir) =>
    apps.map(([name, bundle, binary]) => ({ name, path: posix.join(dir, `${bundle}.app`, 'Contents/MacOS', binary) })),
  );
}

function windowsApps(env: Env, apps: [name: string, relative: string][]): Candidate[] {
  const roots = windowsRoots(env);
  // each browser in every root before the next browser, so the order is by browser
  return apps.flatMap(([name, relative]) => roots.map((root) => ({ name, path: win32.join(root, relative) })));
}

/** Where Chromium, Google Chrome (stable, beta, dev), Microsoft Edge and Brave install. */
export function chromiumCandidates(env: Env = process.env, platform: NodeJS.Platform = process.platform): Candidate[] {
  if (platform === 'darwin') {
    return macApps(env, [
      ['Chromium', 'Chromium', 'Chromium'],
      ['Google Chrome', 'Google Chrome', 'Google Chrome'],
      ['Google Chrome Beta', 'Google Chrome Beta', 'Google Chrome Beta'],
      ['Google Chrome Dev', 'Google Chrome Dev', 'Google Chrome Dev'],
      ['Google Chrome Canary', 'Google Chrome Canary', 'Google Chrome Canary'],
      ['Microsoft Edge', 'Microsoft Edge', 'Microsoft Edge'],
      ['Microsoft Edge Beta', 'Microsoft Edge Beta', 'Microsoft Edge Beta'],
      ['Microsoft Edge Dev', 'Microsoft Edge Dev', 'Microsoft Edge Dev'],
      ['Brave', 'Brave Browser', 'Brave Browser'],
    ]);
  }
  if (platform === 'win32') {
    return windowsApps(env, [
      ['Chromium', 'Chromium\\Application\\chrome.exe'],
      ['Google Chrome', 'Google\\Chrome\\Application\\chrome.exe'],
      ['Google Chrome Beta', 'Google\\Chrome Beta\\Application\\chrome.exe'],
      ['Google Chrome Dev', 'Google\\Chrome Dev\\Application\\chrome.exe'],
      ['Google Chrome Canary', 'Google\\Chrome SxS\\Application\\chrome.exe'],
      ['Microsoft Edge', 'Microsoft\\Edge\\Application\\msedge.exe'],
      ['Microsoft Edge Beta', 'Microsoft\\Edge Beta\\Application\\msedge.exe'],
      ['Microsoft Edge Dev', 'Microsoft\\Edge Dev\\Application\\msedge.exe'],
      ['Brave', 'BraveSoftware\\Brave-Browser\\Application\\brave.exe'],
    ]);
  }
  // Linux and the other Unixes
  const at = (name: string, ...paths: string[]) => paths.map((path) => ({ name, path }));
  return [
    ...at('Chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/lib/chromium/chromium', '/usr/lib/chromium-browser/chromium-browser', '/snap/bin/chromium', '/usr/local/bin/chromium'),
    ...at('Google Chrome', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/opt/google/chrome/chrome'),
    ...at('Google Chrome Beta', '/usr/bin/google-chrome-beta', '/opt/google/chrome-beta/chrome'),
    ...at('Google Chrome Dev', '/usr/bin/google-chrome-unstable', '/opt/google/chrome-unstable/chrome'),
    ...at('Microsoft Edge', '/usr/bin/microsoft-edge', '/usr/bin/microsoft-edge-stable', '/opt/microsoft/msedge/msedge'),
    ...at('Microsoft Edge Beta', '/usr/bin/microsoft-edge-beta', '/opt/microsoft/msedge-beta/msedge'),
    ...at('Microsoft Edge Dev', '/usr/bin/microsoft-edge-dev', '/opt/microsoft/msedge-dev/msedge'),
    ...at('Brave', '/usr/bin/brave-browser', '/usr/bin/brave', '/opt/brave.com/brave/brave', '/snap/bin/brave'),
  ];
}

/** Where Firefox (ESR, release, Developer Edition, Nightly) installs. */
export function firefoxCandidates(env: Env = process.env, platform: NodeJS.Platform = process.platform): Candidate[] {
  if (platform === 'darwin') {
    return macApps(env, [
      ['Firefox', 'Firefox', 'firefox'],
      ['Firefox Developer Edition', 'Firefox Developer Edition', 'firefox'],
      ['Firefox Nightly', 'Firefox Nightly', 'firefox'],
    ]);
  }
  if (platform === 'win32') {
    return windowsApps(env, [
      ['Firefox', 'Mozilla Firefox\\firefox.exe'],
      ['Firefox Developer Edition', 'Firefox Developer Edition\\firefox.exe'],
      ['Firefox Nightly', 'Firefox Nightly\\firefox.exe'],
    ]);
  }
  const at = (name: string, ...paths: string[]) => paths.map((path) => ({ name, path }));
  return [
    ...at('Firefox ESR', '/usr/bin/firefox-esr', '/usr/lib/firefox-esr/firefox-esr'),
    ...at('Firefox', '/usr/bin/firefox', '/usr/lib/firefox/firefox', '/snap/bin/firefox', '/opt/firefox/firefox', '/usr/local/bin/firefox'),
    ...at('Firefox Developer Edition', '/usr/bin/firefox-developer-edition', '/opt/firefox-developer-edition/firefox'),
    ...at('Firefox Nightly', '/usr/bin/firefox-nightly', '/opt/firefox-nightly/firefox'),
  ];
}

function playwrightPath(browser: { executablePath(): string }): string | undefined {
  try {
    return browser.executablePath();
  } catch {
    // a platform Playwright has no build for
    return undefined;
  }
}

interface Kind {
  /** "Chromium-based browser (...)", as in "No ... found" */
  what: string;
  /** "the executable of a Chromium-based browser", as in "Point it at ..." */
  executable: string;
  variable: 'CHROMIUM_PATH' | 'FIREFOX_PATH';
  candidates: Candidate[];
  downloadedName: string;
  install: string[];
}

function find(kind: Kind, env: Env, platform: NodeJS.Platform, exists: Exists, downloaded: Downloaded): FoundBrowser {
  const chosen = env[kind.variable];
  // set but empty counts as not set, as a shell's `CHROMIUM_PATH= npm run demo` means
  if (chosen) {
    const path = (platform === 'win32' ? win32 : posix).resolve(chosen);
    if (exists(path)) return { name: kind.variable, path };
    throw new BrowserNotFoundError(
      `${kind.variable} is set to "${chosen}"${path === chosen ? '' : ` (${path})`}, but there is no file there. ` +
        `Point it at ${kind.executable}, or unset it to use one installed in the usual places.`,
    );
  }
  for (const c of kind.candidates) if (exists(c.path)) return c;
  const fromPlaywright = downloaded();
  if (fromPlaywright && exists(fromPlaywright)) return { name: kind.downloadedName, path: fromPlaywright };
  const looked = [
    `  ${kind.variable} (not set)`,
    ...kind.candidates.map((c) => `  ${c.path}`),
    ...(fromPlaywright ? [`  ${fromPlaywright} (${kind.downloadedName})`] : []),
  ];
  throw new BrowserNotFoundError(
    [
      `No ${kind.what} found. Looked at:`,
      ...looked,
      'Install one:',
      ...kind.install.map((line) => `  ${line}`),
      `or set ${kind.variable} to its executable, e.g. ${kind.variable}=/path/to/browser npm run demo`,
    ].join('\n'),
  );
}

/**
 * The Chromium-based browser to run the extension in: `CHROMIUM_PATH`, else Chromium,
 * Google Chrome (stable, beta, dev, canary), Microsoft Edge or Brave where they install,
 * else Chromium downloaded by Playwright. Throws BrowserNotFoundError naming every place.
 */
export function findChromium(
  env: Env = process.env,
  platform: NodeJS.Platform = process.platform,
  exists: Exists = existsSync,
  downloaded: Downloaded = () => playwrightPath(chromium),
): FoundBrowser {
  return find(
    {
      what: 'Chromium-based browser (Chromium, Google Chrome, Microsoft Edge or Brave)',
      executable: 'the executable of a Chromium-based browser',
      variable: 'CHROMIUM_PATH',
      candidates: chromiumCandidates(env, platform),
      downloadedName: 'Chromium downloaded by Playwright',
      install: [
        'Debian: sudo apt-get install chromium; Ubuntu: sudo snap install chromium (or Google Chrome)',
        'macOS or Windows: install Google Chrome from https://www.google.com/chrome/',
        "anywhere: npx playwright-core install chromium (Playwright's own Chromium)",
      ],
    },
    env,
    platform,
    exists,
    downloaded,
  );
}

/**
 * Firefox for the Firefox browser tests: `FIREFOX_PATH`, else Firefox ESR, Firefox,
 * Developer Edition or Nightly where they install, else Firefox downloaded by Playwright
 * (a build patched for Playwright's own protocol, last because a stock Firefox is what
 * users run).
 */
export function findFirefox(
  env: Env = process.env,
  platform: NodeJS.Platform = process.platform,
  exists: Exists = existsSync,
  downloaded: Downloaded = () => playwrightPath(firefox),
): FoundBrowser {
  return find(
    {
      what: 'Firefox',
      executable: "Firefox's executable",
      variable: 'FIREFOX_PATH',
      candidates: firefoxCandidates(env, platform),
      downloadedName: 'Firefox downloaded by Playwright',
      install: [
        'Debian: sudo apt-get install firefox-esr; Ubuntu: sudo snap install firefox',
        'macOS or Windows: install Firefox from https://www.mozilla.org/firefox/',
      ],
    },
    env,
    platform,
    exists,
    downloaded,
  );
}
