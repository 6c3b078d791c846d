/**
 * Follow-up templates in the database, as every page reads them. The built-ins are written
 * on first use (and any built-in missing later is added back), keyed by `builtInKey`, so
 * the user can edit a built-in and reset it to the shipped words (./template-edits.ts,
 * the options page's writes). Their words are loaded only when one is missing: the keys
 * (BUILT_IN_KEYS) say whether any is, so the side panel never carries them.
 */
import type { Template } from '../domain/model';
import { BUILT_IN_KEYS } from '../domain/templates/builtin-keys';
import { db } from './schema';

/** Adds any built-in template that is not in the database yet. */
export async function ensureBuiltInTemplates(now = Date.now()): Promise<void> {
  const stored = new Set(await db.templates.orderBy('builtInKey').keys());
  if (BUILT_IN_KEYS.every((k) => stored.has(k))) return;
  // loaded before the transaction: an await on anything else would let it commit
  const { BUILT_IN_TEMPLATES } = await import('../domain/templates/builtins');
  await db.transaction('rw', db.templates, async () => {
    const have = new Set(await db.templates.orderBy('builtInKey').keys());
    const missing = BUILT_IN_TEMPLATES.filter((t) => !have.has(t.builtInKey));
    if (missing.length) await db.templates.bulkAdd(missing.map((t) => ({ ...t, stages: [...t.stages], situations: [...t.situations], updatedAt: now })));
  });
}

/** Every template, built-ins first in their shipped order, then the user's by name. */
export async function listTemplates(): Promise<Template[]> {
  await ensureBuiltInTemplates();
  const all = await db.templates.toArray();
  const order = new Map(BUILT_IN_KEYS.map((k, i) => [k, i]));
  return all.sort((a, b) => {
    const ai = a.builtInKey !== undefined ? (order.get(a.builtInKey) ?? 999) : 1000;
    const bi = b.builtInKey !== undefined ? (order.get(b.builtInKey) ?? 999) : 1000;
    return ai - bi || a.name.localeCompare(b.name);
  });
}
