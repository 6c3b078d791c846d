// @vitest-environment node
/**
 * The browser lookup on every platform, with the file system faked: a set of paths that
 * "exist", an environment, and what Playwright would have downloaded.
 */
import { describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import { BrowserNotFoundError, chromiumCandidates, findChromium, findFirefox, firefoxCandidates } from '../../scripts/browsers';

const PLAYWRIGHT_CHROMIUM = '/home/dev/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome';
const PLAYWRIGHT_FIREFOX = '/home/dev/.cache/ms-playwright/firefox-1572/firefox/firefox';
const only = (...paths: string[]) => (p: string) => paths.includes(p);
const nothing = () => false;
const notDownloaded = () => PLAYWRIGHT_CHROMIUM;

const WINDOWS_ENV = {
  ProgramFiles: 'C:\\Program Files',
  'ProgramFiles(x86)': 'C:\\Program Files (x86)',
  LOCALAPPDATA: 'C:\\Users\\dev\\AppData\\Local',
};

function lookupError(f: () => unknown): BrowserNotFoundError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(BrowserNotFoundError);
    return e as BrowserNotFoundError;
  }
  throw new Error('the lookup found a browser');
}

describe('findChromium on Linux', () => {
  it("finds Debian's Chromium first", () => {
    expect(findChromium({}, 'linux', only('/usr/bin/chromium', '/usr/bin/google-chrome'), notDownloaded)).toEqual({ name: 'Chromium', path: '/usr/bin/chromium' });
  });

  it.each([
    ['/usr/bin/chromium-browser', 'Chromium'],
    ['/usr/lib/chromium/chromium', 'Chromium'],
    ['/snap/bin/chromium', 'Chromium'],
    ['/usr/bin/google-chrome', 'Google Chrome'],
    ['/usr/bin/google-chrome-stable', 'Google Chrome'],
    ['/opt/google/chrome/chrome', 'Google Chrome'],
    ['/usr/bin/google-chrome-beta', 'Google Chrome Beta'],
    ['/usr/bin/google-chrome-unstable', 'Google Chrome Dev'],
    ['/usr/bin/microsoft-edge', 'Microsoft Edge'],
    ['/usr/bin/brave-browser', 'Brave'],
  ])('finds %s (%s) when it is the only browser', (path, name) => {
    expect(findChromium({}, 'linux', only(path), notDownloaded)).toEqual({ name, path });
  });

  it('prefers Chromium, then Google Chrome, then Edge, then Brave', () => {
    const all = only('/usr/bin/brave-browser', '/usr/bin/microsoft-edge', '/usr/bin/google-chrome');
    expect(findChromium({}, 'linux', all, notDownloaded).name).toBe('Google Chrome');
    expect(findChromium({}, 'linux', only('/usr/bin/brave-browser', '/usr/bin/microsoft-edge'), notDownloaded).name).toBe('Microsoft Edge');
  });

  it('uses the same list on the other Unixes', () => {
    expect(findChromium({}, 'freebsd', only('/usr/local/bin/chromium'), notDownloaded).path).toBe('/usr/local/bin/chromium');
  });
});

describe('findChromium on macOS', () => {
  const env = { HOME: '/Users/dev' };

  it('finds Google Chrome in /Applications', () => {
    const path = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(findChromium(env, 'darwin', only(path), notDownloaded)).toEqual({ name: 'Google Chrome', path });
  });

  it('prefers Chromium to Google Chrome', () => {
    const exists = only('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium');
    expect(findChromium(env, 'darwin', exists, notDownloaded).name).toBe('Chromium');
  });

  it.each([
    ['/Applications/Google Chrome Beta.app/Contents/MacOS/Google Chrome Beta', 'Google Chrome Beta'],
    ['/Applications/Google Chrome Dev.app/Contents/MacOS/Google Chrome Dev', 'Google Chrome Dev'],
    ['/Applications/Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary', 'Google Chrome Canary'],
    ['/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge', 'Microsoft Edge'],
    ['/Applications/Brave Browser.app/Contents/MacOS/Brave Browser', 'Brave'],
  ])('finds %s', (path, name) => {
    expect(findChromium(env, 'darwin', only(path), notDownloaded)).toEqual({ name, path });
  });

  it('looks in ~/Applications after /Applications', () => {
    const mine = '/Users/dev/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(findChromium(env, 'darwin', only(mine), notDownloaded).path).toBe(mine);
    const theirs = '/Applications/Brave Browser.app/Contents/MacOS/Brave Browser';
    expect(findChromium(env, 'darwin', only(mine, theirs), notDownloaded).path).toBe(theirs);
  });

  it('does not look at Linux paths', () => {
    expect(chromiumCandidates(env, 'darwin').every((c) => c.path.includes('.app/Contents/MacOS/'))).toBe(true);
  });
});

