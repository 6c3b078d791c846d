/**
 * The template editor's writes (the options page): the user's own templates created,
 * edited, duplicated and deleted; a built-in edited and reset to its shipped words. A
 * template whose words use an unknown variable is refused with the editor's message. Apart
 * from ./templates.ts so that the pages that only read templates (the side panel) carry
 * none of it.
 */
import type { Template } from '../domain/model';
import { BUILT_IN_TEMPLATES } from '../domain/templates/builtins';
import { validateTemplate, type TemplateInput } from '../domain/templates/validate';
import { ValidationError } from '../domain/validate';
import { db } from './schema';
import { NotFoundError } from './errors';

export async function createTemplate(input: TemplateInput, now = Date.now()): Promise<Template> {
  const t: Template = { ...validateTemplate(input), builtIn: false, updatedAt: now };
  const id = await db.templates.add(t);
  return { ...t, id };
}

export async function updateTemplate(id: number, input: TemplateInput, now = Date.now()): Promise<Template> {
  const valid = validateTemplate(input);
  return db.transaction('rw', db.templates, async () => {
    const current = await db.templates.get(id);
    if (!current) throw new NotFoundError(`template ${id} does not exist`);
    const next: Template = { ...current, ...valid, updatedAt: now };
    await db.templates.put(next);
    return next;
  });
}

export async function duplicateTemplate(id: number, now = Date.now()): Promise<Template> {
  const current = await db.templates.get(id);
  if (!current) throw new NotFoundError(`template ${id} does not exist`);
  return createTemplate({ ...current, name: `${current.name} (copy)`.slice(0, 120) }, now);
}

/** Deletes a template of the user's; built-ins cannot be deleted, only edited and reset. */
export async function deleteTemplate(id: number): Promise<Template> {
  return db.transaction('rw', db.templates, async () => {
    const current = await db.templates.get(id);
    if (!current) throw new NotFoundError(`template ${id} does not exist`);
    if (current.builtIn) throw new ValidationError('a built-in template cannot be deleted; reset it instead');
    await db.templates.delete(id);
    return current;
  });
}

/** Puts a built-in template's shipped words back. */
export async function resetTemplate(id: number, now = Date.now()): Promise<Template> {
  return db.transaction('rw', db.templates, async () => {
    const current = await db.templates.get(id);
    if (!current) throw new NotFoundError(`template ${id} does not exist`);
    const shipped = BUILT_IN_TEMPLATES.find((t) => t.builtInKey === current.builtInKey);
    if (!current.builtIn || !shipped) throw new ValidationError('only a built-in template can be reset');
    const next: Template = { ...shipped, stages: [...shipped.stages], situations: [...shipped.situations], id, updatedAt: now };
    await db.templates.put(next);
    return next;
  });
}

export type { TemplateInput };
