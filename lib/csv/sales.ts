/**
 * Importing sales from a spreadsheet: one row per sale, with the buyer's email, the date
 * and the amount, and optionally a name, a company and a note. As with contacts
 * (./import.ts): the columns are guessed from the header and can be changed, every row is
 * checked and a bad one is listed with its reason and skipped, and the rest is written in
 * one transaction, all of it or none of it.
 *
 * An address that is no client yet becomes one, with the name and company of its row and
 * the stage its sales give (one sale: customer, two or more: client). A sale already
 * recorded (same client, same moment, same amount) is not recorded twice, so importing the
 * same file again adds nothing. New clients' first due dates are spread over their cadence
 * (lib/domain/import.ts): a thousand customers imported with a sale of last year are not
 * all overdue on the day of the import.
 *
 * Dates: 2025-03-14 (ISO, the form every spreadsheet can export), with a time or not
 * (2025-03-14 09:30, 2025-03-14T09:30:00Z), 2025/03/14 or 14.03.2025. 03/04/2025 is
 * refused: it is 3 April in one country and 4 March in another. A date alone is taken at
 * noon, local time. Amounts: 1234.50, 1,234.50, 1.234,50, 1 234,50, $1,200, 99 €.
 */
import Papa from 'papaparse';
import { LIMITS, normalizeEmail, type Touchpoint } from '../domain/model';
import { cleanText } from '../domain/validate';
import { validateTouchpoint } from '../domain/touchpoints';
import { effectiveCadenceDays } from '../domain/cadence';
import { stageFromSales } from '../domain/stage';
import { spreadFirstDueAt } from '../domain/import';
import { db } from '../db/schema';
import { createClient } from '../db/clients';
import { getSettings } from '../db/settings';
import { readHistory, writeHistory } from '../db/history';
import { newTouchpointId } from '../domain/ids';
import { recomputeClient } from '../db/derived';
import { MAX_IMPORT_BYTES } from './import';

export interface SalesMapping {
  email?: string;
  date?: string;
  amount?: string;
  name?: string;
  company?: string;
  note?: string;
}

export interface ParsedSalesCsv {
  headers: string[];
  rows: Record<string, string>[];
  mapping: SalesMapping;
}

const find = (headers: string[], ...names: string[]) =>
  headers.find((h) => names.some((n) => h.trim().toLowerCase() === n));

/** The columns a sales file names in the usual ways (exports of shops, invoicing and CRMs). */
export function detectSalesMapping(h: string[]): SalesMapping {
  return {
    email: find(h, 'email', 'e-mail', 'email address', 'e-mail address', 'customer email', 'buyer email', 'billing email'),
    date: find(h, 'date', 'sale date', 'order date', 'purchase date', 'invoice date', 'paid at', 'created at', 'created'),
    amount: find(h, 'amount', 'total', 'value', 'price', 'revenue', 'sale amount', 'order total', 'total amount', 'net amount'),
    name: find(h, 'name', 'full name', 'customer', 'customer name', 'buyer', 'contact', 'contact name'),
    company: find(h, 'company', 'company name', 'organization', 'organisation', 'account', 'account name'),
    note: find(h, 'note', 'notes', 'description', 'product', 'item', 'memo'),
  };
}

