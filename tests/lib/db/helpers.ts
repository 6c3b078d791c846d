import { db } from '@/lib/db/schema';

/** A clean database for each test (fake-indexeddb). */
export async function resetDb() {
  db.close();
  await db.delete();
  await db.open();
}

/** Every row of every table, to prove that refused input changed nothing. */
export async function dumpDb() {
  return {
    clients: await db.clients.toArray(),
    histories: await db.histories.toArray(),
    historyParts: await db.historyParts.toArray(),
    digests: await db.digests.toArray(),
    templates: await db.templates.toArray(),
    settings: await db.settings.toArray(),
  };
}

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
