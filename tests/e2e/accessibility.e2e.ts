/**
 * axe-core on every page of the extension, in the light and the dark theme, in real
 * Chromium: the side panel (Today, a client beside a thread, the client card open), the
 * options (with the Sync section, off and connected) and Insights, with sample data so the
 * pages hold what a user sees. WCAG 2.0 and 2.1, A and AA: no violation.
 *
 * axe is evaluated into the page over the debugging protocol (an extension page's CSP
 * would refuse it as a script tag), then `axe.run` on the whole document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { launch, openPanel, tabIdOf, tabThread, waitFor, type Harness } from './harness';
import { startCouchServer, type CouchServer } from '../support/couch-server';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

async function violations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const found = (await page.evaluate(() =>
    (globalThis as any).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((r: { violations: unknown }) => r.violations),
  )) as Violation[];
  return found.map((v) => `${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

let couch: CouchServer;
beforeAll(async () => {
  couch = await startCouchServer();
  for (const db of ['a11y-light', 'a11y-dark']) {
    await couch.createDatabase(db);
  }
});
afterAll(async () => {
  await couch?.close();
});

describe.each(['light', 'dark'] as const)('accessibility in the %s theme', (colorScheme) => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch({ colorScheme, manifest: (m: { host_permissions: string[] }) => void m.host_permissions.push('http://127.0.0.1/*') });
    const options = await h.context.newPage();
    await options.goto(`chrome-extension://${h.extensionId}/options.html`);
    await options.getByRole('button', { name: 'Load sample data' }).click();
    await options.getByRole('heading', { name: 'Try it with sample clients' }).waitFor({ state: 'detached' });
    await options.close();
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it('the side panel: Today, and a client beside a thread with the card open', async () => {
    const today = await openPanel(h);
    await today.goto(`chrome-extension://${h.extensionId}/sidepanel.html?view=today`);
    await today.getByRole('heading', { name: /Today/ }).first().waitFor();
    expect(await violations(today)).toEqual([]);
    // the check can fail: an image with no text and a field with no name are found
    await today.evaluate(() => {
      const img = document.createElement('img');
      img.src = '/icon/16.png';
      const input = document.createElement('input');
      document.body.append(img, input);
    });
    expect((await violations(today)).map((v) => v.split(' ')[0]).sort()).toEqual(['image-alt', 'label']);
    await today.close();

    const mail = await h.context.newPage();
    await mail.goto('https://mail.google.com/mail/u/0/?fixture=e2e/gmail-thread.html#inbox/a');
    const tabId = await tabIdOf(h, 'https://mail.google.com/*');
    await waitFor(async () => (await tabThread(h, tabId))?.snapshot?.correspondent, 'the snapshot');
    const panel = await openPanel(h, tabId);
    await panel.getByRole('heading', { level: 2, name: 'Dana Client' }).waitFor();
    expect(await violations(panel)).toEqual([]);
    await panel.getByText('Client card: stage, value, cadence, notes, dates').click();
    await panel.getByRole('region', { name: 'Client card' }).waitFor();
    expect(await violations(panel)).toEqual([]);
    await Promise.all([panel.close(), mail.close()]);
  }, 60_000);

  it('the options, sync off and connected, and Insights', async () => {
    const options = await h.context.newPage();
    await options.goto(`chrome-extension://${h.extensionId}/options.html`);
    await options.getByRole('heading', { name: 'Sync' }).waitFor();
    await options.getByText('Off: nothing is sent anywhere.').waitFor();
    expect(await violations(options)).toEqual([]);
    const form = options.getByRole('form', { name: 'Connect to a sync server' });
    await form.getByLabel('Server URL').fill(couch.url);
    await form.getByLabel('Database').fill(`a11y-${colorScheme}`);
    await form.getByLabel('User name').fill(couch.user);
    await form.getByLabel('Password', { exact: true }).fill(couch.password);
    await form.getByLabel('Passphrase').fill(`a passphrase, ${colorScheme}`);
    await form.getByRole('button', { name: 'Connect' }).click();
    await options.getByText(/^Connected, up to date\./).waitFor({ timeout: 30_000 });
    await options.getByText('Change the passphrase').click();
    expect(await violations(options)).toEqual([]);
    await options.getByRole('button', { name: 'Disconnect' }).click();
    await options.getByText('Off: nothing is sent anywhere.').waitFor();
    await options.close();

    const insights = await h.context.newPage();
    await insights.goto(`chrome-extension://${h.extensionId}/insights.html`);
    await insights.getByRole('heading', { level: 1 }).waitFor();
    await insights.getByText(/Retention/).first().waitFor();
    expect(await violations(insights)).toEqual([]);
    await insights.close();
  }, 90_000);
});
