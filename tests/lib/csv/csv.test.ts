import { beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { parseContactsCsv, planImport, importContacts } from '@/lib/csv/import';
import { clientsCsv, touchpointsCsv, safeCell } from '@/lib/csv/export';
import { createClient, findClientByEmail, logTouchpoint, db } from '@/lib/db';
import { resetDb, dumpDb } from '../db/helpers';

const fixture = (name: string) => readFileSync(join(process.cwd(), 'tests/fixtures/csv', name), 'utf8');
beforeEach(resetDb);

async function importFile(name: string) {
  const parsed = parseContactsCsv(fixture(name));
  const plan = await planImport(parsed, parsed.mapping);
  return { parsed, plan, result: await importContacts(plan) };
}

describe('CSV import', () => {
  it('reads a Google Contacts export: several addresses, lower-cased, invalid rows listed', async () => {
    const { parsed, plan, result } = await importFile('google-contacts.csv');
    expect(parsed.format).toBe('google');
    expect(plan.invalid).toEqual([
      { line: 3, reason: 'no email address' },
      { line: 4, reason: '"bad-at-example.com" is not an email address' },
    ]);
    expect(result).toEqual({ created: 2, existing: 0 });
    expect(await findClientByEmail('dana.c@home.example')).toMatchObject({ name: 'Dana Client', company: 'Acme Corp', emails: ['dana@acme-corp.com', 'dana.c@home.example'] });
    expect((await findClientByEmail('lee.buyer@globex.io'))?.company).toBe('Globex');
  });

  it('reads an Outlook export and merges duplicate rows by address', async () => {
    const { parsed, plan, result } = await importFile('outlook-contacts.csv');
    expect(parsed.format).toBe('outlook');
    expect(plan.contacts.map((c) => [c.name, c.lines])).toEqual([['Priya Raman', [1, 3]], ['Marco Bianchi', [2]]]);
    expect(result.created).toBe(2);
    expect((await findClientByEmail('m.bianchi@studio.example'))?.name).toBe('Marco Bianchi');
  });

  it('reads a HubSpot-style export; names with markup stay text', async () => {
    const { parsed, result } = await importFile('hubspot-contacts.csv');
    expect(parsed.format).toBe('hubspot');
    expect(result.created).toBe(3);
    expect((await findClientByEmail('eve@evil.example'))?.name).toBe('<img src=x onerror=alert(1)> Eve');
  });

  it('reads a plain name,email,company file and leaves existing clients as they are', async () => {
    await createClient({ name: 'Hannah (mine)', emails: ['h.weiss@weiss-gmbh.de'] });
    const { parsed, plan, result } = await importFile('plain.csv');
    expect(parsed.format).toBe('plain');
    expect(plan.existing).toBe(1);
    expect(plan.invalid).toEqual([{ line: 3, reason: '"not an address" is not an email address' }]);
    expect(result).toEqual({ created: 1, existing: 1 });
    expect((await findClientByEmail('h.weiss@weiss-gmbh.de'))?.name).toBe('Hannah (mine)');
  });

  it('imports nothing when a write fails half-way', async () => {
    const parsed = parseContactsCsv(fixture('plain.csv'));
    const plan = await planImport(parsed, parsed.mapping);
    plan.contacts.push({ name: 'x'.repeat(500), emails: ['long@name.example'], lines: [9] }); // refused by the repository
    const before = await dumpDb();
    await expect(importContacts(plan)).rejects.toThrow(/longer than 200/);
    expect(await dumpDb()).toEqual(before);
  });

  it('asks for the email column when none is mapped, and refuses a file without headers', async () => {
    await expect(planImport({ rows: [] }, {})).rejects.toThrow('Choose the column that holds the email address.');
    expect(() => parseContactsCsv('')).toThrow('no header row');
  });
});

describe('CSV export', () => {
  it('writes one row per client and guards against formulas', async () => {
    const c = await createClient({ name: '=HYPERLINK("http://x")', emails: ['a@acme.com'], company: 'Acme' });
    await logTouchpoint({ clientId: c.id!, kind: 'sale', amount: 250, at: Date.UTC(2026, 10, 1) });
    const rows = Papa.parse<string[]>(await clientsCsv()).data;
    expect(rows[0].slice(0, 6)).toEqual(['Name', 'Emails', 'Company', 'Stage', 'Key account', 'Lifetime value']);
    expect(rows[1].slice(0, 8)).toEqual(["'=HYPERLINK(\"http://x\")", 'a@acme.com', 'Acme', 'customer', '', '250', '1', '2026-11-01']);
    const tps = Papa.parse<string[]>(await touchpointsCsv()).data;
    expect(tps[1].slice(1, 4)).toEqual(["'=HYPERLINK(\"http://x\")", 'a@acme.com', 'sale']);
    expect(safeCell('-1')).toBe("'-1");
    expect(await db.clients.count()).toBe(1);
  });

  it('lists every touchpoint oldest first, across clients, whatever order they were logged in', async () => {
    const a = await createClient({ name: 'Ann', emails: ['ann@acme.com'] });
    const b = await createClient({ name: 'Bo', emails: ['bo@globex.io'] });
    for (const [c, day, kind] of [[a, 9, 'call'], [b, 2, 'meeting'], [a, 5, 'sale'], [b, 7, 'email-out']] as const) {
      await logTouchpoint({ clientId: c.id!, kind, at: Date.UTC(2026, 10, day), ...(kind === 'sale' ? { amount: 10 } : {}) });
    }
    const rows = Papa.parse<string[]>(await touchpointsCsv(), { skipEmptyLines: true }).data.slice(1);
    expect(rows.map((r) => [r[0].slice(0, 10), r[1], r[3]])).toEqual([
      ['2026-11-02', 'Bo', 'meeting'], ['2026-11-05', 'Ann', 'sale'], ['2026-11-07', 'Bo', 'email-out'], ['2026-11-09', 'Ann', 'call'],
    ]);
  });
});