export function parseSalesCsv(text: string): ParsedSalesCsv {
  if (text.length > MAX_IMPORT_BYTES) throw new Error('The file is too large (over 20 MB).');
  const r = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' });
  const headers = (r.meta.fields ?? []).filter((f) => f.trim() !== '');
  if (headers.length === 0) throw new Error('The file has no header row.');
  return { headers, rows: r.data, mapping: detectSalesMapping(headers) };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A local calendar day at noon, or null when it is no real day (30 February). */
function dayAtNoon(y: number, m: number, d: number): number | null {
  const t = new Date(y, m - 1, d, 12);
  return t.getFullYear() === y && t.getMonth() === m - 1 && t.getDate() === d ? t.getTime() : null;
}

/** A sale's moment from a cell, or the reason it is not one (never in the future, never before 1900). */
export function parseSaleDate(raw: string, now: number): number | { reason: string } {
  const s = raw.trim();
  const bad = { reason: s ? `"${s.slice(0, 40)}" is not a date: write it as YYYY-MM-DD` : 'no date' };
  if (!s) return bad;
  let at: number | null = null;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(s))) at = dayAtNoon(+m[1], +m[2], +m[3]);
  else if ((m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s))) at = dayAtNoon(+m[3], +m[2], +m[1]);
  else if ((m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(s))) {
    if (dayAtNoon(+m[1], +m[2], +m[3]) !== null && +m[4] < 24 && +m[5] < 60) {
      const t = m[7] ? Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}${m[7].length === 5 ? `${m[7].slice(0, 3)}:${m[7].slice(3)}` : m[7]}`) : new Date(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] ?? 0)).getTime();
      at = Number.isFinite(t) ? t : null;
    }
  }
  if (at === null) return bad;
  if (new Date(at).getFullYear() < 1900) return { reason: `${s} is before 1900` };
  if (at > now) return { reason: `${s} is in the future` };
  return at;
}

/** A sale's amount from a cell ("1,234.50", "1.234,50", "$99", "99 €"), or the reason it is not one. */
export function parseAmount(raw: string): number | { reason: string } {
  const s = raw.trim();
  if (!s) return { reason: 'no amount' };
  const bad = { reason: `"${s.slice(0, 40)}" is not an amount` };
  if (/^\(.*\)$/.test(s) || /^-|-$|^[^\d-]*-/.test(s)) return { reason: `${s} is negative: a sale cannot be` };
  // currency symbols and codes, spaces of every kind, apostrophes as thousands separators
  const n = s.replace(/[\s\u00a0\u202f'’]/g, '').replace(/^[^\d.,]+|[^\d.,]+$/g, '');
  if (!/^[\d.,]+$/.test(n) || !/\d/.test(n)) return bad;
  const lastDot = n.lastIndexOf('.');
  const lastComma = n.lastIndexOf(',');
  let plain: string;
  if (lastDot >= 0 && lastComma >= 0) {
    // both: the last one is the decimal point
    const dec = lastDot > lastComma ? '.' : ',';
    const thousands = dec === '.' ? ',' : '.';
    const [int, frac, ...rest] = n.split(dec);
    if (rest.length) return bad;
    plain = `${int.split(thousands).join('')}.${frac}`;
  } else if (lastComma >= 0) {
    const parts = n.split(',');
    // one comma with one or two digits after it is a decimal comma; otherwise thousands
    plain = parts.length === 2 && /^\d{1,2}$/.test(parts[1]) ? `${parts[0]}.${parts[1]}` : parts.join('');
  } else {
    const parts = n.split('.');
    plain = parts.length > 2 ? parts.join('') : n;
  }
  const v = Number(plain);
  if (!Number.isFinite(v) || plain === '' || plain === '.') return bad;
  if (v > LIMITS.amount) return { reason: `${s} is too large` };
  return Math.round(v * 100) / 100;
}

export interface SaleRow {
  /** 1-based line number after the header */
  line: number;
  email: string;
  at: number;
  amount: number;
  name?: string;
  company?: string;
  note?: string;
}

export interface SalesPlan {
  sales: SaleRow[];
  invalid: { line: number; reason: string }[];
  /** the sales of the file already recorded (left out of `sales`) */
  recorded: number;
  /** buyers who are no client yet */
  newClients: number;
  /** buyers who are clients already */
  existingClients: number;
}

const cell = (row: Record<string, string>, col?: string) => (col ? (row[col] ?? '').trim() : '');
/** A sale as the history compares it: the same moment and the same amount in cents. */
const saleKey = (at: number, amount: number | undefined) => `${at}:${Math.round((amount ?? 0) * 100)}`;

export async function planSalesImport(parsed: Pick<ParsedSalesCsv, 'rows'>, mapping: SalesMapping, now = Date.now()): Promise<SalesPlan> {
  if (!mapping.email) throw new Error('Choose the column that holds the buyer’s email address.');
  if (!mapping.date) throw new Error('Choose the column that holds the date of the sale.');
  if (!mapping.amount) throw new Error('Choose the column that holds the amount of the sale.');
  const rows: SaleRow[] = [];
  const invalid: SalesPlan['invalid'] = [];
  parsed.rows.forEach((row, i) => {
    const line = i + 1;
    const rawEmail = cell(row, mapping.email);
    const email = normalizeEmail(rawEmail);
    if (!email) {
      invalid.push({ line, reason: rawEmail ? `"${rawEmail.slice(0, 60)}" is not an email address` : 'no email address' });
      return;
    }
    const at = parseSaleDate(cell(row, mapping.date), now);
    if (typeof at !== 'number') {
      invalid.push({ line, reason: at.reason });
      return;
    }
    const amount = parseAmount(cell(row, mapping.amount));
    if (typeof amount !== 'number') {
      invalid.push({ line, reason: amount.reason });
      return;
    }
    let note: string | undefined;
    try {
      note = cleanText(cell(row, mapping.note), 'note', LIMITS.summary) || undefined;
    } catch (e) {
      invalid.push({ line, reason: (e as Error).message });
      return;
    }
    rows.push({
      line, email, at, amount, note,
      name: cell(row, mapping.name).slice(0, LIMITS.name) || undefined,
      company: cell(row, mapping.company).slice(0, LIMITS.company) || undefined,
    });
  });
  // what each buyer's history already holds: a sale of the file recorded before is left out
  const emails = [...new Set(rows.map((r) => r.email))];
  const owners = new Map<string, number>();
  for (const c of await db.clients.where('emails').anyOf(emails).toArray()) for (const e of c.emails) owners.set(e, c.id!);
  const have = new Map<number, Map<string, number>>();
  for (const id of new Set(owners.values())) {
    const counts = new Map<string, number>();
    for (const t of await readHistory(id)) {
      if (t.kind === 'sale') counts.set(saleKey(t.at, t.amount), (counts.get(saleKey(t.at, t.amount)) ?? 0) + 1);
    }
    have.set(id, counts);
  }
  const sales: SaleRow[] = [];
  let recorded = 0;
  for (const r of rows) {
    const id = owners.get(r.email);
    const counts = id === undefined ? undefined : have.get(id);
    const k = saleKey(r.at, r.amount);
    if (counts && (counts.get(k) ?? 0) > 0) {
      counts.set(k, counts.get(k)! - 1);
      recorded++;
    } else sales.push(r);
  }
  const buyers = new Set(sales.map((s) => s.email));
  const newClients = [...buyers].filter((e) => !owners.has(e)).length;
  return { sales, invalid, recorded, newClients, existingClients: buyers.size - newClients };
}

/**
 * Writes the plan's sales in one transaction: new buyers become clients, every sale goes
 * into its client's history, every client touched is re-derived. Any failure: nothing.
 */
export async function importSales(plan: SalesPlan, now = Date.now()): Promise<{ sales: number; newClients: number }> {
  // every sale checked by the rule of a logged one before anything is written
  const checked = plan.sales.map((s) => ({ s, tp: validateTouchpoint({ clientId: 1, kind: 'sale', at: s.at, amount: s.amount, summary: s.note }, now) }));
  // a new buyer's stage is the one their sales give, so their cadence is known before they exist
  const salesOf = new Map<string, number>();
  for (const { s } of checked) salesOf.set(s.email, (salesOf.get(s.email) ?? 0) + 1);
  return db.transaction('rw', db.clients, db.histories, db.historyParts, db.digests, db.settings, async () => {
    const settings = await getSettings();
    const byEmail = new Map<string, number>();
    const fresh: SaleRow[] = [];
    for (const { s } of checked) {
      if (byEmail.has(s.email)) continue;
      const existing = await db.clients.where('emails').equals(s.email).first();
      byEmail.set(s.email, existing?.id ?? 0);
      if (!existing) fresh.push(s);
    }
    // the new clients, their first due dates spread over each one's cadence
    for (const [i, s] of fresh.entries()) {
      const cadence = effectiveCadenceDays(stageFromSales(salesOf.get(s.email)!), settings);
      const c = await createClient(
        { name: s.name ?? '', emails: [s.email], ...(s.company ? { company: s.company } : {}), firstDueAt: spreadFirstDueAt(i, fresh.length, cadence, now) },
        now,
      );
      byEmail.set(s.email, c.id!);
    }
    // each client's history read once, its sales added, written once, the client re-derived:
    // every step waits on the database (a long run of awaits on nothing but plain promises
    // would let Dexie lose the transaction in Chromium, and it would commit half-way)
    const byClient = new Map<number, Omit<Touchpoint, 'id'>[]>();
    for (const { s, tp } of checked) {
      const id = byEmail.get(s.email)!;
      const list = byClient.get(id) ?? byClient.set(id, []).get(id)!;
      list.push({ ...tp, clientId: id });
    }
    for (const [id, sales] of byClient) {
      const items = await readHistory(id);
      for (const sale of sales) items.push({ ...sale, id: newTouchpointId(now) });
      await recomputeClient(id, settings, now, await writeHistory(id, items));
    }
    return { sales: checked.length, newClients: fresh.length };
  });
}

/** For the preview: "2025-03-14". */
export function isoDay(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
