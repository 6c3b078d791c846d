/**
 * Template rendering. `{{ name }}` is a variable (spaces allowed inside the braces).
 * The result is plain text, always: values are inserted as text, never parsed as markup,
 * so a client called `<img onerror=...>` stays those characters. Rendering also returns
 * the pieces (text, filled, missing, unknown) so a preview can mark the gaps, and the
 * lists of missing and unknown variables. A missing value becomes its visible placeholder
 * ("[your name]"); an unknown variable is an error for the editor, and in the rendered
 * text it stays visible as "[unknown: foo]" rather than silently vanishing.
 */
import { VARIABLE_NAMES, placeholderOf, type TemplateValues } from './variables';

export type RenderPart =
  | { kind: 'text'; text: string }
  | { kind: 'value'; name: string; text: string }
  | { kind: 'missing'; name: string; text: string }
  | { kind: 'unknown'; name: string; text: string };

export interface Rendered {
  text: string;
  parts: RenderPart[];
  missing: string[];
  unknown: string[];
}

const VAR = /\{\{\s*([^{}]*?)\s*\}\}/g;

export function renderText(source: string, values: TemplateValues): Rendered {
  const parts: RenderPart[] = [];
  const missing = new Set<string>();
  const unknown = new Set<string>();
  let last = 0;
  for (const m of source.matchAll(VAR)) {
    if (m.index! > last) parts.push({ kind: 'text', text: source.slice(last, m.index) });
    const name = m[1];
    if (!VARIABLE_NAMES.has(name)) {
      unknown.add(name);
      parts.push({ kind: 'unknown', name, text: `[unknown: ${name}]` });
    } else {
      const value = values[name];
      if (value === undefined || value === '') {
        missing.add(name);
        parts.push({ kind: 'missing', name, text: placeholderOf(name) });
      } else {
        parts.push({ kind: 'value', name, text: value });
      }
    }
    last = m.index! + m[0].length;
  }
  if (last < source.length) parts.push({ kind: 'text', text: source.slice(last) });
  return { text: parts.map((p) => p.text).join(''), parts, missing: [...missing], unknown: [...unknown] };
}

export interface RenderedTemplate {
  subject: Rendered;
  body: Rendered;
  missing: string[];
  unknown: string[];
}

export function renderTemplate(t: { subject: string; body: string }, values: TemplateValues): RenderedTemplate {
  const subject = renderText(t.subject, values);
  const body = renderText(t.body, values);
  return {
    subject,
    body,
    missing: [...new Set([...subject.missing, ...body.missing])],
    unknown: [...new Set([...subject.unknown, ...body.unknown])],
  };
}

/** Editor check: the unknown variables (and unbalanced braces) of a template, as messages. */
export function templateErrors(t: { name?: string; subject: string; body: string }): string[] {
  const errors: string[] = [];
  if (t.name !== undefined && !t.name.trim()) errors.push('The template needs a name.');
  if (!t.body.trim()) errors.push('The template needs a body.');
  for (const field of ['subject', 'body'] as const) {
    const r = renderText(t[field], {});
    for (const u of r.unknown) errors.push(`Unknown variable {{${u}}} in the ${field}.`);
    const stray = t[field].replace(VAR, '');
    if (stray.includes('{{') || stray.includes('}}')) errors.push(`Unbalanced {{ }} in the ${field}.`);
  }
  return errors;
}
