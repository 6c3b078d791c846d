/**
 * Sales in, retention out, in the real browser: a sales CSV chosen in the options page
 * (100 customers who bought two years ago, 85 of them again last year, 20 new ones last
 * year) is previewed and imported, and the Insights page's row for last year reads as the
 * articles' example: retention 85 %, net gain 5 %, acquisition 20 %.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, type Harness } from './harness';

let h: Harness;
let dir: string;
beforeAll(async () => {
  h = await launch();
  dir = mkdtempSync(join(tmpdir(), 'touchbase-sales-'));
});
afterAll(async () => {
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

const pad = (n: number) => String(n).padStart(2, '0');

/** The file: 205 sales, in the order a shop's export might give them. */
function salesCsv(year: number): string {
  const rows = ['Email,Date,Amount,Name,Company,Note'];
  // two years ago, in June: 100 customers
  for (let i = 1; i <= 100; i++) rows.push(`buyer${i}@shop.example,${year - 2}-06-${pad(1 + (i % 28))},"1,250.00",Buyer ${i},Firm ${i},First order`);
  // last year, in March: 85 of them again (buyers 16 to 100: 1 to 15 are lost)
  for (let i = 16; i <= 100; i++) rows.push(`buyer${i}@shop.example,${year - 1}-03-${pad(1 + (i % 28))},400.50,Buyer ${i},Firm ${i},Reorder`);
  // last year, in September: 20 new customers
  for (let i = 1; i <= 20; i++) rows.push(`new${i}@shop.example,${year - 1}-09-${pad(1 + (i % 28))},99,New ${i},,First order`);
  return rows.join('\n');
}

describe('a sales import in Chromium', () => {
  it("gives last year's retention on the Insights page as the articles' example: 85 %, net gain 5 %, acquisition 20 %", async () => {
    const year = new Date().getFullYear();
    const file = join(dir, 'sales.csv');
    writeFileSync(file, salesCsv(year));

    const page = await h.context.newPage();
    await page.goto(`chrome-extension://${h.extensionId}/options.html`);
    await page.getByLabel(/Import sales from a CSV file/).setInputFiles(file);
    const preview = page.getByRole('region', { name: 'Sales import preview' });
    await expect.poll(() => preview.textContent()).toContain('205 sales for 120 buyers: 120 new clients, 0 clients already tracked.');
    expect(await preview.getByRole('combobox', { name: 'Amount (required)' }).inputValue()).toBe('Amount');
    expect(await preview.getByRole('table', { name: 'First sales to import' }).textContent()).toContain('buyer1@shop.example');
    const spreadsheets = page.getByRole('region', { name: 'Spreadsheets' });
    await preview.getByRole('button', { name: 'Import 205 sales' }).click();
    await expect.poll(() => spreadsheets.getByRole('status').textContent(), { timeout: 20_000 }).toContain('Imported 205 sales; 120 new clients.');
    await page.goto(`chrome-extension://${h.extensionId}/insights.html`);
    const retention = page.getByRole('region', { name: 'Retention' });
    const years = retention.getByRole('table', { name: 'Retention per year' });
    const lastYear = years.getByRole('row', { name: new RegExp(`^${year - 1} `) });
    await lastYear.waitFor({ timeout: 20_000 });
    // customers at the start 100, new 20, at the end 105; retention, acquisition, net gain
    expect(await lastYear.getByRole('cell').allTextContents()).toEqual(['100', '20', '105', '85 %', '20 %', '+5 %']);
    expect(await retention.textContent()).toContain(`${year - 1}: retention 85 %, acquisition 20 %, net gain +5 %.`);
    // the rates are drawn over time, with their units and a legend
    const chart = retention.getByRole('img', { name: /Retention, acquisition and net gain per year/ });
    expect(await chart.textContent()).toContain('Share of the customers at the start');
    expect(await retention.getByRole('list', { name: 'Legend' }).first().textContent()).toMatch(/Retention.*Acquisition.*Net gain/);
    // the 80/20's numbers, unfolded from the keyboard: the first hundred of the 120 buyers, then all
    const pareto = page.getByRole('region', { name: /80\/20/ });
    expect(await pareto.getByRole('table').count()).toBe(0);
    await pareto.getByText('Show the numbers').focus();
    await page.keyboard.press('Enter');
    const ranked = pareto.getByRole('table', { name: 'Clients ranked by lifetime value' });
    await expect.poll(() => ranked.getByRole('row').count()).toBe(101);
    await pareto.getByRole('button', { name: 'Show all 120 rows' }).click();
    await expect.poll(() => ranked.getByRole('row').count()).toBe(121);
    await page.close();
  });
});
