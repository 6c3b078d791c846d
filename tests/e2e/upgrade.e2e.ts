/**
 * The schema upgrade in the real browser: a database as release 4 left it (a record per
 * touchpoint) is opened by the current extension, which packs each client's touchpoints
 * into one history record, drops the old store and gives every touchpoint an id of
 * version 8, and the panel shows that history.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { join } from 'node:path';
import { launch, ROOT, waitFor, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => {
  await h?.close();
});

const NOW = Date.now();
const DAY = 86_400_000;
const base = { tags: [], importantDates: [], anniversaries: [], notes: '', stage: 'client', saleCount: 1, lifetimeValue: 900, createdAt: NOW - 400 * DAY, updatedAt: NOW };
const clients = [
  { ...base, id: 1, name: 'Dana Client', emails: ['dana.client@acme-corp.com'], lastContactAt: NOW - 3 * DAY, nextDueAt: NOW + 39 * DAY, needsYouAt: NOW + 39 * DAY },
  { ...base, id: 2, name: 'Lee Buyer', emails: ['lee.buyer@globex.io'], lastContactAt: NOW - 10 * DAY, nextDueAt: NOW + 32 * DAY, needsYouAt: NOW + 32 * DAY },
];
const touchpoints = [
  { id: 1, clientId: 1, at: NOW - 90 * DAY, kind: 'sale', source: 'manual', amount: 900, createdAt: NOW - 90 * DAY },
  { id: 2, clientId: 2, at: NOW - 80 * DAY, kind: 'sale', source: 'manual', amount: 900, createdAt: NOW - 80 * DAY },
  { id: 3, clientId: 1, at: NOW - 3 * DAY, kind: 'meeting', source: 'manual', summary: 'Quarterly review in person', createdAt: NOW - 3 * DAY },
  { id: 4, clientId: 2, at: NOW - 10 * DAY, kind: 'email-out', source: 'detected', subject: 'Your order', threadKey: 'gmail:t7', messageKey: 'gmail:t7:m1:2', createdAt: NOW - 10 * DAY },
  { id: 5, clientId: 1, at: NOW - 20 * DAY, kind: 'call', source: 'manual', createdAt: NOW - 20 * DAY },
];

type Stored = { version: number; stores: string[]; histories: { clientId: number; items: { id: string; at: number }[] }[]; digests: number };
const readStored = (page: import('playwright-core').Page) =>
  page.evaluate(
    () =>
      new Promise<Stored>((ok, fail) => {
        const req = indexedDB.open('touchbase');
        req.onsuccess = () => {
          const d = req.result;
          const stores = [...d.objectStoreNames];
          if (!stores.includes('histories')) {
            d.close();
            return ok({ version: d.version, stores, histories: [], digests: 0 });
          }
          const names = stores.includes('digests') ? ['histories', 'digests'] : ['histories'];
          const tx = d.transaction(names);
          const all = tx.objectStore('histories').getAll();
          const digests = names.length > 1 ? tx.objectStore('digests').count() : null;
          tx.oncomplete = () => {
            ok({ version: d.version, stores, histories: all.result, digests: digests?.result ?? 0 });
            d.close();
          };
        };
        req.onerror = () => fail(req.error);
      }),
  );

describe('upgrading a version-4 database in Chromium', () => {
  it('packs every touchpoint into its client’s history, in order, and the panel shows it', async () => {
    const page = await h.context.newPage();
    await page.goto(`chrome-extension://${h.extensionId}/icon/16.png`);
    const script = await build({
      entryPoints: [join(ROOT, 'tests/e2e/pages/old-database.ts')], bundle: true, format: 'iife', write: false, platform: 'browser', logLevel: 'silent',
    });
    await page.evaluate(script.outputFiles[0].text);
    // the background makes the current database when it starts: replace it once it has
    // (Dexie keeps its version N as IndexedDB version 10 N: 12, the current one, is 120)
    await waitFor(() => page.evaluate(() => (globalThis as any).__tbOld.installedVersion().then((v: number | null) => v === 120)), 'the background to open the database');
    expect(await page.evaluate((data) => (globalThis as any).__tbOld.writeVersion4(data), { clients, touchpoints })).toEqual({
      version: 40, stores: ['clients', 'settings', 'templates', 'touchpoints'],
    });

    // the extension's own page opens the database with the current code
    const panel = await h.context.newPage();
    await panel.goto(`chrome-extension://${h.extensionId}/sidepanel.html`);
    await panel.getByLabel('Find a client or type an address').fill('Dana');
    await panel.getByRole('button', { name: /Dana Client/ }).first().click();
    const history = panel.getByRole('region', { name: 'History' });
    await history.getByText('Quarterly review in person').waitFor();

    const stored = await waitFor(async () => {
      const s = await readStored(page);
      return s.version === 120 ? s : null;
    }, 'the upgraded database');
    if (!stored) throw new Error('unreachable: waitFor returns a value or throws');
    // the Insights page's digests (version 10) made from the histories
    expect(stored.stores.sort()).toEqual(['clients', 'digests', 'histories', 'historyParts', 'settings', 'syncDocs', 'syncMeta', 'templates']);
    expect(stored.digests).toBe(2);
    // each history in the order of the old numbers' touchpoints (1, 5, 3 and 2, 4), every
    // one with an id of version 8: unique in the database, in that same order
    const at = (id: number) => touchpoints.find((t) => t.id === id)!.at;
    expect(stored.histories.map((r) => [r.clientId, r.items.map((t) => t.at)])).toEqual([[1, [1, 5, 3].map(at)], [2, [2, 4].map(at)]]);
    const ids = stored.histories.flatMap((r) => r.items.map((t) => t.id));
    expect(ids.every((id) => /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(5);
    for (const r of stored.histories) expect(r.items.map((t) => t.id)).toEqual(r.items.map((t) => t.id).sort());
    // newest first in the panel: the meeting, the call, the sale
    const rows = await history.getByRole('listitem').allTextContents();
    expect(rows.length).toBe(3);
    expect(rows[0]).toContain('Quarterly review in person');
    expect(rows[2]).toMatch(/sale/i);
    await panel.close();
    await page.close();
  });
});
