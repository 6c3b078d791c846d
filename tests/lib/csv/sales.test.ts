import { beforeEach, describe, expect, it } from 'vitest';
import { importSales, parseAmount, parseSaleDate, parseSalesCsv, planSalesImport } from '@/lib/csv/sales';
import { importContacts, parseContactsCsv, planImport } from '@/lib/csv/import';
import { createClient, findClientByEmail, listHistory, logTouchpoint, listClients } from '@/lib/db';
import { spreadFirstDueAt } from '@/lib/domain/import';
import { resetDb, dumpDb, DAY } from '../db/helpers';

const NOW = new Date(2026, 10, 22, 12).getTime();
beforeEach(resetDb);

const noon = (y: number, m: number, d: number) => new Date(y, m - 1, d, 12).getTime();

describe('reading a sale', () => {
  it('takes ISO dates (with or without a time), YYYY/MM/DD and DD.MM.YYYY, never an ambiguous or future one', () => {
    expect(parseSaleDate('2025-03-14', NOW)).toBe(noon(2025, 3, 14));
    expect(parseSaleDate('2025/3/4', NOW)).toBe(noon(2025, 3, 4));
    expect(parseSaleDate('14.03.2025', NOW)).toBe(noon(2025, 3, 14));
    expect(parseSaleDate('2025-03-14 09:30', NOW)).toBe(new Date(2025, 2, 14, 9, 30).getTime());
    expect(parseSaleDate('2025-03-14T09:30:00Z', NOW)).toBe(Date.UTC(2025, 2, 14, 9, 30));
    expect(parseSaleDate('2025-03-14T09:30:00+0200', NOW)).toBe(Date.UTC(2025, 2, 14, 7, 30));
    expect(parseSaleDate('03/04/2025', NOW)).toEqual({ reason: '"03/04/2025" is not a date: write it as YYYY-MM-DD' });
    expect(parseSaleDate('2025-02-30', NOW)).toEqual({ reason: '"2025-02-30" is not a date: write it as YYYY-MM-DD' });
    expect(parseSaleDate('2027-01-01', NOW)).toEqual({ reason: '2027-01-01 is in the future' });
    expect(parseSaleDate('', NOW)).toEqual({ reason: 'no date' });
  });

  it('takes amounts as spreadsheets write them, refusing negative ones', () => {
    for (const [raw, v] of [['1234.5', 1234.5], ['1,234.50', 1234.5], ['1.234,50', 1234.5], ['1 234,50', 1234.5], ['$1,200', 1200], ['99 €', 99], ['EUR 12,5', 12.5], ["1'234.50", 1234.5], ['0', 0], ['1,234,567', 1234567]] as const) {
      expect(parseAmount(raw)).toBe(v);
    }
    expect(parseAmount('-5')).toEqual({ reason: '-5 is negative: a sale cannot be' });
    expect(parseAmount('(5.00)')).toEqual({ reason: '(5.00) is negative: a sale cannot be' });
    expect(parseAmount('abc')).toEqual({ reason: '"abc" is not an amount' });
    expect(parseAmount('')).toEqual({ reason: 'no amount' });
  });
});

