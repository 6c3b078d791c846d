/**
 * Every lookup of the selector files is shown by the fixtures it names (GMAIL_FIXTURES,
 * OUTLOOK_FIXTURES): each chain matches in each of them, and no chain names none.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GMAIL, GMAIL_COMPOSE, GMAIL_COMPOSE_FIXTURES, GMAIL_FIXTURES, GMAIL_LIST, GMAIL_LIST_FIXTURES } from '@/lib/mail/gmail-selectors';
import { OUTLOOK, OUTLOOK_COMPOSE, OUTLOOK_COMPOSE_FIXTURES, OUTLOOK_FIXTURES, OUTLOOK_LIST, OUTLOOK_LIST_FIXTURES } from '@/lib/mail/outlook-selectors';

const FIXTURES = join(__dirname, '../../fixtures');
const parsed = new Map<string, Document>();
const doc = (name: string) => {
  if (!parsed.has(name)) parsed.set(name, new DOMParser().parseFromString(readFileSync(join(FIXTURES, name), 'utf8'), 'text/html'));
  return parsed.get(name)!;
};

/** a chain for elements that must be absent (`notIn`) or a fallback no fixture shows (`bold`) names none */
const NO_FIXTURE: Record<string, string[]> = { 'outlook list': ['notIn', 'bold'] };

const cases = (selectors: Record<string, unknown>, fixtures: Record<string, string[]>, name = '') =>
  Object.entries(selectors)
    .filter(([key]) => !/Attributes?$/.test(key)) // attribute names, not selectors
    .filter(([key]) => !(NO_FIXTURE[name] ?? []).includes(key))
    .map(([key, chain]) => [key, typeof chain === 'string' ? [chain] : (chain as string[]), fixtures[key]] as const);

describe.each([
  ['gmail', cases(GMAIL, GMAIL_FIXTURES)],
  ['outlook', cases(OUTLOOK, OUTLOOK_FIXTURES)],
  ['gmail list', cases(GMAIL_LIST, GMAIL_LIST_FIXTURES)],
  ['outlook list', cases(OUTLOOK_LIST, OUTLOOK_LIST_FIXTURES, 'outlook list')],
  ['gmail compose', cases(GMAIL_COMPOSE, GMAIL_COMPOSE_FIXTURES)],
  ['outlook compose', cases(OUTLOOK_COMPOSE, OUTLOOK_COMPOSE_FIXTURES)],
])('%s selector chains', (_provider, chains) => {
  it.each(chains)('%s matches in every fixture it names', (key, chain, named) => {
    expect(named, `${key} names no fixture`).toBeDefined();
    expect(named.length, `${key} names no fixture`).toBeGreaterThan(0);
    for (const f of named) {
      const hit = chain.some((sel) => doc(f).querySelector(sel) !== null);
      expect(hit, `${key} matches nothing in ${f}`).toBe(true);
    }
  });
});
