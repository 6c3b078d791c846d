/**
 * Sync in real Firefox (issue #19): the Firefox build's background (an event page, PouchDB
 * over Firefox's IndexedDB, WebCrypto) against a CouchDB-protocol server on loopback, with
 * "another device" played by this test: a plain PouchDB client holding the same passphrase,
 * which writes and reads encrypted documents as a second browser would. Connecting goes
 * through the background's message (the options' form and its permission prompt are
 * Chromium's test, tests/e2e/sync.e2e.ts); the server answers the add-on's origin with CORS,
 * as the README's CouchDB setup does, so no host permission is needed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefox, openExtensionPage, waitFor, evaluateIn, type FirefoxHarness } from './harness';
import { clickButton } from '../scenarios/core-flow';
import { NodePouch, startCouchServer, type CouchServer } from '../../support/couch-server';
import { plaintextIn } from '../../support/ciphertext';
import { decryptJson, documentId, encryptJson, openHeader, type SyncHeader, type SyncKeys } from '../../../lib/sync/crypto';
import { localDocument } from '../../../lib/domain/sync-document';
import type { ClientDocument } from '../../../lib/domain/sync-merge';
import type { PouchDoc } from '../../../lib/sync/pouch-types';

const PASSPHRASE = 'firefox and chromium alike';
const DANA = 'dana.client@acme-corp.com';

let couch: CouchServer;
let h: FirefoxHarness;
let remote: InstanceType<typeof NodePouch>;

beforeAll(async () => {
  couch = await startCouchServer();
  remote = new NodePouch(`${couch.url}/touchbase`, { auth: { username: couch.user, password: couch.password } });
  await remote.info();
  h = await launchFirefox();
}, 120_000);
afterAll(async () => {
  await h?.close();
  await couch?.close();
});

async function keys(): Promise<SyncKeys> {
  return openHeader((await remote.get('touchbase-header')) as unknown as SyncHeader, PASSPHRASE);
}

async function clientDocs(): Promise<{ id: string; doc: ClientDocument }[]> {
  const k = await keys();
  const rows = (await remote.allDocs({ include_docs: true })).rows.filter((r) => r.id.startsWith('c'));
  return Promise.all(rows.map(async (r) => ({ id: r.id, doc: (await decryptJson(k, r.id, r.doc as never)) as ClientDocument })));
}

const text = (p: Page) => p.evaluate(() => document.body.innerText);

describe('sync in Firefox', () => {
  it('connects, takes a client another device wrote, and sends back a call logged in its panel', async () => {
    const options = await openExtensionPage(h, 'options.html');
    const reply = await options.evaluate(
      (cfg) => browser.runtime.sendMessage({ type: 'sync:connect', ...cfg, passphrase: 'firefox and chromium alike' }),
      { url: couch.url, database: 'touchbase', user: couch.user, password: couch.password },
    );
    expect(reply).toMatchObject({ ok: true, data: { state: 'idle' } });
    await options.close();

    // the other device: Dana, with a meeting, encrypted under the passphrase's keys
    const k = await keys();
    const id = `c${await documentId(k, 'client:the-other-device')}`;
    const doc = localDocument(
      { id: 1, name: 'Dana Client', emails: [DANA], company: 'Acme Holdings', tags: [], importantDates: [], notes: 'Met at the fair', stage: 'prospect', saleCount: 0, lifetimeValue: 0, createdAt: Date.now() - 86_400_000, updatedAt: Date.now() },
      [{ id: '01JBQZ3N5E0000000000000009', clientId: 1, at: Date.now() - 3_600_000, kind: 'meeting', source: 'manual', createdAt: Date.now() - 3_600_000 }],
      undefined,
      { docOf: () => undefined, clientOf: () => undefined },
    );
    await remote.put({ _id: id, v: 1, ...(await encryptJson(k, id, doc)) } as PouchDoc);

    // Firefox's panel, on Dana's address: the client and the meeting arrive
    const panel = await openExtensionPage(h, 'sidepanel.html');
    // the field once React has made it, focused, then typed into as a person types
    await waitFor(
      () =>
        panel.evaluate(() => {
          const input = [...document.querySelectorAll('input')].find((i) => i.closest('label')?.textContent?.includes('Find a client or type an address'));
          input?.focus();
          return !!input && document.activeElement === input;
        }),
      'the search field',
    );
    await panel.keyboard.type(DANA);
    await waitFor(() => panel.evaluate((e) => [...document.querySelectorAll('input')].some((i) => i.value === e), DANA), 'the address typed');
    await waitFor(() => clickButton(evaluateIn(panel), 'Go'), 'the Go button');
    await waitFor(async () => {
      const t = await text(panel);
      return t.includes('Dana Client') && t.includes('Acme Holdings') && /Meeting/.test(t) && t.includes('Changed on another device');
    }, 'the client from the other device in the panel', 30_000);

    // a call logged in Firefox reaches the server, readable by the other device only
    await waitFor(() => clickButton(evaluateIn(panel), 'Log call'), 'the Log call button');
    const reached = (await waitFor(async () => {
      const dana = (await clientDocs()).find((d) => d.id === id);
      return dana?.doc.touchpoints.some((t) => t.kind === 'call') ? dana : undefined;
    }, 'the call on the server', 15_000))!;
    expect(reached.doc.touchpoints.map((t) => t.kind).sort()).toEqual(['call', 'meeting']);
    expect(reached.doc.card.notes.value).toBe('Met at the fair');
    expect(plaintextIn(await couch.documents('touchbase'), ['Dana', 'acme', 'Acme Holdings', 'Met at the fair', 'meeting', 'call'])).toEqual([]);
    await panel.close();
  }, 120_000);
});
