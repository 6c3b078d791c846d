/**
 * Client records: create, update, find by any of their addresses, delete. Every function
 * validates its whole input before opening a transaction and writes the client together
 * with its derived fields (lib/db/derived.ts), so a client is never stored half-true.
 */
import type { Client, ImportantDate, Stage } from './types';
import { STAGES } from './types';
import { db } from './schema';
import { NotFoundError, ValidationError } from './errors';
import { cleanText, domainOf, toEmail, toEmails, toPositiveDays, toTags, toTime } from './validate';
import { getSettings } from './settings';
import { withDerived } from './derived';

export interface ClientInput {
  name?: string;
  emails: string[];
  company?: string;
  stageOverride?: Stage | null;
  tags?: string[];
  cadenceDays?: number | null;
  keyAccount?: boolean;
  importantDates?: ImportantDate[];
  notes?: string;
  snoozedUntil?: number | Date | string | null;
}

export type ClientPatch = Partial<ClientInput>;

/** Free-mail domains say nothing about the company. */
const FREE_MAIL = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com',
  'yahoo.com', 'icloud.com', 'me.com', 'aol.com', 'proton.me', 'protonmail.com', 'gmx.de',
  'gmx.net', 'web.de', 'yandex.ru', 'mail.ru', 'qq.com',
]);

/** "acme-corp.co.uk" -> "Acme Corp": a good first guess the user can edit. */
export function companyFromEmail(email: string): string | undefined {
  const domain = domainOf(email);
  if (FREE_MAIL.has(domain)) return undefined;
  const parts = domain.split('.');
  // skip a second-level public suffix such as co.uk / com.au
  let label = parts.length >= 3 && parts[parts.length - 2].length <= 3 ? parts[parts.length - 3] : parts[parts.length - 2];
  if (!label) return undefined;
  label = label.replace(/[-_]+/g, ' ');
  return label.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
}

function nameFromEmail(email: string): string {
  const local = email.slice(0, email.indexOf('@')).replace(/[._+-]+/g, ' ').trim();
  return local.replace(/\b\p{L}/gu, (c) => c.toUpperCase()) || email;
}

