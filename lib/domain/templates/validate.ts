/**
 * A template as the user writes it in the editor: checked (sizes, stages, situations, and
 * no unknown variable or stray braces) before anything is stored.
 */
import { LIMITS, STAGES, TEMPLATE_SITUATIONS, type Stage, type Template, type TemplateSituation } from '../model';
import { cleanText, inField, refusedAt, ValidationError } from '../validate';
import { templateErrors } from './render';

export interface TemplateInput {
  name: string;
  category?: string;
  subject: string;
  body: string;
  stages?: Stage[];
  situations?: TemplateSituation[];
}

/** The template to store, or a ValidationError naming what is wrong (an unknown variable included). */
export function validateTemplate(input: TemplateInput): Omit<Template, 'id' | 'builtIn' | 'builtInKey'> {
  if (!input || typeof input !== 'object') throw new ValidationError('no template given');
  const t = {
    name: inField('name', () => cleanText(input.name, 'template name', LIMITS.templateName)),
    category: inField('category', () => cleanText(input.category ?? 'Custom', 'category', LIMITS.templateCategory)) || 'Custom',
    subject: inField('subject', () => cleanText(input.subject, 'subject', LIMITS.templateSubject)),
    body: inField('body', () => cleanText(input.body, 'body', LIMITS.templateBody, { multiline: true })),
    stages: [...new Set(input.stages ?? [])],
    situations: [...new Set(input.situations ?? [])],
  };
  for (const s of t.stages) if (!STAGES.includes(s)) throw refusedAt('stages', `unknown stage "${s}"`);
  for (const s of t.situations) if (!TEMPLATE_SITUATIONS.includes(s)) throw refusedAt('situations', `unknown situation "${s}"`);
  const errors = templateErrors(t);
  if (errors.length) throw new ValidationError(errors.join(' '));
  return t;
}

/**
 * A whole stored template (a row of a backup) under the editor's rules: its words checked
 * and cleaned as validateTemplate does them, its id, built-in flag and key and time kept.
 */
export function checkTemplateRecord(t: Template): Template {
  const out: Template = { ...t, ...validateTemplate(t) };
  if (t.builtInKey !== undefined) {
    const key = inField('builtInKey', () => cleanText(t.builtInKey, 'built-in key', LIMITS.builtInKey));
    if (key) out.builtInKey = key;
    else delete out.builtInKey;
  }
  return out;
}
