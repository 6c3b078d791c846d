/**
 * `npm run bench`: measures the built extension where it runs, in real Chromium (the
 * browser-test harness), and prints a table, writes bench/results.json, and exits
 * non-zero when a metric misses its budget. `--smoke` runs every measurement on tiny
 * sizes without budgets, so the benchmark cannot rot (it is part of `npm test`).
 * Methods are described in BENCHMARKS.md.
 */
import { build } from 'esbuild';
import { readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { launch, ROOT, EXTENSION_DIR, FIXTURES_DIR, tabIdOf, tabThread, openPanel, waitFor, type Harness } from '../tests/e2e/harness';
import { BrowserNotFoundError } from '../scripts/browsers';
import type { Page } from 'playwright-core';
import { startCouchServer } from '../tests/support/couch-server';

const smoke = process.argv.includes('--smoke');
/** `--only=database,firstPaint`: run these steps alone (a quick look; no results.json is written) */
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const STEPS = ['readers', 'reread', 'peers', 'snapshot', 'database', 'firstPaint', 'sync'];
const unknownSteps = only?.filter((s) => !STEPS.includes(s)) ?? [];
if (only && (unknownSteps.length || !only.length)) {
  console.error(`--only takes steps among ${STEPS.join(', ')}; not: ${unknownSteps.join(', ') || '(none given)'}`);
  process.exit(2);
}
const step = (name: string) => !only || only.includes(name);
const SIZES = smoke
  ? { clients: 200, touchpoints: 2_000, runs: 5, rereadWindows: 3, panelRuns: 3, seedRuns: 1 }
  : { clients: 10_000, touchpoints: 200_000, runs: 25, rereadWindows: 3, panelRuns: 9, seedRuns: 3 };

type Metric = { value: number; unit: 'ms' | 's' | 'KB' | 'records/s' | 'x'; budget: number | null; min?: boolean };
const metrics: Record<string, Metric> = {};
const put = (name: string, value: number, unit: Metric['unit'], budget: number | null, min = false) => {
  metrics[name] = { value: Math.round(value * 1000) / 1000, unit, budget, ...(min ? { min } : {}) };
};
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const kb = (bytes: number) => bytes / 1000;

/** What Gmail does when another thread opens, on the e2e Gmail fixture: the view swaps and the hash changes. */
async function openThread(page: Page, p: { name: string; email: string; thread: string }) {
  await page.evaluate((p) => {
    const h2 = document.querySelector('h2.hP')!;
    h2.setAttribute('data-thread-perm-id', p.thread);
    h2.textContent = `Thread with ${p.name}`;
    const sender = document.querySelectorAll('span.gD')[1];
    sender.setAttribute('email', p.email);
    sender.setAttribute('name', p.name);
    location.hash = `#inbox/${p.thread}`;
  }, p);
}

async function bundle(entry: string, globalName: string): Promise<string> {
  const r = await build({ entryPoints: [join(ROOT, entry)], bundle: true, format: 'iife', globalName, write: false, minify: true, platform: 'browser', logLevel: 'silent' });
  return r.outputFiles[0].text;
}

/** the built content scripts, as the manifest declares them (lib/mail/hosts.ts) */
const CONTENT_SCRIPTS: string[] = (JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')).content_scripts as { js: string[] }[]).flatMap((c) => c.js);

function sizes() {
  if (!CONTENT_SCRIPTS.length) throw new Error('the manifest declares no content script');
  const largest = Math.max(...CONTENT_SCRIPTS.map((f) => statSync(join(EXTENSION_DIR, f)).size));
  put('content_script_kb', kb(largest), 'KB', 15);
  // the side panel's JavaScript: its entry script and every chunk it preloads
  const html = readFileSync(join(EXTENSION_DIR, 'sidepanel.html'), 'utf8');
  const files = new Set([...html.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((m) => m[1].replace(/^\//, '')));
  const total = [...files].reduce((a, f) => a + statSync(join(EXTENSION_DIR, f)).size, 0);
  put('sidepanel_js_kb', kb(total), 'KB', 450);
}

async function readers(h: Harness) {
  const extra: number[] = [];
  for (const [provider, host, fixture, entry] of [
    ['gmail', 'https://mail.google.com/mail/u/0/', 'gmail/thread-25.html', 'lib/mail/gmail.ts'],
    ['outlook', 'https://outlook.office.com/mail/', 'outlook/thread-25.html', 'lib/mail/outlook.ts'],
  ] as const) {
    const page = await h.context.newPage();
    await page.goto(`${host}?fixture=${fixture}`);
    await page.addScriptTag({ content: await bundle(entry, '__tbReader') });
    const fn = provider === 'gmail' ? 'readGmailThread' : 'readOutlookThread';
    const times = await page.evaluate(
      ({ fn, runs }) => {
        const read = (globalThis as any).__tbReader[fn] as (d: Document) => { messages: unknown[] } | null;
        const out: number[] = [];
        for (let i = 0; i < 20; i++) read(document);
        for (let i = 0; i < runs; i++) {
          const t = performance.now();
          const s = read(document);
          out.push(performance.now() - t);
          if (!s || s.messages.length < 20) throw new Error('the reader did not read the 25-message fixture');
        }
        return out;
      },
      { fn, runs: smoke ? 20 : 200 },
    );
    put(`${provider}_read_ms`, median(times), 'ms', 2);
    // the same page with hostile sizes where the reader looks: a 100,000-character name or
    // label on every sender, a subject and a recipient line of 100,000 characters
    const hostile = await page.evaluate(
      ({ fn, runs }) => {
        const huge = 'x'.repeat(100_000);
        for (const el of document.querySelectorAll('span.gD, span.o4zjZ')) {
          el.setAttribute('name', huge);
          el.setAttribute('aria-label', `From: ${huge}`);
        }
        document.querySelector('h2.hP, [role="heading"]')?.append(huge);
        document.querySelector('span.hb, [data-testid="RecipientWell"]')?.append(` ${huge}@`);
        const read = (globalThis as any).__tbReader[fn] as (d: Document) => unknown;
        for (let i = 0; i < 20; i++) read(document);
        const out: number[] = [];
        for (let i = 0; i < runs; i++) {
          const t = performance.now();
          read(document);
          out.push(performance.now() - t);
        }
        return out;
      },
      { fn, runs: smoke ? 20 : 200 },
    );
    extra.push(median(hostile) - median(times));
    await page.close();
  }
  // issue 14: hostile input costs a read at most 2 ms more than the page without it
  put('hostile_read_extra_ms', Math.max(...extra), 'ms', 2);
}

/** the list fixtures whose visible rows make the 100-row lists, and where their rows are */
const LISTS = {
  gmail: { fixture: 'gmail/list-inbox-en-us.html', rows: '.bkK tr.zA', into: '.bkK tbody' },
  outlook: { fixture: 'outlook/list-inbox-en-us.html', rows: '#MailList [role="option"][data-convid]', into: '#MailList [role="listbox"]' },
} as const;
const LIST_ROWS = 100;

/**
 * Runs in the page: fills `into` (after putting `wrapper` at the start of it, when given, and
 * filling the wrapper's `tbody` instead) with `n` rows, the visible rows of a list fixture
 * (`html`) taken in turn, each made its own conversation (its thread ids and addresses
 * suffixed with its number), so a reader finds `n` different rows.
 */
function growList(a: { html: string; rows: string; into: string; n: number; wrapper?: string }): number {
  const src = new DOMParser().parseFromString(a.html, 'text/html');
  const rows = [...src.querySelectorAll(a.rows)];
  let into = document.querySelector(a.into)!;
  if (a.wrapper) {
    into.insertAdjacentHTML('afterbegin', a.wrapper);
    into = into.querySelector('tbody')!;
  }
  const out: Node[] = [];
  for (let i = 0; i < a.n; i++) {
    const row = document.importNode(rows[i % rows.length], true) as Element;
    for (const el of [row, ...row.querySelectorAll('*')]) {
      for (const name of ['data-thread-id', 'data-legacy-thread-id', 'data-convid']) {
        const v = el.getAttribute(name);
        if (v) el.setAttribute(name, `${v}${i}`);
      }
      for (const name of ['email', 'data-hovercard-id', 'title']) {
        const v = el.getAttribute(name);
        if (v?.includes('@')) el.setAttribute(name, v.replace(/([\w.+-]+)@/, `$1.r${i}@`));
      }
    }
    out.push(row);
  }
  into.replaceChildren(...out);
  return out.length;
}

/** the list readers on a list fixture grown to 100 rows, in the page, as the thread readers above */
async function listReaders(h: Harness) {
  for (const [provider, host, entry, fn] of [
    ['gmail', 'https://mail.google.com/mail/u/0/', 'lib/mail/gmail-list.ts', 'readGmailList'],
    ['outlook', 'https://outlook.office.com/mail/', 'lib/mail/outlook-list.ts', 'readOutlookList'],
  ] as const) {
    const list = LISTS[provider];
    const page = await h.context.newPage();
    await page.goto(`${host}?fixture=${list.fixture}`);
    await page.evaluate(growList, { html: readFileSync(join(FIXTURES_DIR, list.fixture), 'utf8'), rows: list.rows, into: list.into, n: LIST_ROWS });
    await page.addScriptTag({ content: await bundle(entry, '__tbListReader') });
    const times = await page.evaluate(
      ({ fn, runs, n }) => {
        const read = (globalThis as any).__tbListReader[fn] as (d: Document) => { rows: { participants: unknown[] }[] } | null;
        const out: number[] = [];
        for (let i = 0; i < 20; i++) read(document);
        for (let i = 0; i < runs; i++) {
          const t = performance.now();
          const s = read(document);
          out.push(performance.now() - t);
          if (s?.rows.length !== n || s.rows.some((r) => !r.participants.length)) throw new Error(`the list reader did not read the ${n}-row list`);
        }
        return out;
      },
      { fn, runs: smoke ? 20 : 200, n: LIST_ROWS },
    );
    put(`${provider}_list_read_ms`, median(times), 'ms', 2);
    await page.close();
  }
}

type TraceEvent = { name: string; ph: string; ts: number; dur?: number; tid: number; args?: { data?: { url?: string } } };

/**
 * Content-script main-thread time per minute while a page script changes the mail root every
 * `periodMs`: 50 ms is the issue's steady stream; 300 ms is a burst with pauses, like someone
 * typing a reply, which is what the watcher's gap after a read that found nothing new is for.
 * The page is the 25-message thread with a 100-row list beside it in `[role=main]` (as in
 * Gmail's split view, and always in Outlook), so the content script reads both. The stream
 * adds and removes elements beside the list (`where: 'beside'`: a clock, a chat list, the
 * thread), or changes an attribute of one list row after another, which no reader reads
 * (`'list'`: a list that keeps changing without changing what it says, so every read
 * reads the list again too).
 *
 * Measured with Chrome's trace (the devtools.timeline category): the wall time of every call
 * into the content script (timer tasks, mutation callbacks, event listeners), outermost calls
 * only. A sampling profile was tried first and undercounts: the DOM calls a script makes show
 * up as native frames without its URL, and the call into the script's world is not counted.
 */
/** What a busy-page or load measurement runs: a page with the script(s) under test on it. */
interface Subject {
  /** opens the Gmail thread fixture in `page`, with the scripts under test running */
  open(page: Page): Promise<void>;
  /** whether a trace event of this script URL is the subject's */
  isOurs(url: string): boolean;
  /** a trace with no call into it is an error: it must be working (ours; a peer only loaded may rest) */
  mustBeSeen?: boolean;
}

/** Touchbase: the extension's own content script, on the fixture under mail.google.com. */
const touchbase = (h: Harness): Subject => ({
  async open(page) {
    await page.goto('https://mail.google.com/mail/u/0/?fixture=gmail/thread-25.html');
    const tabId = await tabIdOf(h, 'https://mail.google.com/*');
    await waitFor(async () => (await tabThread(h, tabId))?.snapshot, 'the first snapshot');
  },
  isOurs: (url) => CONTENT_SCRIPTS.some((f) => url.endsWith(`/${f}`)),
  mustBeSeen: true,
});

/** The main-thread wall time of the calls into `isOurs` scripts in `events`, outermost calls only. */
function ourTime(events: TraceEvent[], names: string[], isOurs: (url: string) => boolean): number {
  const calls = events
    .filter((e) => names.includes(e.name) && e.ph === 'X' && isOurs(String(e.args?.data?.url ?? '')))
    .sort((a, b) => a.ts - b.ts);
  // a call made inside another of ours (a listener our own code set off) is counted once
  const endOf = new Map<number, number>();
  let us = 0;
  for (const c of calls) {
    if (c.ts < (endOf.get(c.tid) ?? 0)) continue;
    us += c.dur ?? 0;
    endOf.set(c.tid, c.ts + (c.dur ?? 0));
  }
  return us / 1000;
}

/** Runs `during` under Chrome's trace (devtools.timeline) and gives back the events. */
async function traced(h: Harness, page: Page, during: () => Promise<void>): Promise<TraceEvent[]> {
  const cdp = await h.context.newCDPSession(page);
  const events: TraceEvent[] = [];
  // playwright-core types CDP events only for its own names
  const on = cdp.on.bind(cdp) as unknown as (event: string, listener: (e: { value: TraceEvent[] }) => void) => void;
  on('Tracing.dataCollected', (e) => events.push(...e.value));
  const complete = new Promise<void>((done) => on('Tracing.tracingComplete', () => done()));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'v8'], excludedCategories: ['*'] }, transferMode: 'ReportEvents' });
  await during();
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  return events;
}

async function rereadCost(
  h: Harness, name: string, periodMs: number, warmupS: number, windowS: number, where: 'beside' | 'list', budget: number | null,
  subject: Subject = touchbase(h),
) {
  const page = await h.context.newPage();
  await subject.open(page);
  const list = LISTS.gmail;
  await page.evaluate(growList, {
    html: readFileSync(join(FIXTURES_DIR, list.fixture), 'utf8'),
    rows: list.rows,
    into: '[role="main"]',
    wrapper: '<div class="ae4 UI" gh="tl"><table class="F cf zt" role="grid"><tbody></tbody></table></div>',
    n: LIST_ROWS,
  });
  if ((await page.locator('[role="main"] tr.zA').count()) !== LIST_ROWS) throw new Error('the busy page has no 100-row list');
  // the content script reads and sends the new list once the page is quiet (200 ms): its
  // first read of the list, a one-off, comes before the stream and the warm-up
  await page.waitForTimeout(1500);
  await page.evaluate(
    ({ periodMs, where }) => {
      const main = document.querySelector('[role="main"]')!;
      const rows = main.querySelectorAll('tr.zA');
      let n = 0;
      (globalThis as any).__mutator = setInterval(() => {
        // a row's own title: the root's observer hears it, no reader reads it
        if (where === 'list') return rows[n % rows.length].setAttribute('title', `tick ${n++}`);
        const row = document.createElement('div');
        row.className = 'zA';
        row.textContent = `row ${n++}`;
        main.appendChild(row);
        if (main.children.length > 40) main.children[main.children.length - 2].remove();
      }, periodMs);
    },
    { periodMs, where },
  );
  // warm-up: the first reads and the page's own start-up are not the steady state
  await page.waitForTimeout(smoke ? 500 : warmupS * 1000);
  const seconds = smoke ? 1 : windowS;
  const perMinute: number[] = [];
  for (let w = 0; w < SIZES.rereadWindows; w++) {
    const events = await traced(h, page, () => page.waitForTimeout(seconds * 1000));
    if (subject.mustBeSeen && !smoke && !events.some((e) => e.name === 'FunctionCall' && subject.isOurs(String(e.args?.data?.url ?? '')))) {
      throw new Error('the trace has no call into the content script: is it running?');
    }
    perMinute.push(ourTime(events, ['FunctionCall'], subject.isOurs) * (60 / seconds));
  }
  await page.evaluate(() => clearInterval((globalThis as any).__mutator));
  console.log(`${name} per window: ${perMinute.map((x) => x.toFixed(1)).join(', ')}`);
  put(name, median(perMinute), 'ms', budget);
  await page.close();
}

// ------------------------------------------------------------------ peers

/**
 * The libraries other Gmail extensions build on, bundled as an extension ships them (the
 * entries in bench/peers/ say what each is given to do), minified like our content scripts.
 * They are measured on the same Gmail thread fixture, served by the test browser itself
 * (Playwright's routing) under an address no content script of ours matches, with the
 * bundle loaded as a script at the end of the page, where a content script at
 * `document_idle` runs.
 */
const PEERS = [
  { key: 'inboxsdk', name: '@inboxsdk/core', entry: 'bench/peers/inboxsdk.ts' },
  { key: 'gmailjs', name: 'gmail-js (with jQuery)', entry: 'bench/peers/gmail-js.ts' },
] as const;
const PEER_ORIGIN = 'https://peer.bench.invalid';

async function peerBundle(entry: string): Promise<string> {
  const r = await build({
    entryPoints: [join(ROOT, entry)], bundle: true, format: 'iife', write: false, minify: true, platform: 'browser', logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  return r.outputFiles[0].text;
}

/** The Gmail thread fixture at PEER_ORIGIN, with `script` (a path there) loaded at its end. */
function peerSubject(scripts: Map<string, string>, script: string | null): Subject {
  const html = readFileSync(join(FIXTURES_DIR, 'gmail/thread-25.html'), 'utf8');
  const page = script ? html.replace(/<\/body>/i, `<script src="${script}"></script></body>`) : html;
  return {
    async open(p) {
      await p.route(`${PEER_ORIGIN}/**`, (route) => {
        const path = new URL(route.request().url()).pathname;
        const js = scripts.get(path);
        return route.fulfill(js === undefined ? { contentType: 'text/html', body: page } : { contentType: 'application/javascript', body: js });
      });
      await p.goto(`${PEER_ORIGIN}/mail/u/0/#inbox/18fa0000000001`);
    },
    isOurs: (url) => script !== null && url === `${PEER_ORIGIN}${script}`,
  };
}

/**
 * What loading a script costs the page: main-thread time to parse and first run it (every
 * trace event of its URL from navigation until 1.5 s after, outermost only), and the
 * JavaScript heap it keeps (the isolate's, which holds every world, after a garbage
 * collection, less the same page without it; for our content script, less the page with an
 * empty world of its own, which is where a content script runs: the peers are loaded into
 * the page's world). Median of several fresh pages.
 */
async function loadCost(
  h: Harness, subject: Subject, baseline: Subject, opts: { baselineWorld?: boolean } = {},
): Promise<{ ms: number; heapKb: number }> {
  const heapOf = async (s: Subject, emptyWorld = false) => {
    const page = await h.context.newPage();
    let ms = 0;
    const events = await traced(h, page, async () => {
      await s.open(page);
      await page.waitForTimeout(1500);
    });
    ms = ourTime(events, ['EvaluateScript', 'v8.compile', 'v8.run', 'FunctionCall', 'TimerFire', 'FireAnimationFrame'], s.isOurs);
    const cdp = await h.context.newCDPSession(page);
    if (emptyWorld) {
      // a content script runs in a world of its own, whose globals cost the same to any
      // extension: the baseline has one, empty, so only what the script keeps is counted
      const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
      const { executionContextId } = (await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'bench-empty-world' })) as { executionContextId: number };
      await cdp.send('Runtime.evaluate', { expression: 'globalThis.__empty = 1', contextId: executionContextId });
    }
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    await cdp.detach();
    await page.close();
    return { ms, heap: usedSize };
  };
  const ms: number[] = [];
  const heap: number[] = [];
  for (let i = 0; i < (smoke ? 2 : 7); i++) {
    const base = await heapOf(baseline, opts.baselineWorld);
    const r = await heapOf(subject);
    ms.push(r.ms);
    heap.push(r.heap - base.heap);
  }
  return { ms: median(ms), heapKb: kb(median(heap)) };
}

async function peers(h: Harness) {
  const scripts = new Map<string, string>();
  for (const p of PEERS) scripts.set(`/__peer/${p.key}.js`, await peerBundle(p.entry));
  const baseline = peerSubject(scripts, null);
  // ours: the Gmail content script as built, on the same fixture under mail.google.com
  const ours = readFileSync(join(EXTENSION_DIR, CONTENT_SCRIPTS.find((f) => f.startsWith('gmail'))!));
  put('content_script_gzip_kb', kb(gzipSync(ours, { level: 9 }).length), 'KB', null);
  const own = await loadCost(h, touchbase(h), baseline, { baselineWorld: true });
  put('content_script_load_ms', own.ms, 'ms', null);
  put('content_script_heap_kb', own.heapKb, 'KB', null);
  put('content_script_busy_ms_per_min', metrics.reread_cost_ms_per_min.value, 'ms', null);
  for (const p of PEERS) {
    const path = `/__peer/${p.key}.js`;
    const js = Buffer.from(scripts.get(path)!);
    put(`peer_${p.key}_kb`, kb(js.length), 'KB', null);
    put(`peer_${p.key}_gzip_kb`, kb(gzipSync(js, { level: 9 }).length), 'KB', null);
    const subject = peerSubject(scripts, path);
    const r = await loadCost(h, subject, baseline);
    if (r.ms === 0 && !smoke) throw new Error(`the trace has no work of ${p.name}: did it load?`);
    put(`peer_${p.key}_load_ms`, r.ms, 'ms', null);
    put(`peer_${p.key}_heap_kb`, r.heapKb, 'KB', null);
    await rereadCost(h, `peer_${p.key}_busy_ms_per_min`, 50, 4, 16, 'beside', null, subject);
  }
}

/** The peers beside Touchbase's content script, each as a multiple of ours. */
function peerTable(): string {
  const whats: [string, string][] = [['kb', 'bytes, minified (KB)'], ['gzip_kb', 'bytes, gzipped (KB)'], ['load_ms', 'parse and first run (ms)'], ['heap_kb', 'heap after load (KB)'], ['busy_ms_per_min', 'main thread on the busy page (ms/min)']];
  const ours = (w: string) => metrics[w === 'kb' ? 'content_script_kb' : `content_script_${w}`]?.value;
  const cell = (v: number | undefined, base: number | undefined) =>
    v === undefined ? '' : base ? `${v} (${(v / base).toFixed(1)}x)` : `${v}`;
  const rows = whats.map(([w, label]) => `| ${label} | ${ours(w)} | ${PEERS.map((p) => cell(metrics[`peer_${p.key}_${w}`]?.value, ours(w))).join(' | ')} |`);
  return [`| | Touchbase | ${PEERS.map((p) => p.name).join(' | ')} |`, `| --- | --- | ${PEERS.map(() => '---').join(' | ')} |`, ...rows].join('\n');
}

/** From swapping the thread on screen to the panel showing its client. */
async function snapshotToPanel(h: Harness) {
  const options = await h.context.newPage();
  await options.goto(`chrome-extension://${h.extensionId}/options.html`);
  await options.getByRole('button', { name: 'Load sample data' }).click();
  await options.getByRole('heading', { name: 'Try it with sample clients' }).waitFor({ state: 'detached' });
  await options.close();
  const page = await h.context.newPage();
  await page.goto('https://mail.google.com/mail/u/0/?fixture=e2e/gmail-thread.html#inbox/a');
  const tabId = await tabIdOf(h, 'https://mail.google.com/*');
  await waitFor(async () => (await tabThread(h, tabId))?.snapshot?.correspondent, 'the first snapshot');
  const panel = await openPanel(h, tabId);
  await panel.getByRole('heading', { level: 2, name: 'Dana Client' }).waitFor();
  const people = [
    { name: 'Lee Buyer', email: 'lee.buyer@globex.io', thread: 'thread-f:2' },
    { name: 'Dana Client', email: 'dana.client@acme-corp.com', thread: 'thread-f:1' },
  ];
  const times: number[] = [];
  for (let i = 0; i < SIZES.panelRuns; i++) {
    const p = people[i % 2];
    const t0 = Date.now();
    await openThread(page, p);
    await panel.waitForFunction((name) => [...document.querySelectorAll('h2')].some((h) => h.textContent?.startsWith(name)), p.name, { polling: 'raf', timeout: 10_000 });
    times.push(Date.now() - t0);
  }
  put('snapshot_to_panel_ms', median(times), 'ms', 150);
  await panel.close();
  await page.close();
}

async function database(h: Harness) {
  // a quiet document in the extension's origin (its IndexedDB), with no app of ours running
  // whose queries would refetch on every write and compete with the measurement
  const page = await h.context.newPage();
  await page.goto(`chrome-extension://${h.extensionId}/icon/16.png`);
  await page.evaluate(await bundle('bench/db-bench.ts', '__tbBenchBundle'));
  // each seeding rate is the median of full seeds after a small warm-up one; the product's
  // seed goes last, so the database holds its records for the queries measured next
  const seedRate = async (kind: 'product' | 'raw' | 'rowPerRecord') => {
    const run = (c: number, t: number) =>
      page.evaluate(
        ({ c, t, kind }) => {
          const b = (globalThis as any).__tbBench;
          return kind === 'product' ? b.seed(c, t) : b.seedRaw(c, t, kind === 'rowPerRecord');
        },
        { c, t, kind },
      ) as Promise<{ records: number; seconds: number }>;
    await run(Math.ceil(SIZES.clients / 20), Math.ceil(SIZES.touchpoints / 20));
    const rates: number[] = [];
    for (let i = 0; i < SIZES.seedRuns; i++) {
      const r = await run(SIZES.clients, SIZES.touchpoints);
      rates.push(r.records / r.seconds);
    }
    console.log(`seeding (${kind}) per run: ${rates.map((x) => Math.round(x)).join(', ')} records/s`);
    return median(rates);
  };
  // the same records one row each into stores with no secondary index: the most any
  // schema with a row per touchpoint could write here
  const ceiling = await seedRate('rowPerRecord');
  const raw = await seedRate('raw');
  put('seed_records_per_s', await seedRate('product'), 'records/s', 20_000, true);
  put('seed_records_per_s_raw', raw, 'records/s', null);
  put('seed_records_per_s_row_per_record_ceiling', ceiling, 'records/s', null);
  const m = (await page.evaluate(({ c, r }) => (globalThis as any).__tbBench.measure(c, r), { c: SIZES.clients, r: SIZES.runs })) as Record<string, number>;
  const budgets: Record<string, number> = {
    lookup_by_email_ms: 5, history_50_ms: 10, overdue_count_ms: 20, log_touchpoint_ms: 10, log_touchpoint_long_history_ms: 10,
    today_list_ms: 50, insights_load_ms: 300,
  };
  for (const [k, v] of Object.entries(m)) put(k, v, 'ms', budgets[k] ?? null);
  // issue #20: logging within 1.5x of the same write with raw IndexedDB calls
  put('log_touchpoint_vs_raw', m.log_touchpoint_ms / m.log_touchpoint_raw_ms, 'x', 1.5);
  await page.close();
}

/**
 * The panel's first paint at the big book (issue #20): from opening the side panel cold (a
 * new page) at `sidepanel.html?tabId=<the Gmail tab>` to the person's name on screen, and
 * at `?view=today` to the Today list's first row on screen. Runs after `database`, so the
 * database holds its 10,000 clients; the thread's correspondent is one of them. No budget
 * yet (issue #20 asks 200 ms each): see BENCHMARKS.md.
 */
async function firstPaint(h: Harness) {
  const page = await h.context.newPage();
  await page.goto('https://mail.google.com/mail/u/0/?fixture=e2e/gmail-thread.html#inbox/a');
  const tabId = await tabIdOf(h, 'https://mail.google.com/*');
  const who = { name: 'Client 1', email: 'client1@bench1.example', thread: 'thread-f:bench1' };
  await openThread(page, who);
  await waitFor(async () => (await tabThread(h, tabId))?.snapshot?.correspondent?.email === who.email, 'the snapshot of the bench client');
  const cold = async (query: string, painted: (name: string) => boolean, pagePath = 'sidepanel.html') => {
    const times: number[] = [];
    for (let i = 0; i < SIZES.panelRuns; i++) {
      const panel = await h.context.newPage();
      const t0 = Date.now();
      await panel.goto(`chrome-extension://${h.extensionId}/${pagePath}${query}`);
      await panel.waitForFunction(painted, who.name, { polling: 'raf', timeout: 20_000 });
      times.push(Date.now() - t0);
      await panel.close();
    }
    return median(times);
  };
  put('panel_first_paint_ms', await cold(`?tabId=${tabId}`, (name) => [...document.querySelectorAll('h2')].some((h) => new RegExp(`^${name}(?!\\d)`).test(h.textContent ?? ''))), 'ms', 200);
  put('today_first_paint_ms', await cold('?view=today', () => !!document.querySelector('.today-list li')), 'ms', 200);
  // what a user waits for on opening Insights: the portfolio's figures and the 80/20 chart
  // on screen (the page reads every client and every history's digest first); no budget yet
  put(
    'insights_first_paint_ms',
    await cold('', () => !!document.querySelector('.stats dd') && !!document.querySelector('svg.chart .bar'), 'insights.html'),
    'ms',
    null,
  );
  await page.close();
}

/**
 * Sync (issue #19) against a CouchDB-protocol server on loopback (PouchDB Server's app, in
 * this process): two fresh profiles, the first with the big book. The first sync of the
 * book to the server (connect: the key derived, every client encrypted into the mirror and
 * replicated), the second profile's first sync from it (every client decrypted, merged and
 * written), then one logged call from the first's database to the second's. No budget: the
 * issue asks for the numbers.
 */
async function syncBench() {
  const couch = await startCouchServer();
  await couch.createDatabase('touchbase');
  const grant = (m: { host_permissions: string[] }) => void m.host_permissions.push('http://127.0.0.1/*');
  const [a, b] = [await launch({ manifest: grant }), await launch({ manifest: grant })];
  try {
    const page = async (h: Harness) => {
      const p = await h.context.newPage();
      await p.goto(`chrome-extension://${h.extensionId}/icon/16.png`);
      await p.evaluate(await bundle('bench/db-bench.ts', '__tbBenchBundle'));
      return p;
    };
    const [pa, pb] = [await page(a), await page(b)];
    await pa.evaluate(({ c, t }) => (globalThis as any).__tbBench.seed(c, t), { c: SIZES.clients, t: SIZES.touchpoints });
    const connect = async (p: Page) => {
      const t0 = Date.now();
      const reply = await p.evaluate(
        (cfg) => (globalThis as any).chrome.runtime.sendMessage({ type: 'sync:connect', ...cfg, passphrase: 'bench passphrase, long enough' }),
        { url: couch.url, database: 'touchbase', user: couch.user, password: couch.password },
      );
      if (!reply?.ok) throw new Error(`sync:connect: ${JSON.stringify(reply)}`);
      return (Date.now() - t0) / 1000;
    };
    put('sync_first_push_s', await connect(pa), 's', null);
    // a client's document id starts with c (the settings' with s, a template's with t)
    const onServer = (await couch.documents('touchbase')).filter((d) => String(d._id).startsWith('c')).length;
    if (onServer !== SIZES.clients) throw new Error(`the server holds ${onServer} clients, not ${SIZES.clients}`);
    put('sync_first_pull_s', await connect(pb), 's', null);
    const there = await pb.evaluate(() => (globalThis as any).__tbBench.countClients());
    if (there !== SIZES.clients) throw new Error(`the second profile holds ${there} clients, not ${SIZES.clients}`);
    console.log(`sync: ${SIZES.clients} clients to the server and into the second profile`);
    // one call, from the first profile's database to the second's, several times
    const times: number[] = [];
    for (let i = 0; i < (smoke ? 2 : 7); i++) {
      const email = `client${1 + i * 37}@bench${(1 + i * 37) % 97}.example`;
      const t0 = Date.now();
      const id = await pa.evaluate((e) => (globalThis as any).__tbBench.logCallTo(e), email);
      // polled from here: waitForFunction takes the promise the check returns for a yes
      while (!(await pb.evaluate(({ e, id }) => (globalThis as any).__tbBench.hasTouchpoint(e, id), { e: email, id }))) {
        if (Date.now() - t0 > 30_000) throw new Error(`the call to ${email} did not reach the other profile in 30 s`);
        await new Promise((r) => setTimeout(r, 20));
      }
      times.push(Date.now() - t0);
    }
    console.log(`a call to the other profile per run: ${times.join(', ')} ms`);
    put('sync_call_to_other_profile_ms', median(times), 'ms', null);
  } finally {
    await a.close();
    await b.close();
    await couch.close();
  }
}

async function main() {
  const started = Date.now();
  sizes();
  const h = await launch();
  // the numbers depend on the browser: say which one made them
  console.log(`browser: ${h.browser.name} (${h.browser.path}, ${h.context.browser()?.version() ?? 'version unknown'})`);
  try {
    if (step('readers')) await readers(h);
    if (step('readers')) await listReaders(h);
    if (step('reread')) {
      // windows of 16 s hold two of the watcher's 8 s reads each, so where a window starts
      // does not bias the median; the 300 ms stream is measured once its gap has grown
      await rereadCost(h, 'reread_cost_ms_per_min', 50, 4, 16, 'beside', 20);
      await rereadCost(h, 'reread_cost_bursts_ms_per_min', 300, 12, 12, 'beside', 20);
      // no budget: what a list that never stops changing costs, for the record
      await rereadCost(h, 'reread_cost_list_busy_ms_per_min', 50, 4, 16, 'list', null);
    }
    // the peers' busy-page figure sits beside ours, measured above
    if (step('peers') && step('reread')) await peers(h);
    if (step('snapshot')) await snapshotToPanel(h);
    if (step('database')) await database(h);
    // at the big book: after the database step
    if (step('firstPaint')) await firstPaint(h);
  } finally {
    await h.close();
  }
  // two profiles of its own, after the others (the machine quiet for them)
  if (step('sync')) await syncBench();
  const failed = Object.entries(metrics).filter(([, m]) => m.budget !== null && (m.min ? m.value < m.budget : m.value > m.budget));
  const rows = Object.entries(metrics).map(([k, m]) => {
    const ok = m.budget === null ? '' : (m.min ? m.value >= m.budget : m.value <= m.budget) ? 'ok' : 'OVER';
    return `| ${k} | ${m.value} ${m.unit} | ${m.budget === null ? '' : `${m.min ? '>= ' : '<= '}${m.budget}`} | ${ok} |`;
  });
  console.log(['| metric | value | budget | |', '| --- | --- | --- | --- |', ...rows].join('\n'));
  if (metrics.peer_inboxsdk_kb) console.log(`\nThe peers, each against Touchbase's Gmail content script:\n${peerTable()}`);
  console.log(`${smoke ? 'smoke run' : 'bench'} finished in ${Math.round((Date.now() - started) / 1000)} s`);
  if (smoke) {
    // the smoke run checks that every measurement ran and produced a number
    const missing = Object.entries(metrics).filter(([, m]) => !Number.isFinite(m.value));
    const expected = ['content_script_kb', 'sidepanel_js_kb', 'gmail_read_ms', 'outlook_read_ms', 'gmail_list_read_ms', 'outlook_list_read_ms', 'reread_cost_ms_per_min', 'reread_cost_bursts_ms_per_min', 'reread_cost_list_busy_ms_per_min', 'snapshot_to_panel_ms', 'seed_records_per_s', 'seed_records_per_s_raw', 'seed_records_per_s_row_per_record_ceiling', 'lookup_by_email_ms', 'lookup_by_email_raw_ms', 'history_50_ms', 'history_50_raw_ms', 'overdue_count_ms', 'overdue_count_raw_ms', 'log_touchpoint_ms', 'log_touchpoint_raw_ms', 'log_touchpoint_raw_two_records_ms', 'log_touchpoint_vs_raw', 'log_touchpoint_long_history_ms', 'today_list_ms', 'today_list_raw_ms', 'today_list_all_ms', 'insights_load_ms', 'sync_first_push_s', 'sync_first_pull_s', 'sync_call_to_other_profile_ms', 'panel_first_paint_ms', 'today_first_paint_ms', 'insights_first_paint_ms', ...['kb', 'gzip_kb', 'load_ms', 'heap_kb', 'busy_ms_per_min'].flatMap((w) => PEERS.map((p) => `peer_${p.key}_${w}`)), 'content_script_gzip_kb', 'content_script_load_ms', 'content_script_heap_kb', 'content_script_busy_ms_per_min'];
    const absent = expected.filter((k) => !(k in metrics));
    if (missing.length || absent.length) throw new Error(`smoke: no number for ${[...missing.map(([k]) => k), ...absent].join(', ')}`);
    console.log(`${Object.keys(metrics).length} passed, 0 failed`);
    return;
  }
  if (only) return;
  mkdirSync(join(ROOT, 'bench'), { recursive: true });
  const json = { metrics: Object.fromEntries(Object.entries(metrics).map(([k, m]) => [k, { value: m.value, unit: m.unit, budget: m.budget }])) };
  writeFileSync(join(ROOT, 'bench/results.json'), JSON.stringify(json, null, 2) + '\n');
  if (failed.length) {
    console.error(`over budget: ${failed.map(([k]) => k).join(', ')}`);
    process.exit(1);
  }
}

main().catch((e) => {
  // the lookup's message says everything (where it looked, what to install): no stack
  console.error(e instanceof BrowserNotFoundError ? e.message : e);
  process.exit(1);
});
