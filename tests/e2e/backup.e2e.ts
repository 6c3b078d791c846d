/**
 * Backup in the real browser: export a database with data, clear it, restore the file
 * through the file chooser and find everything back; a broken file shows an error and
 * the data stays; a hand-edited file (a setting of the wrong type, its checksum recomputed)
 * is refused naming the field, and changes nothing the next export would show.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { launch, type Harness } from './harness';

let h: Harness;
let dir: string;
beforeAll(async () => {
  h = await launch();
  dir = mkdtempSync(join(tmpdir(), 'touchbase-backup-'));
});
afterAll(async () => {
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

const counts = (page: import('playwright-core').Page) =>
  page.evaluate(
    () =>
      new Promise<{ clients: number; touchpoints: number }>((ok, fail) => {
        const req = indexedDB.open('touchbase');
        req.onsuccess = () => {
          const tx = req.result.transaction(['clients', 'histories']);
          const c = tx.objectStore('clients').count();
          // a client's touchpoints are one history record (lib/db/history.ts)
          const t = tx.objectStore('histories').getAll();
          tx.oncomplete = () => {
            ok({ clients: c.result, touchpoints: t.result.reduce((n: number, h: { items: unknown[] }) => n + h.items.length, 0) });
            req.result.close();
          };
        };
        req.onerror = () => fail(req.error);
      }),
  );

describe('backup and restore in Chromium', () => {
  it('exports, clears, restores, and refuses a broken file without losing data', async () => {
    const page = await h.context.newPage();
    await page.goto(`chrome-extension://${h.extensionId}/options.html`);
    await page.getByRole('button', { name: 'Load sample data' }).click();
    await expect.poll(() => counts(page)).toEqual({ clients: 8, touchpoints: expect.any(Number) });
    const seeded = await counts(page);
    expect(await page.getByTestId('last-backup').textContent()).toContain('Never backed up.');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export backup' }).click(),
    ]);
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/^touchbase-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(JSON.parse(readFileSync(file, 'utf8')).counts.clients).toBe(8);
    await expect.poll(() => page.getByTestId('last-backup').textContent()).toContain('Last backup:');

    // clear every client and touchpoint
    await page.evaluate(
      () =>
        new Promise<void>((ok) => {
          const req = indexedDB.open('touchbase');
          req.onsuccess = () => {
            const tx = req.result.transaction(['clients', 'histories'], 'readwrite');
            tx.objectStore('clients').clear();
            tx.objectStore('histories').clear();
            tx.oncomplete = () => {
              req.result.close();
              ok();
            };
          };
        }),
    );
    expect(await counts(page)).toEqual({ clients: 0, touchpoints: 0 });
    await page.reload();

    await page.getByLabel('Backup file to restore').setInputFiles(file);
    const plan = page.getByRole('region', { name: 'What the restore will do' });
    await expect.poll(() => plan.textContent()).toContain('8 clients');
    await page.getByRole('button', { name: 'Replace everything' }).click();
    const backupSection = page.getByRole('region', { name: 'Backup' });
    await expect.poll(() => backupSection.getByRole('status').textContent()).toContain('Restored: 8 clients');
    expect(await counts(page)).toEqual(seeded);

    // a truncated file: a clear error naming the problem, and the data stays
    const broken = join(dir, 'broken.json');
    const text = readFileSync(file, 'utf8');
    writeFileSync(broken, text.slice(0, Math.floor(text.length / 3)));
    await page.getByLabel('Backup file to restore').setInputFiles(broken);
    await expect.poll(() => backupSection.getByRole('alert').textContent()).toMatch(/broken\.json: The file is cut short \(truncated\).*Nothing was changed\./);
    expect(await counts(page)).toEqual(seeded);
    await page.close();
  });
});

/** JSON with object keys sorted, as lib/backup/backup.ts canonicalJson writes the data. */
const canonicalJson = (value: unknown): string =>
  JSON.stringify(value, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]))
      : v,
  );

/** Exports through the options page's own button and returns the downloaded file's path. */
async function exportFile(page: import('playwright-core').Page, name: string): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export backup' }).click(),
  ]);
  const file = join(dir, name);
  await download.saveAs(file);
  return file;
}

describe('a restored backup with a setting of the wrong type', () => {
  it('is refused naming the field, and the next export equals the one before', async () => {
    const page = await h.context.newPage();
    await page.goto(`chrome-extension://${h.extensionId}/options.html`);
    if ((await counts(page)).clients === 0) {
      await page.getByRole('button', { name: 'Load sample data' }).click();
      await expect.poll(() => counts(page)).toEqual({ clients: 8, touchpoints: expect.any(Number) });
    }
    // a first export notes its time, so the settings row exists (a restore may have replaced it)
    await exportFile(page, 'first.json');
    await expect.poll(() => page.getByTestId('last-backup').textContent()).toContain('Last backup:');
    const before = await exportFile(page, 'before.json');
    const original = JSON.parse(readFileSync(before, 'utf8'));
    const settingsRow = original.data.settings.find((r: { key: string }) => r.key === 'app');
    expect(settingsRow).toBeDefined();

    // the file as a hand edit would leave it: a setting of the wrong type, its checksum
    // recomputed as the app does (SHA-256 hex of the canonical JSON of `data`), laid out
    // as the export writes it (header first, `data` last), so only the rules can refuse it
    const edited = structuredClone(original);
    edited.data.settings.find((r: { key: string }) => r.key === 'app').value.replyLateHours = 'soon';
    const dataText = canonicalJson(edited.data);
    const { data: _data, ...header } = edited;
    header.checksum = createHash('sha256').update(dataText).digest('hex');
    const bad = join(dir, 'wrong-type.json');
    writeFileSync(bad, `${JSON.stringify(header).slice(0, -1)},"data":${dataText}}`);

    await page.getByLabel('Backup file to restore').setInputFiles(bad);
    const backupSection = page.getByRole('region', { name: 'Backup' });
    await expect.poll(() => backupSection.getByRole('alert').textContent()).toMatch(
      /wrong-type\.json: .*settings\.replyLateHours.*Nothing was changed\./,
    );
    await expect.poll(() => backupSection.getByRole('alert').textContent()).not.toMatch(/checksum/);
    expect(await page.getByRole('region', { name: 'What the restore will do' }).count()).toBe(0);

    // the export itself notes its time (lastBackupAt = its exportedAt, once the file was
    // handed over): that is the one change the next export may show; the refused restore
    // changed nothing, so the rest of the data and its checksum are the same
    const after = JSON.parse(readFileSync(await exportFile(page, 'after.json'), 'utf8'));
    const expected = structuredClone(original.data);
    expected.settings.find((r: { key: string }) => r.key === 'app').value.lastBackupAt = Date.parse(original.exportedAt);
    expect(after.exportedAt).not.toBe(original.exportedAt);
    expect(after.data).toEqual(expected);
    expect(after.checksum).toBe(createHash('sha256').update(canonicalJson(expected)).digest('hex'));
    expect(after.counts).toEqual(original.counts);
    await page.close();
  });
});