describe('sales import', () => {
  const csv = [
    'Customer Email,Order Date,Total,Customer,Company,Product',
    'dana@acme.com,2025-06-01,"1,200.00",Dana Client,Acme,Annual plan',
    'dana@acme.com,2026-02-01,300,Dana Client,Acme,Add-on',
    'ravi@globex.com,2026-05-10,99.90,Ravi Shah,Globex,',
    'not-an-address,2026-05-10,10,,,',
    'lee@initech.com,next tuesday,10,,,',
    'lee@initech.com,2026-05-10,-3,,,',
    'old@client.com,2026-01-15,50,,,',
  ].join('\n');

  it('guesses the columns, lists bad rows with their reason, and previews who is new', async () => {
    const old = await createClient({ name: 'Old Client', emails: ['old@client.com'] }, NOW - 400 * DAY);
    const parsed = parseSalesCsv(csv);
    expect(parsed.mapping).toEqual({ email: 'Customer Email', date: 'Order Date', amount: 'Total', name: 'Customer', company: 'Company', note: 'Product' });
    const plan = await planSalesImport(parsed, parsed.mapping, NOW);
    expect(plan.invalid).toEqual([
      { line: 4, reason: '"not-an-address" is not an email address' },
      { line: 5, reason: '"next tuesday" is not a date: write it as YYYY-MM-DD' },
      { line: 6, reason: '-3 is negative: a sale cannot be' },
    ]);
    expect(plan.sales.map((s) => [s.email, s.amount])).toEqual([['dana@acme.com', 1200], ['dana@acme.com', 300], ['ravi@globex.com', 99.9], ['old@client.com', 50]]);
    expect([plan.newClients, plan.existingClients, plan.recorded]).toEqual([2, 1, 0]);
    expect(old.id).toBeGreaterThan(0);
  });

  it('imports in one go: unknown buyers become clients at the stage their sales give, known ones get their sales', async () => {
    const old = await createClient({ name: 'Old Client', emails: ['old@client.com'] }, NOW - 400 * DAY);
    const parsed = parseSalesCsv(csv);
    const plan = await planSalesImport(parsed, parsed.mapping, NOW);
    expect(await importSales(plan, NOW)).toEqual({ sales: 4, newClients: 2 });
    const dana = (await findClientByEmail('dana@acme.com'))!;
    expect(dana).toMatchObject({ name: 'Dana Client', company: 'Acme', stage: 'client', saleCount: 2, lifetimeValue: 1500, firstSaleAt: noon(2025, 6, 1) });
    expect((await listHistory(dana.id!)).map((t) => [t.kind, t.amount, t.summary])).toEqual([['sale', 300, 'Add-on'], ['sale', 1200, 'Annual plan']]);
    expect(await findClientByEmail('ravi@globex.com')).toMatchObject({ stage: 'customer', saleCount: 1 });
    expect((await findClientByEmail('old@client.com'))).toMatchObject({ id: old.id, name: 'Old Client', stage: 'customer', lifetimeValue: 50 });
    // the same file again: every sale is recorded already, nothing is added
    const again = await planSalesImport(parsed, parsed.mapping, NOW);
    expect([again.sales.length, again.recorded]).toEqual([0, 4]);
  });

  it('does not make an old sale an overdue client on the day of the import: first due dates are spread', async () => {
    const rows = ['email,date,amount', ...Array.from({ length: 28 }, (_, i) => `c${i}@x.com,2025-01-10,10`)].join('\n');
    const parsed = parseSalesCsv(rows);
    await importSales(await planSalesImport(parsed, parsed.mapping, NOW), NOW);
    const due = (await listClients()).map((c) => c.nextDueAt!);
    expect(due.every((d) => d > NOW)).toBe(true);
    // a customer's cadence is 14 days: two clients a day over days 1 to 14
    expect(new Set(due).size).toBe(14);
    expect(Math.max(...due)).toBe(spreadFirstDueAt(27, 28, 14, NOW));
  });

  it('writes nothing when a write fails, and refuses a plan without its columns', async () => {
    const parsed = parseSalesCsv(csv);
    await expect(planSalesImport(parsed, { ...parsed.mapping, amount: undefined }, NOW)).rejects.toThrow(/amount/);
    const plan = await planSalesImport(parsed, parsed.mapping, NOW);
    const before = await dumpDb();
    plan.sales[2] = { ...plan.sales[2], amount: -1 };
    await expect(importSales(plan, NOW)).rejects.toThrow(/negative/);
    expect(await dumpDb()).toEqual(before);
  });

  it('gives imported contacts first due dates spread over the cadence, not all one day', async () => {
    const rows = ['name,email', ...Array.from({ length: 7 }, (_, i) => `C${i},c${i}@x.com`)].join('\n');
    const parsed = parseContactsCsv(rows);
    await importContacts(await planImport(parsed, parsed.mapping), NOW);
    const due = (await listClients()).map((c) => Math.round((c.nextDueAt! - NOW) / DAY));
    // a prospect's cadence is 14 days: 7 contacts on every other day from tomorrow
    expect(due).toEqual([1, 3, 5, 7, 9, 11, 13]);
    // a touch moves a contact's due date on as usual
    const c = (await findClientByEmail('c6@x.com'))!;
    await logTouchpoint({ clientId: c.id!, kind: 'call', at: NOW + DAY }, NOW + DAY);
    expect((await findClientByEmail('c6@x.com'))!.nextDueAt).toBe(new Date(2026, 11, 7, 23, 59, 59, 999).getTime());
  });
});
