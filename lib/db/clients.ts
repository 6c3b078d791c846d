/**
 * Client records: create, update, find by any of their addresses, delete. Every function
 * checks its whole input (lib/domain/clients.ts) before opening a transaction and writes the
 * client together with its derived fields (lib/db/derived.ts), so a client is never stored
 * half-true.
 */
import type { Client } from '../domain/model';
import { applyClientPatch, newClient, type ClientInput, type ClientPatch } from '../domain/clients';
import { toEmail, ValidationError } from '../domain/validate';
import { db } from './schema';
import { NotFoundError } from './errors';
import { getSettings } from './settings';
import { withDerived } from './derived';
import { deleteHistory } from './history';

async function assertAddressesFree(emails: string[], selfId?: number) {
  const owners = await db.clients.where('emails').anyOf(emails).toArray();
  const clash = owners.find((c) => c.id !== selfId);
  if (clash) {
    const taken = emails.find((e) => clash.emails.includes(e));
    throw new ValidationError(`${taken} already belongs to ${clash.name}`);
  }
}

export async function createClient(input: ClientInput, now = Date.now()): Promise<Client> {
  const client = newClient(input, now);
  return db.transaction('rw', db.clients, db.histories, db.historyParts, db.digests, db.settings, async () => {
    await assertAddressesFree(client.emails);
    const settings = await getSettings();
    // an address learnt as the user's own was learnt wrongly if it is a client's
    const learned = settings.learnedAddresses.filter((a) => !client.emails.includes(a));
    if (learned.length !== settings.learnedAddresses.length) {
      await db.settings.put({ key: 'app', value: { ...settings, learnedAddresses: learned } });
    }
    const derived = await withDerived(client, settings);
    const id = await db.clients.add(derived);
    return { ...derived, id };
  });
}

export async function updateClient(id: number, patch: ClientPatch, now = Date.now()): Promise<Client> {
  if (!patch || typeof patch !== 'object') throw new ValidationError('no changes given');
  return db.transaction('rw', db.clients, db.histories, db.historyParts, db.digests, db.settings, async () => {
    const current = await db.clients.get(id);
    if (!current) throw new NotFoundError(`client ${id} does not exist`);
    const next = applyClientPatch(current, patch, now);
    if (patch.emails !== undefined) await assertAddressesFree(next.emails, id);
    if (patch.referredBy != null && (patch.referredBy === id || !(await db.clients.get(patch.referredBy))))
      throw new ValidationError('referred by: not another client');
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
  await db.transaction('rw', db.clients, db.histories, db.historyParts, db.digests, async () => {
    if (!(await db.clients.get(id))) throw new NotFoundError(`client ${id} does not exist`);
    await deleteHistory(id);
    await db.clients.delete(id);
  });
}

export async function listClients(): Promise<Client[]> {
  return db.clients.orderBy('nextDueAt').toArray();
}

export type { ClientInput, ClientPatch };

export function countClients(): Promise<number> {
  return db.clients.count();
}

/**
 * Clients whose name, company or address contains `term` (lower-case), at most `limit`:
 * for picking a person by hand. A scan, stopped at the limit; books of clients are small
 * enough for it, and typing gives it a term of two letters or more.
 */
export function searchClients(term: string, limit = 8): Promise<Client[]> {
  const t = term.trim().toLowerCase();
  if (!t) return Promise.resolve([]);
  return db.clients
    .filter(
      (c) =>
        c.name.toLowerCase().includes(t) ||
        (c.company ?? '').toLowerCase().includes(t) ||
        c.emails.some((e) => e.includes(t)),
    )
    .limit(limit)
    .toArray();
}