describe('findChromium on Windows', () => {
  it('finds Google Chrome under Program Files', () => {
    const path = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe';
    expect(findChromium(WINDOWS_ENV, 'win32', only(path), notDownloaded)).toEqual({ name: 'Google Chrome', path });
  });

  it('finds Google Chrome under Program Files (x86) and a per-user install under LOCALAPPDATA', () => {
    const x86 = 'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe';
    expect(findChromium(WINDOWS_ENV, 'win32', only(x86), notDownloaded).path).toBe(x86);
    const user = 'C:\\Users\\dev\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
    expect(findChromium(WINDOWS_ENV, 'win32', only(user), notDownloaded).path).toBe(user);
  });

  it.each([
    ['C:\\Users\\dev\\AppData\\Local\\Chromium\\Application\\chrome.exe', 'Chromium'],
    ['C:\\Users\\dev\\AppData\\Local\\Google\\Chrome SxS\\Application\\chrome.exe', 'Google Chrome Canary'],
    ['C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe', 'Microsoft Edge'],
    ['C:\\Program Files\\BraveSoftware\\Brave-Browser\\Application\\brave.exe', 'Brave'],
  ])('finds %s', (path, name) => {
    expect(findChromium(WINDOWS_ENV, 'win32', only(path), notDownloaded)).toEqual({ name, path });
  });

  it('reads the variables whatever their case, and other drives', () => {
    const env = { PROGRAMFILES: 'D:\\Apps', 'PROGRAMFILES(X86)': 'D:\\Apps86', LocalAppData: 'D:\\Users\\dev\\Local' };
    const path = 'D:\\Users\\dev\\Local\\Google\\Chrome\\Application\\chrome.exe';
    expect(findChromium(env, 'win32', only(path), notDownloaded).path).toBe(path);
    expect(chromiumCandidates(env, 'win32').map((c) => c.path)).toContain('D:\\Apps86\\Microsoft\\Edge\\Application\\msedge.exe');
  });

  it('falls back to the usual Program Files folders when the variables are missing', () => {
    const paths = chromiumCandidates({}, 'win32').map((c) => c.path);
    expect(paths).toContain('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
    expect(paths).toContain('C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe');
  });
});

describe('CHROMIUM_PATH', () => {
  it('wins over every install place when the file is there', () => {
    const env = { CHROMIUM_PATH: '/opt/my/chrome' };
    expect(findChromium(env, 'linux', only('/opt/my/chrome', '/usr/bin/chromium'), notDownloaded)).toEqual({ name: 'CHROMIUM_PATH', path: '/opt/my/chrome' });
  });

  it('works with a Windows path', () => {
    const env = { ...WINDOWS_ENV, CHROMIUM_PATH: 'E:\\Portable\\chrome.exe' };
    expect(findChromium(env, 'win32', only('E:\\Portable\\chrome.exe'), notDownloaded).path).toBe('E:\\Portable\\chrome.exe');
  });

  it('stops with a message when set to a missing file, instead of using another browser', () => {
    const env = { CHROMIUM_PATH: '/opt/nowhere/chrome' };
    const e = lookupError(() => findChromium(env, 'linux', only('/usr/bin/chromium', PLAYWRIGHT_CHROMIUM), notDownloaded));
    expect(e.message).toContain('CHROMIUM_PATH is set to "/opt/nowhere/chrome", but there is no file there');
    expect(e.message).toContain('unset it');
  });

  it('counts as not set when empty', () => {
    expect(findChromium({ CHROMIUM_PATH: '' }, 'linux', only('/usr/bin/chromium'), notDownloaded).path).toBe('/usr/bin/chromium');
  });
});

describe("Playwright's Chromium", () => {
  it('is used when nothing is installed and Playwright has downloaded it', () => {
    expect(findChromium({}, 'linux', only(PLAYWRIGHT_CHROMIUM), () => PLAYWRIGHT_CHROMIUM)).toEqual({ name: 'Chromium downloaded by Playwright', path: PLAYWRIGHT_CHROMIUM });
  });

  it('comes after every installed browser', () => {
    expect(findChromium({}, 'linux', only(PLAYWRIGHT_CHROMIUM, '/usr/bin/brave-browser'), () => PLAYWRIGHT_CHROMIUM).name).toBe('Brave');
  });

  it('is skipped when Playwright has no build for the platform', () => {
    const e = lookupError(() => findChromium({}, 'linux', nothing, () => undefined));
    expect(e.message).not.toContain('downloaded by Playwright');
  });

  it('asks playwright-core where its download would be without downloading (the real default)', () => {
    const e = lookupError(() => findChromium({}, 'linux', nothing));
    expect(e.message).toContain(`${chromium.executablePath()} (Chromium downloaded by Playwright)`);
  });
});

describe('when no Chromium-based browser is found', () => {
  it.each([
    ['linux', {}],
    ['darwin', { HOME: '/Users/dev' }],
    ['win32', WINDOWS_ENV],
  ] as const)('on %s the message names CHROMIUM_PATH, every place looked at, and how to install one', (platform, env) => {
    const e = lookupError(() => findChromium(env, platform, nothing, notDownloaded));
    expect(e.message).toMatch(/^No Chromium-based browser/);
    expect(e.message).toContain('CHROMIUM_PATH (not set)');
    for (const c of chromiumCandidates(env, platform)) expect(e.message).toContain(`  ${c.path}\n`);
    expect(e.message).toContain(`${PLAYWRIGHT_CHROMIUM} (Chromium downloaded by Playwright)`);
    expect(e.message).toContain('sudo apt-get install chromium');
    expect(e.message).toContain('macOS or Windows: install Google Chrome');
    expect(e.message).toContain('set CHROMIUM_PATH');
  });

  it('lists the Linux places the issue names', () => {
    const e = lookupError(() => findChromium({}, 'linux', nothing, notDownloaded));
    for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/lib/chromium/chromium', '/snap/bin/chromium', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/usr/bin/google-chrome-beta', '/usr/bin/google-chrome-unstable', '/opt/google/chrome/chrome', '/usr/bin/microsoft-edge', '/usr/bin/brave-browser']) {
      expect(e.message).toContain(`  ${p}\n`);
    }
  });
});

