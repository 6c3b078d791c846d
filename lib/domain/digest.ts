/**
 * The digest of a client's history (HistoryDigest in ./model.ts): what the Insights page
 * reads instead of every history.
 *
 * Why: the page computes from every touchpoint of every client, and reading 10,000
 * histories (210,000 touchpoints, each an object with a 26-character id, a subject and
 * more) out of IndexedDB took 240-340 ms of its ~430 ms at the benchmark's book, all of it
 * the structured-clone copy, the same with raw IndexedDB calls. The insights read six
 * fields (`InsightsTouchpoint`); kept as two typed-array columns and a short list of the
 * rare fields, the same 210,000 touchpoints are a few bytes each and copy as blocks.
 * BENCHMARKS.md has the before and after.
 *
 * The digest is a pure function of the history, written in the same transaction as it
 * (lib/db/history.ts), so it is never behind; `tests/lib/db/digest.test.ts` checks it
 * after every kind of write.
 */
import { TOUCH_KINDS, type HistoryDigest, type Touchpoint, type TouchKind } from './model';

/** The fields of a touchpoint the insights compute from (lib/domain/insights takes these). */
export type InsightsTouchpoint = Pick<Touchpoint, 'clientId' | 'at' | 'kind' | 'templateId' | 'noReplyNeeded' | 'score' | 'referredClientId'>;

const KIND_INDEX = new Map<TouchKind, number>(TOUCH_KINDS.map((k, i) => [k, i]));

/** The digest of `items`, the client's whole history in its stored order. */
export function digestOf(clientId: number, items: readonly Touchpoint[]): HistoryDigest {
  const at = new Float64Array(items.length);
  const kind = new Uint8Array(items.length);
  const extra: HistoryDigest['extra'] = [];
  items.forEach((t, i) => {
    at[i] = t.at;
    kind[i] = KIND_INDEX.get(t.kind) ?? 0;
    if (t.templateId !== undefined || t.noReplyNeeded || t.score !== undefined || t.referredClientId !== undefined) {
      extra.push({
        i,
        ...(t.templateId !== undefined ? { templateId: t.templateId } : {}),
        ...(t.noReplyNeeded ? { noReplyNeeded: true as const } : {}),
        ...(t.score !== undefined ? { score: t.score } : {}),
        ...(t.referredClientId !== undefined ? { referredClientId: t.referredClientId } : {}),
      });
    }
  });
  return { clientId, at, kind, extra };
}

/** The touchpoints of the digests, as the insights read them: by client, each client's in stored order. */
export function touchpointsOfDigests(digests: readonly HistoryDigest[]): InsightsTouchpoint[] {
  const out: InsightsTouchpoint[] = [];
  for (const d of digests) {
    const first = out.length;
    for (let i = 0; i < d.at.length; i++) out.push({ clientId: d.clientId, at: d.at[i], kind: TOUCH_KINDS[d.kind[i]] });
    for (const e of d.extra) {
      const t = out[first + e.i];
      if (e.templateId !== undefined) t.templateId = e.templateId;
      if (e.noReplyNeeded) t.noReplyNeeded = true;
      if (e.score !== undefined) t.score = e.score;
      if (e.referredClientId !== undefined) t.referredClientId = e.referredClientId;
    }
  }
  return out;
}
