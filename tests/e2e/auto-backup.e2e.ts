/**
 * Automatic backups in Chromium: a copy of the build whose manifest grants `downloads`
 * (the production one asks for it when the user turns them on, which a test cannot click
 * through), automatic backups turned on in the options page, and the background's own
 * download: a checked backup file, noted as the last backup once complete.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { launch, type Harness } from './harness';

declare const chrome: any;

let h: Harness;
beforeAll(async () => {
  h = await launch({
    manifest: (m) => {
      m.permissions = [...m.permissions, 'downloads'];
      delete m.optional_permissions;
    },
  });
});
afterAll(async () => {
  await h?.close();
});

describe('automatic backups in Chromium', () => {
  it('writes a backup file by itself once turned on, and notes it as the last backup when complete', async () => {
    const page = await h.context.newPage();
    await page.goto(`chrome-extension://${h.extensionId}/options.html`);
    await page.getByRole('button', { name: 'Load sample data' }).click();
    await expect.poll(() => page.getByText(/8 clients|sample/i).count()).toBeGreaterThan(0);
    expect(await page.getByTestId('last-backup').textContent()).toContain('Never backed up.');
    await page.getByRole('combobox', { name: /Back up automatically/ }).selectOption('daily');

    await expect
      .poll(
        () =>
          h.worker.evaluate(async () =>
            (await chrome.downloads.search({})).map((d: any) => ({ id: d.id, state: d.state, filename: d.filename, url: d.url.slice(0, 31) })),
          ),
        { timeout: 15_000 },
      )
      .toEqual([expect.objectContaining({ state: 'complete', url: 'data:application/json;base64,ey' })]);
    const [item] = await h.worker.evaluate(async () => chrome.downloads.search({}));
    // Playwright takes over the browser's downloads and saves each under a GUID in its own
    // folder, so the name asked for (Touchbase/touchbase-backup-DATE.json) is not seen here;
    // the unit tests check the name (tests/lib/background/auto-backup.test.ts)
    await expect.poll(() => page.getByTestId('last-backup').textContent(), { timeout: 10_000 }).toContain('Last backup:');
    const file = JSON.parse(readFileSync(item.filename, 'utf8'));
    expect(file).toMatchObject({ format: expect.any(String), counts: { clients: 8 } });
    // the alarm is set a day on
    const alarm = await h.worker.evaluate(() => chrome.alarms.get('touchbase:auto-backup').then((a: any) => a?.scheduledTime ?? null));
    expect(alarm).toBeGreaterThan(Date.now() + 23 * 3_600_000);
    await page.close();
  });
});
