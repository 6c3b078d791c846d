/**
 * Bundled into a page of the extension by upgrade.e2e.ts: writes the `touchbase` database
 * as release 4 left it (schema versions 1-4, a record per touchpoint), so the test can
 * watch the current code upgrade a real Chromium database.
 */
import Dexie from 'dexie';
import { DB_NAME, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4 } from '../../../lib/db/schema';

async function writeVersion4(data: { clients: object[]; touchpoints: object[] }): Promise<number> {
  await Dexie.delete(DB_NAME);
  const old = new Dexie(DB_NAME);
  [SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4].forEach((stores, i) => old.version(i + 1).stores(stores));
  await old.open();
  await old.table('clients').bulkAdd(data.clients);
  await old.table('touchpoints').bulkAdd(data.touchpoints);
  const verno = old.verno;
  old.close();
  return verno;
}

(globalThis as unknown as { __tbOld: unknown }).__tbOld = { writeVersion4 };