export const anniversaryKey = (month: number, day: number) => `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

export function anniversaryKeys(dates: ImportantDate[]): string[] {
  return [...new Set(dates.map((d) => anniversaryKey(d.month, d.day)))];
}

function toStage(v: unknown): Stage | undefined {
  if (v === undefined || v === null) return undefined;
  if (!STAGES.includes(v as Stage)) throw new ValidationError(`unknown stage "${String(v)}"`);
  return v as Stage;
}

function toImportantDates(values: unknown): ImportantDate[] {
  if (values === undefined) return [];
  if (!Array.isArray(values)) throw new ValidationError('important dates must be a list');
  if (values.length > 20) throw new ValidationError('at most 20 important dates');
  return values.map((v, i) => {
    const d = v as Partial<ImportantDate>;
    const label = cleanText(d?.label, `important date ${i + 1} label`, 60) || 'Date';
    const { month, day, year } = d ?? {};
    if (!Number.isInteger(month) || month! < 1 || month! > 12)
      throw new ValidationError(`important date "${label}" has no valid month`);
    const maxDay = new Date(2024, month!, 0).getDate(); // 2024: leap year allows 29 Feb
    if (!Number.isInteger(day) || day! < 1 || day! > maxDay)
      throw new ValidationError(`important date "${label}" has no valid day`);
    if (year !== undefined && (!Number.isInteger(year) || year < 1900 || year > 2200))
      throw new ValidationError(`important date "${label}" has no valid year`);
    return year === undefined ? { label, month: month!, day: day! } : { label, month: month!, day: day!, year };
  });
}

/** Applies a validated patch to a client (or a blank one); throws before anything is written. */
function applyPatch(base: Client, patch: ClientPatch): Client {
  const next: Client = { ...base };
  if (patch.emails !== undefined) next.emails = toEmails(patch.emails);
  if (patch.name !== undefined) {
    next.name = cleanText(patch.name, 'name', 200) || nameFromEmail(next.emails[0]);
  }
  if (patch.company !== undefined) {
    const c = cleanText(patch.company, 'company', 200);
    if (c) next.company = c;
    else delete next.company;
  }
  if (patch.stageOverride !== undefined) {
    const s = toStage(patch.stageOverride);
    if (s) next.stageOverride = s;
    else delete next.stageOverride;
  }
  if (patch.tags !== undefined) next.tags = toTags(patch.tags);
  if (patch.cadenceDays !== undefined) {
    if (patch.cadenceDays === null) delete next.cadenceDays;
    else next.cadenceDays = toPositiveDays(patch.cadenceDays, 'cadence');
  }
  if (patch.keyAccount !== undefined) next.keyAccount = Boolean(patch.keyAccount);
  if (patch.importantDates !== undefined) {
    next.importantDates = toImportantDates(patch.importantDates);
    next.anniversaries = anniversaryKeys(next.importantDates);
  }
  if (patch.notes !== undefined) next.notes = cleanText(patch.notes, 'notes', 20000, { multiline: true });
  if (patch.snoozedUntil !== undefined) {
    if (patch.snoozedUntil === null) delete next.snoozedUntil;
    else next.snoozedUntil = toTime(patch.snoozedUntil, 'snooze date');
  }
  next.domain = domainOf(next.emails[0]);
  return next;
}

async function assertAddressesFree(emails: string[], selfId?: number) {
  const owners = await db.clients.where('emails').anyOf(emails).toArray();
  const clash = owners.find((c) => c.id !== selfId);
  if (clash) {
    const taken = emails.find((e) => clash.emails.includes(e));
    throw new ValidationError(`${taken} already belongs to ${clash.name}`);
  }
}

export async function createClient(input: ClientInput, now = Date.now()): Promise<Client> {
  if (!input || typeof input !== 'object') throw new ValidationError('no client given');
  const emails = toEmails(input.emails);
  const blank: Client = {
    name: '', emails, tags: [], importantDates: [], notes: '', stage: 'prospect', saleCount: 0,
    lifetimeValue: 0, createdAt: now, updatedAt: now,
  };
  const company = input.company ?? companyFromEmail(emails[0]);
  const client = applyPatch(blank, { ...input, emails, name: input.name ?? '', company });
  return db.transaction('rw', db.clients, db.histories, db.settings, async () => {
    await assertAddressesFree(client.emails);
    const settings = await getSettings();
    const derived = await withDerived(client, settings);
    const id = await db.clients.add(derived);
    return { ...derived, id };
  });
}

export async function updateClient(id: number, patch: ClientPatch, now = Date.now()): Promise<Client> {
  if (!patch || typeof patch !== 'object') throw new ValidationError('no changes given');
  return db.transaction('rw', db.clients, db.histories, db.settings, async () => {
    const current = await db.clients.get(id);
    if (!current) throw new NotFoundError(`client ${id} does not exist`);
    const next = applyPatch(current, patch);
    if (patch.emails !== undefined) await assertAddressesFree(next.emails, id);
    const derived = await withDerived(next, await getSettings());
    derived.updatedAt = now;
    await db.clients.put(derived);
    return derived;
  });
}

export async function getClient(id: number): Promise<Client | undefined> {
  return db.clients.get(id);
}

/** The client one of whose addresses this is (addresses are unique across clients). */
export async function findClientByEmail(email: string): Promise<Client | undefined> {
  let e: string;
  try {
    e = toEmail(email);
  } catch {
    return undefined;
  }
  return db.clients.where('emails').equals(e).first();
}

/** Deletes a client and their whole history in one transaction. */
export async function deleteClient(id: number): Promise<void> {
  await db.transaction('rw', db.clients, db.histories, async () => {
    if (!(await db.clients.get(id))) throw new NotFoundError(`client ${id} does not exist`);
    await db.histories.delete(id);
    await db.clients.delete(id);
  });
}

export async function listClients(): Promise<Client[]> {
  return db.clients.orderBy('nextDueAt').toArray();
}

export { toEmail };
