/**
 * A template as the user writes it in the editor: checked (sizes, stages, situations, and
 * no unknown variable or stray braces) before anything is stored.
 */
import { LIMITS, STAGES, TEMPLATE_SITUATIONS, type Stage, type Template, type TemplateSituation } from '../model';
import { cleanText, ValidationError } from '../validate';
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
    name: cleanText(input.name, 'template name', LIMITS.templateName),
    category: cleanText(input.category ?? 'Custom', 'category', LIMITS.templateCategory) || 'Custom',
    subject: cleanText(input.subject, 'subject', LIMITS.templateSubject),
    body: cleanText(input.body, 'body', LIMITS.templateBody, { multiline: true }),
    stages: [...new Set(input.stages ?? [])],
    situations: [...new Set(input.situations ?? [])],
  };
  for (const s of t.stages) if (!STAGES.includes(s)) throw new ValidationError(`unknown stage "${s}"`);
  for (const s of t.situations) if (!TEMPLATE_SITUATIONS.includes(s)) throw new ValidationError(`unknown situation "${s}"`);
  const errors = templateErrors(t);
  if (errors.length) throw new ValidationError(errors.join(' '));
  return t;
}
