import { describe, expect, it } from 'vitest';
import type { Client, Touchpoint } from '@/lib/domain/model';
import { clientFromDocument, historyFromDocument, localDocument, toClientDocument, type ClientRefs } from '@/lib/domain/sync-document';
import { mergeClientDocuments } from '@/lib/domain/sync-merge';

const refs: ClientRefs = { docOf: (id) => (id === 7 ? 'cDOC7' : undefined), clientOf: (d) => (d === 'cDOC7' ? 7 : undefined) };

const client = (over: Partial<Client> = {}): Client => ({
  id: 1, name: 'Dana Client', emails: ['dana@acme.com'], company: 'Acme', tags: ['vip'], importantDates: [], notes: '',
  stage: 'prospect', saleCount: 0, lifetimeValue: 0, createdAt: 100, updatedAt: 1_000, ...over,
});
const tp = (n: number, over: Partial<Touchpoint> = {}): Touchpoint => ({
  id: `01JBQZ3N5E00000000000000${String(n).padStart(2, '0')}`, clientId: 1, at: 500 + n, kind: 'call', source: 'manual', createdAt: 500 + n, ...over,
});

describe('a client as a document, by difference from the version last agreed on', () => {
  it('a client never synced: every field at the time of its last write, no tombstones, no local numbers', () => {
    const doc = localDocument(client({ referredBy: 7 }), [tp(1, { templateId: 3 })], undefined, refs);
    expect(doc.card.name).toEqual({ value: 'Dana Client', at: 1_000 });
    expect(doc.card.company).toEqual({ value: 'Acme', at: 1_000 });
    expect(doc.card.cadenceDays).toEqual({ value: null, at: 1_000 });
    expect(doc.card.referredBy).toEqual({ value: 'cDOC7', at: 1_000 });
    expect(doc.touchpoints).toEqual([{ id: tp(1).id, at: 501, kind: 'call', source: 'manual', createdAt: 501 }]);
    expect(doc.deleted).toEqual({});
  });

  it('only what changed since the base takes the new time; a touchpoint gone is a tombstone; an edited one is stamped', () => {
    const base = localDocument(client(), [tp(1), tp(2)], undefined, refs);
    const now = localDocument(client({ company: 'Acme Holdings', updatedAt: 5_000 }), [tp(2, { summary: 'Talked seats' })], base, refs);
    expect(now.card.company).toEqual({ value: 'Acme Holdings', at: 5_000 });
    expect(now.card.name).toEqual({ value: 'Dana Client', at: 1_000 });
    expect(now.deleted).toEqual({ [tp(1).id!]: 5_000 });
    expect(now.touchpoints).toEqual([expect.objectContaining({ id: tp(2).id, summary: 'Talked seats', updatedAt: 5_000 })]);
    // the same again: nothing new
    expect(localDocument(client({ company: 'Acme Holdings', updatedAt: 9_000 }), [tp(2, { summary: 'Talked seats' })], now, refs)).toEqual(now);
  });

  it('two devices edit different fields offline: the merge keeps both', () => {
    const base = localDocument(client(), [tp(1)], undefined, refs);
    const laptop = localDocument(client({ company: 'Acme Holdings', updatedAt: 5_000 }), [tp(1)], base, refs);
    const desktop = localDocument(client({ notes: 'Prefers mornings', updatedAt: 6_000 }), [tp(1), tp(3)], base, refs);
    const merged = mergeClientDocuments(laptop, desktop);
    const back = clientFromDocument(merged, client(), refs, 7_000);
    expect(back).toMatchObject({ company: 'Acme Holdings', notes: 'Prefers mornings', name: 'Dana Client', emails: ['dana@acme.com'] });
    expect(historyFromDocument(merged, 1, refs).map((t) => t.id)).toEqual([tp(1).id, tp(3).id]);
  });

  it('a document comes back through the user input checks: markup stays text, a broken address is refused', () => {
    const doc = localDocument(client(), [], undefined, refs);
    const named = clientFromDocument({ ...doc, card: { ...doc.card, name: { value: '<img src=x onerror=alert(1)>', at: 2_000 } } }, undefined, refs, 3_000);
    expect(named.name).toBe('<img src=x onerror=alert(1)>');
    expect(() => clientFromDocument({ ...doc, card: { ...doc.card, emails: { value: ['not an address'], at: 2_000 } } }, undefined, refs, 3_000)).toThrow();
    expect(() => clientFromDocument({ ...doc, card: { ...doc.card, emails: { value: [], at: 2_000 } } }, undefined, refs, 3_000)).toThrow(/no address/);
  });

  it('refuses what is not a client document, naming what is wrong', () => {
    const doc = localDocument(client(), [tp(1)], undefined, refs);
    expect(toClientDocument(JSON.parse(JSON.stringify(doc)))).toEqual(doc);
    expect(() => toClientDocument({ kind: 'template' })).toThrow(/not a client, the settings or a template/);
    expect(() => toClientDocument({ ...doc, kind: 'invoice' })).toThrow(/not a client, the settings or a template/);
    expect(() => toClientDocument({ ...doc, kind: 'template' })).toThrow(/synced template with touchpoints/);
    expect(() => toClientDocument({ ...doc, card: { ...doc.card, password: { value: 'x', at: 1 } } })).toThrow(/synced client with a field it cannot have \(password\)/);
    expect(() => toClientDocument({ ...doc, deleted: { nope: 1 } })).toThrow(/deleted touchpoint/);
    expect(() => toClientDocument({ ...doc, touchpoints: [{ id: 'x' }] })).toThrow(/broken touchpoint/);
  });
});
