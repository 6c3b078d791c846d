/**
 * The templates for the side panel, read without the built-ins' words (lib/db/template-list.ts):
 * the background writes the built-ins on install, and only a database that has none yet (a
 * page opened before the background ran) loads the code that writes them.
 */
import { useQuery } from '@tanstack/react-query';
import { readTemplates } from '../db/template-list';
import { keys } from './keys';

async function templatesWithBuiltIns() {
  const all = await readTemplates();
  if (all.some((t) => t.builtIn)) return all;
  await (await import('../db/templates')).ensureBuiltInTemplates();
  return readTemplates();
}

export function useTemplates() {
  return useQuery({ queryKey: keys.templates, queryFn: templatesWithBuiltIns });
}
