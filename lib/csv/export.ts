/**
 * Spreadsheet exports (CSV via papaparse). Every cell that a spreadsheet would run as a
 * formula (starting with = + - @ or a tab/return) is prefixed with an apostrophe, so a
 * client named "=HYPERLINK(...)" stays text when the file is opened.
 */
import Papa from 'papaparse';
import { db } from '../db/schema';
import { allTouchpoints, byTime } from '../db/history';
import type { Client } from '../domain/model';

export function safeCell(v: unknown): string {
  const s = v === undefined || v === null ? '' : String(v);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

const day = (t?: number) => (t === undefined ? '' : new Date(t).toISOString().slice(0, 10));

export async function clientsCsv(): Promise<string> {
  const clients = await db.clients.orderBy('lifetimeValue').reverse().toArray();
  return Papa.unparse({
    fields: ['Name', 'Emails', 'Company', 'Stage', 'Key account', 'Lifetime value', 'Sales', 'Last contact', 'Next due', 'Waiting for reply since', 'Tags', 'Notes'],
    data: clients.map((c: Client) =>
      [c.name, c.emails.join('; '), c.company, c.stage, c.keyAccount ? 'yes' : '', c.lifetimeValue, c.saleCount, day(c.lastContactAt), day(c.nextDueAt), day(c.awaitingReplySince), c.tags.join('; '), c.notes].map(safeCell),
    ),
  });
}

export async function touchpointsCsv(): Promise<string> {
  const [clients, tps] = await db.transaction('r', db.clients, db.histories, db.historyParts, () =>
    Promise.all([db.clients.toArray(), allTouchpoints()]),
  );
  tps.sort(byTime);
  const byId = new Map(clients.map((c) => [c.id!, c]));
  return Papa.unparse({
    fields: ['Date', 'Client', 'Email', 'Kind', 'Subject', 'Summary', 'Amount', 'Source'],
    data: tps.map((t) =>
      [new Date(t.at).toISOString(), byId.get(t.clientId)?.name, byId.get(t.clientId)?.emails[0], t.kind, t.subject, t.summary, t.amount, t.source].map(safeCell),
    ),
  });
}
