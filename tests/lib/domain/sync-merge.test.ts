import { describe, expect, it } from 'vitest';
import { mergeClientDocuments, stableJson, type ClientDocument, type SyncedTouchpoint } from '@/lib/domain/sync-merge';

/** a small seeded generator, so a failing case can be run again */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const ID = (n: number) => `01JD${String(n).padStart(22, '0')}`;
const tp = (n: number, over: Partial<SyncedTouchpoint> = {}): SyncedTouchpoint => ({
  id: ID(n), at: 1_000 + n, kind: 'call', source: 'manual', createdAt: 1_000 + n, ...over,
});
const doc = (over: Partial<ClientDocument> = {}): ClientDocument => ({ kind: 'client', card: {}, touchpoints: [], deleted: {}, ...over });

/** a random version of one client, as a device may hold it */
function randomDoc(r: () => number): ClientDocument {
  if (r() < 0.08) return doc({ deletedAt: Math.floor(r() * 50) });
  const fields = ['name', 'company', 'tags', 'notes', 'cadenceDays'];
  const card = Object.fromEntries(
    fields.filter(() => r() < 0.7).map((f) => [f, { value: f === 'tags' ? [`t${Math.floor(r() * 3)}`] : `${f}-${Math.floor(r() * 4)}`, at: Math.floor(r() * 6) }]),
  );
  const deleted = Object.fromEntries([0, 1, 2, 3, 4, 5, 6, 7].filter(() => r() < 0.15).map((n) => [ID(n), Math.floor(r() * 30)]));
  const touchpoints = [0, 1, 2, 3, 4, 5, 6, 7]
    .filter((n) => r() < 0.5 && !(ID(n) in deleted))
    .map((n) => tp(n, r() < 0.4 ? { summary: `edit ${Math.floor(r() * 3)}`, updatedAt: 2_000 + Math.floor(r() * 3) } : {}));
  return doc({ card, touchpoints, deleted });
}

const same = (x: ClientDocument, y: ClientDocument) => expect(stableJson(x)).toBe(stableJson(y));

describe('merging two versions of a synced client', () => {
  it('unites both histories and keeps the newer edit of each card field', () => {
    const laptop = doc({
      card: { company: { value: 'Acme Corp', at: 20 }, tags: { value: ['vip'], at: 5 } },
      touchpoints: [tp(1), tp(2)],
    });
    const desktop = doc({
      card: { company: { value: 'Acme', at: 10 }, tags: { value: ['vip', 'renewal'], at: 30 }, notes: { value: 'prefers calls', at: 7 } },
      touchpoints: [tp(1), tp(3)],
    });
    const m = mergeClientDocuments(laptop, desktop);
    expect(m.card).toEqual({ company: { value: 'Acme Corp', at: 20 }, tags: { value: ['vip', 'renewal'], at: 30 }, notes: { value: 'prefers calls', at: 7 } });
    expect(m.touchpoints.map((t) => t.id)).toEqual([ID(1), ID(2), ID(3)]);
  });

  it('a deleted touchpoint does not come back from a device that still has it', () => {
    const deletedHere = doc({ touchpoints: [tp(1)], deleted: { [ID(2)]: 50 } });
    const stillThere = doc({ touchpoints: [tp(1), tp(2, { summary: 'edited later, elsewhere', updatedAt: 90 })] });
    for (const m of [mergeClientDocuments(deletedHere, stillThere), mergeClientDocuments(stillThere, deletedHere)]) {
      expect(m.touchpoints.map((t) => t.id)).toEqual([ID(1)]);
      expect(m.deleted).toEqual({ [ID(2)]: 50 });
    }
  });

  it('the same touchpoint edited on both sides keeps the later edit', () => {
    const a = doc({ touchpoints: [tp(1, { summary: 'first', updatedAt: 3_000 })] });
    const b = doc({ touchpoints: [tp(1, { summary: 'second', updatedAt: 4_000 })] });
    expect(mergeClientDocuments(a, b).touchpoints[0].summary).toBe('second');
    expect(mergeClientDocuments(b, a).touchpoints[0].summary).toBe('second');
  });

  it('a deleted client stays deleted, keeping only its tombstone', () => {
    const gone = doc({ deletedAt: 100 });
    const edited = doc({ card: { notes: { value: 'x', at: 500 } }, touchpoints: [tp(1)] });
    same(mergeClientDocuments(gone, edited), doc({ deletedAt: 100 }));
    same(mergeClientDocuments(edited, gone), doc({ deletedAt: 100 }));
  });

  it('ties fall the same way on both devices', () => {
    const a = doc({ card: { company: { value: 'Acme', at: 5 } } });
    const b = doc({ card: { company: { value: 'Globex', at: 5 } } });
    same(mergeClientDocuments(a, b), mergeClientDocuments(b, a));
  });

  it('on 500 random versions: commutative, associative, idempotent, and nothing but deletions is lost', () => {
    const r = rng(20261201);
    for (let i = 0; i < 500; i++) {
      const [a, b, c] = [randomDoc(r), randomDoc(r), randomDoc(r)];
      const ab = mergeClientDocuments(a, b);
      same(ab, mergeClientDocuments(b, a));
      same(mergeClientDocuments(ab, c), mergeClientDocuments(a, mergeClientDocuments(b, c)));
      same(mergeClientDocuments(ab, ab), ab);
      same(mergeClientDocuments(ab, a), ab);
      if (ab.deletedAt === undefined) {
        // every touchpoint of either side is there, unless one side deleted it
        const ids = new Set(ab.touchpoints.map((t) => t.id));
        for (const t of [...a.touchpoints, ...b.touchpoints]) expect(ids.has(t.id) || t.id in ab.deleted).toBe(true);
        for (const id of Object.keys(ab.deleted)) expect(ids.has(id)).toBe(false);
        // every field of either side is there, at the newer of the two edits
        for (const [k, f] of [...Object.entries(a.card), ...Object.entries(b.card)]) expect(ab.card[k].at).toBeGreaterThanOrEqual(f.at);
      }
    }
  });

  it('stableJson does not depend on the order of keys', () => {
    expect(stableJson({ b: 1, a: [{ y: 2, x: 1 }] })).toBe(stableJson({ a: [{ x: 1, y: 2 }], b: 1 }));
    expect(stableJson({ a: undefined, b: 1 })).toBe(stableJson({ b: 1 }));
  });
});
