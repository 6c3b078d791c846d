/**
 * Importing contacts from a spreadsheet: Google Contacts, Outlook contacts, a HubSpot-style
 * contacts export, or a plain name,email,company file. The format is guessed from the
 * header row and proposes a column mapping the user can change; every row is checked
 * (a valid address is required), rows for the same address are merged, invalid rows are
 * listed with the reason and skipped, and the rest is written in one transaction: all of
 * it or, on any failure, none of it.
 */
import Papa from 'papaparse';
import { normalizeEmail } from '../domain/model';
import { effectiveCadenceDays } from '../domain/cadence';
import { spreadFirstDueAt } from '../domain/import';
import { db } from '../db/schema';
import { createClient } from '../db/clients';
import { getSettings } from '../db/settings';

export type ContactsFormat = 'google' | 'outlook' | 'hubspot' | 'plain' | 'unknown';

export interface ColumnMapping {
  name?: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  /** further address columns (Google has several) */
  extraEmails?: string[];
  company?: string;
}

export interface ParsedCsv {
  headers: string[];
  rows: Record<string, string>[];
  format: ContactsFormat;
  mapping: ColumnMapping;
}

const find = (headers: string[], ...names: string[]) =>
  headers.find((h) => names.some((n) => h.trim().toLowerCase() === n.toLowerCase()));

export function detectFormat(headers: string[]): { format: ContactsFormat; mapping: ColumnMapping } {
  const h = headers;
  if (find(h, 'E-mail 1 - Value')) {
    return {
      format: 'google',
      mapping: {
        name: find(h, 'Name'),
        firstName: find(h, 'Given Name', 'First Name'),
        lastName: find(h, 'Family Name', 'Last Name'),
        email: find(h, 'E-mail 1 - Value'),
        extraEmails: h.filter((x) => /^E-mail [2-9] - Value$/i.test(x.trim())),
        company: find(h, 'Organization 1 - Name', 'Organization Name'),
      },
    };
  }
  if (find(h, 'E-mail Address')) {
    return {
      format: 'outlook',
      mapping: {
        firstName: find(h, 'First Name'),
        lastName: find(h, 'Last Name'),
        email: find(h, 'E-mail Address'),
        extraEmails: [find(h, 'E-mail 2 Address'), find(h, 'E-mail 3 Address')].filter((x): x is string => !!x),
        company: find(h, 'Company'),
      },
    };
  }
  if (find(h, 'Record ID', 'Contact owner', 'Lifecycle Stage') && find(h, 'Email')) {
    return {
      format: 'hubspot',
      mapping: { firstName: find(h, 'First Name'), lastName: find(h, 'Last Name'), email: find(h, 'Email'), company: find(h, 'Company Name', 'Company') },
    };
  }
  const email = find(h, 'email', 'e-mail', 'email address');
  if (email) {
    return { format: 'plain', mapping: { name: find(h, 'name', 'full name'), firstName: find(h, 'first name'), lastName: find(h, 'last name'), email, company: find(h, 'company', 'organization') } };
  }
  return { format: 'unknown', mapping: {} };
}

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export function parseContactsCsv(text: string): ParsedCsv {
  if (text.length > MAX_IMPORT_BYTES) throw new Error('The file is too large (over 20 MB).');
  const r = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' });
  const headers = (r.meta.fields ?? []).filter((f) => f.trim() !== '');
  if (headers.length === 0) throw new Error('The file has no header row.');
  const { format, mapping } = detectFormat(headers);
  return { headers, rows: r.data, format, mapping };
}

export interface ContactRow {
  name: string;
  emails: string[];
  company?: string;
  /** 1-based line numbers (after the header) of the rows merged into this contact */
  lines: number[];
}

export interface ImportPlan {
  contacts: ContactRow[];
  invalid: { line: number; reason: string }[];
  /** contacts whose address already belongs to a client (they are left as they are) */
  existing: number;
}

const cell = (row: Record<string, string>, col?: string) => (col ? (row[col] ?? '').trim() : '');

export async function planImport(parsed: Pick<ParsedCsv, 'rows'>, mapping: ColumnMapping): Promise<ImportPlan> {
  if (!mapping.email) throw new Error('Choose the column that holds the email address.');
  const byEmail = new Map<string, ContactRow>();
  const contacts: ContactRow[] = [];
  const invalid: ImportPlan['invalid'] = [];
  parsed.rows.forEach((row, i) => {
    const line = i + 1;
    const rawEmails = [cell(row, mapping.email), ...(mapping.extraEmails ?? []).map((c) => cell(row, c))]
      .flatMap((v) => v.split(/\s*:::\s*|\s*;\s*/))
      .filter(Boolean);
    if (rawEmails.length === 0) {
      invalid.push({ line, reason: 'no email address' });
      return;
    }
    const emails = rawEmails.map((e) => normalizeEmail(e));
    const bad = rawEmails.find((_, j) => !emails[j]);
    if (bad !== undefined && emails.every((e) => !e)) {
      invalid.push({ line, reason: `"${bad.slice(0, 60)}" is not an email address` });
      return;
    }
    const valid = [...new Set(emails.filter((e): e is string => !!e))];
    const name = (cell(row, mapping.name) || [cell(row, mapping.firstName), cell(row, mapping.lastName)].filter(Boolean).join(' ')).slice(0, 200);
    const company = cell(row, mapping.company).slice(0, 200) || undefined;
    const same = valid.map((e) => byEmail.get(e)).find(Boolean);
    if (same) {
      for (const e of valid) if (!same.emails.includes(e)) same.emails.push(e);
      same.name ||= name;
      same.company ||= company;
      same.lines.push(line);
    } else {
      const c: ContactRow = { name, emails: valid, company, lines: [line] };
      contacts.push(c);
    }
    const target = same ?? contacts[contacts.length - 1];
    for (const e of valid) byEmail.set(e, target);
  });
  let existing = 0;
  for (const c of contacts) if (await db.clients.where('emails').anyOf(c.emails).count()) existing++;
  return { contacts, invalid, existing };
}

/**
 * Writes the new contacts in one transaction; those already clients are left untouched.
 * The new ones' first due dates are spread over a prospect's cadence (lib/domain/import.ts),
 * so they do not all fall due on one day.
 */
export async function importContacts(plan: ImportPlan, now = Date.now()): Promise<{ created: number; existing: number }> {
  return db.transaction('rw', db.clients, db.histories, db.historyParts, db.digests, db.settings, async () => {
    const fresh: ContactRow[] = [];
    for (const c of plan.contacts) if (!(await db.clients.where('emails').anyOf(c.emails).count())) fresh.push(c);
    const cadence = effectiveCadenceDays('prospect', await getSettings());
    for (const [i, c] of fresh.entries()) {
      await createClient({ name: c.name, emails: c.emails, company: c.company, firstDueAt: spreadFirstDueAt(i, fresh.length, cadence, now) }, now);
    }
    return { created: fresh.length, existing: plan.contacts.length - fresh.length };
  });
}
