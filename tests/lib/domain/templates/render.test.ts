import { describe, expect, it } from 'vitest';
import {
  renderText, renderTemplate, templateErrors, valuesFor, firstNameOf, VARIABLES, BUILT_IN_TEMPLATES, sampleValues,
} from '@/lib/domain/templates';

const NOW = new Date(2026, 10, 22, 12, 0).getTime();
const DAY = 86_400_000;

describe('renderText', () => {
  it('fills every known variable', () => {
    const source = VARIABLES.map((v) => `${v.name}={{${v.name}}}`).join(';');
    const values = Object.fromEntries(VARIABLES.map((v) => [v.name, `<${v.name}>`]));
    const r = renderText(source, values);
    expect(r.text).toBe(VARIABLES.map((v) => `${v.name}=<${v.name}>`).join(';'));
    expect(r.missing).toEqual([]);
    expect(r.unknown).toEqual([]);
  });

  it('allows spaces inside the braces', () => {
    expect(renderText('Hi {{ firstName }}!', { firstName: 'Dana' }).text).toBe('Hi Dana!');
  });

  it('inserts a visible placeholder for a missing value and reports it', () => {
    const r = renderText('Thanks,\n{{myName}}', {});
    expect(r.text).toBe('Thanks,\n[your name]');
    expect(r.missing).toEqual(['myName']);
    expect(r.parts).toContainEqual({ kind: 'missing', name: 'myName', text: '[your name]' });
    expect(r.text).not.toContain('{{');
  });

  it('treats an empty value as missing, never as a gap', () => {
    expect(renderText('Hi {{firstName}},', { firstName: '' }).text).toBe('Hi [first name],');
  });

  it('reports an unknown variable and keeps it visible', () => {
    const r = renderText('Hi {{nickname}}', { nickname: 'DD' });
    expect(r.unknown).toEqual(['nickname']);
    expect(r.text).toBe('Hi [unknown: nickname]');
  });

  it('inserts names with markup as the same characters, never interpreted', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const r = renderText('Dear {{name}}', { name: evil });
    expect(r.text).toBe(`Dear ${evil}`);
    // a value that itself looks like a variable is not expanded again
    expect(renderText('{{name}}', { name: '{{myName}}' }).text).toBe('{{myName}}');
  });
});

describe('templateErrors', () => {
  it('accepts every built-in template', () => {
    for (const t of BUILT_IN_TEMPLATES) expect(templateErrors(t)).toEqual([]);
  });
  it('names unknown variables, unbalanced braces, and an empty name or body', () => {
    expect(templateErrors({ name: 'x', subject: 'Hi {{frstName}}', body: 'ok' })).toEqual([
      'Unknown variable {{frstName}} in the subject.',
    ]);
    expect(templateErrors({ name: 'x', subject: 's', body: 'Hi {{firstName}' })).toEqual([
      'Unbalanced {{ }} in the body.',
    ]);
    expect(templateErrors({ name: ' ', subject: 's', body: '' })).toEqual([
      'The template needs a name.',
      'The template needs a body.',
    ]);
  });
});

describe('valuesFor', () => {
  const settings = { myName: 'Sam Seller', signature: '' };
  it('fills from the client, the thread and the settings', () => {
    const v = valuesFor({
      client: { name: 'Dana Client', company: 'Acme Corp', lastContactAt: NOW - 42 * DAY, stage: 'client' },
      subject: 'Renewal',
      lastSaleAt: NOW - 90 * DAY,
      settings,
      now: NOW,
    });
    expect(v).toMatchObject({
      firstName: 'Dana', name: 'Dana Client', company: 'Acme Corp', myName: 'Sam Seller',
      lastSubject: 'Renewal', daysSinceContact: '42', lastContactAgo: '1 month', lastPurchaseAgo: '3 months', stage: 'client',
    });
    expect(v.signature).toBeUndefined();
  });
  it('falls back to the name on the page and leaves unknowns unset', () => {
    const v = valuesFor({ personName: 'Lee Buyer', settings: { myName: '', signature: '' }, now: NOW });
    expect(v.firstName).toBe('Lee');
    expect(v.myName).toBeUndefined();
    expect(v.daysSinceContact).toBeUndefined();
  });
  it.each([
    ['Dana Client', 'Dana'],
    ['Client, Dana', 'Dana'],
    ['dana@acme.com', undefined],
    ['  ', undefined],
  ])('first name of %j is %j', (name, first) => expect(firstNameOf(name)).toBe(first));
});

describe("the How'm I doing? template", () => {
  it('renders against the sample client with no gaps', () => {
    const t = BUILT_IN_TEMPLATES.find((x) => x.builtInKey === 'how-am-i-doing')!;
    const r = renderTemplate(t, sampleValues());
    expect(r.missing).toEqual([]);
    expect(r.body.text).toContain('Hi Dana,');
    expect(r.body.text).toContain('how am I doing?');
    expect(r.subject.text).toBe('Quick question, Dana');
  });
});
