/**
 * Reading the templates without the built-ins' words: the side panel reads them here, so the
 * shipped texts (lib/domain/templates/builtins.ts, written into the database by
 * lib/db/templates.ts on install) stay out of the panel's bundle.
 */
import type { Template } from '../domain/model';
import { db } from './schema';

/** Every template: built-ins first in the order they were written (the shipped order), then the user's by name. */
export async function readTemplates(): Promise<Template[]> {
  const all = await db.templates.toArray();
  return all.sort((a, b) => {
    const ab = a.builtInKey !== undefined ? 0 : 1;
    const bb = b.builtInKey !== undefined ? 0 : 1;
    return ab - bb || (ab === 0 ? a.id! - b.id! : a.name.localeCompare(b.name));
  });
}