describe('findFirefox', () => {
  it("finds Debian's Firefox ESR first on Linux", () => {
    expect(findFirefox({}, 'linux', only('/usr/bin/firefox', '/usr/bin/firefox-esr'), () => PLAYWRIGHT_FIREFOX)).toEqual({ name: 'Firefox ESR', path: '/usr/bin/firefox-esr' });
    expect(findFirefox({}, 'linux', only('/usr/bin/firefox', '/snap/bin/firefox'), () => PLAYWRIGHT_FIREFOX).path).toBe('/usr/bin/firefox');
    expect(findFirefox({}, 'linux', only('/snap/bin/firefox'), () => PLAYWRIGHT_FIREFOX).path).toBe('/snap/bin/firefox');
  });

  it('finds Firefox, Developer Edition and Nightly on macOS', () => {
    const env = { HOME: '/Users/dev' };
    const release = '/Applications/Firefox.app/Contents/MacOS/firefox';
    const dev = '/Applications/Firefox Developer Edition.app/Contents/MacOS/firefox';
    const nightly = '/Users/dev/Applications/Firefox Nightly.app/Contents/MacOS/firefox';
    expect(findFirefox(env, 'darwin', only(release, dev), () => undefined)).toEqual({ name: 'Firefox', path: release });
    expect(findFirefox(env, 'darwin', only(dev), () => undefined).name).toBe('Firefox Developer Edition');
    expect(findFirefox(env, 'darwin', only(nightly), () => undefined).name).toBe('Firefox Nightly');
  });

  it('finds Mozilla Firefox on Windows', () => {
    const path = 'C:\\Program Files\\Mozilla Firefox\\firefox.exe';
    expect(findFirefox(WINDOWS_ENV, 'win32', only(path), () => undefined)).toEqual({ name: 'Firefox', path });
    const x86 = 'C:\\Program Files (x86)\\Mozilla Firefox\\firefox.exe';
    expect(findFirefox(WINDOWS_ENV, 'win32', only(x86), () => undefined).path).toBe(x86);
  });

  it('takes FIREFOX_PATH first, and stops when it is missing', () => {
    expect(findFirefox({ FIREFOX_PATH: '/opt/ff/firefox' }, 'linux', only('/opt/ff/firefox', '/usr/bin/firefox-esr'), () => undefined)).toEqual({ name: 'FIREFOX_PATH', path: '/opt/ff/firefox' });
    const e = lookupError(() => findFirefox({ FIREFOX_PATH: '/opt/ff/firefox' }, 'linux', only('/usr/bin/firefox-esr'), () => undefined));
    expect(e.message).toContain('FIREFOX_PATH is set to "/opt/ff/firefox", but there is no file there');
  });

  it("falls back to Playwright's Firefox, then names every place and FIREFOX_PATH", () => {
    expect(findFirefox({}, 'linux', only(PLAYWRIGHT_FIREFOX), () => PLAYWRIGHT_FIREFOX).name).toBe('Firefox downloaded by Playwright');
    const e = lookupError(() => findFirefox({}, 'linux', nothing, () => PLAYWRIGHT_FIREFOX));
    expect(e.message).toMatch(/^No Firefox found/);
    for (const c of firefoxCandidates({}, 'linux')) expect(e.message).toContain(`  ${c.path}\n`);
    expect(e.message).toContain('FIREFOX_PATH (not set)');
    expect(e.message).toContain('set FIREFOX_PATH');
    expect(e.message).toContain('apt-get install firefox-esr');
  });
});
