/**
 * Bundled into a page of the extension by a browser test: writes clients and their
 * history through the repository (lib/db), as the product would, so a test can start from
 * a book of clients without clicking it together.
 */
import { createClient } from '../../../lib/db/clients';
import { logTouchpoint, type TouchpointInput } from '../../../lib/db/touchpoints';
import { updateSettings, type SettingsPatch } from '../../../lib/db/settings';

async function client(c: { name: string; email: string; history: Omit<TouchpointInput, 'clientId'>[] }): Promise<number> {
  const { id } = await createClient({ name: c.name, emails: [c.email] }, Date.now() - 400 * 86_400_000);
  for (const t of c.history) await logTouchpoint({ ...t, clientId: id! });
  return id!;
}

async function settings(patch: SettingsPatch): Promise<void> {
  await updateSettings(patch);
}

(globalThis as unknown as { __tbSeed: unknown }).__tbSeed = { client, settings };
