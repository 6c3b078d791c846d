/** Loading the HTML fixtures of tests/fixtures/{gmail,outlook} as Documents. */
import fs from 'node:fs';
import path from 'node:path';
import type { Person, ThreadSnapshot } from '@/lib/domain/model';

export const FIXTURES = path.resolve(__dirname, '../../fixtures');

export function fixtureHtml(rel: string): string {
  return fs.readFileSync(path.join(FIXTURES, rel), 'utf8');
}

export function fixtureNames(provider: 'gmail' | 'outlook'): string[] {
  return fs.readdirSync(path.join(FIXTURES, provider)).filter((f) => f.endsWith('.html')).sort();
}

/** a fresh Document (jsdom's DOMParser: no scripts run, no resources load) */
export function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

export function loadFixture(rel: string): Document {
  return parse(fixtureHtml(rel));
}

/** every Person of a snapshot */
export function peopleOf(s: ThreadSnapshot): Person[] {
  const out: Person[] = [...s.participants];
  if (s.self) out.push(s.self);
  if (s.correspondent) out.push(s.correspondent);
  for (const m of s.messages) out.push(m.from, ...m.to);
  return out;
}

/**
 * The time one call of `read` takes on `doc`, in ms: the fastest of several batches, so a
 * busy machine does not fail a test that compares two costs.
 */
export function readCostMs(read: (doc: Document) => unknown, doc: Document): number {
  let best = Infinity;
  for (let b = 0; b < 5; b++) {
    const t0 = performance.now();
    for (let i = 0; i < 5; i++) read(doc);
    best = Math.min(best, (performance.now() - t0) / 5);
  }
  return best;
}
