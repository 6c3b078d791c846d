import { describe, expect, it } from 'vitest';
import { touchesSyncedData } from '@/lib/background/sync';

describe('what wakes a push', () => {
  it('a write of clients, histories, settings or templates; not sync’s own rows (they would echo forever)', () => {
    for (const t of ['clients', 'histories', 'settings', 'templates']) expect(touchesSyncedData({ [`idb://touchbase/${t}/`]: {} })).toBe(true);
    expect(touchesSyncedData({ 'idb://touchbase/syncDocs/': {}, 'idb://touchbase/syncMeta/': {}, 'idb://touchbase/digests/': {} })).toBe(false);
    expect(touchesSyncedData({ 'idb://another-db/clients/': {} })).toBe(false);
    expect(touchesSyncedData(null)).toBe(false);
  });
});
