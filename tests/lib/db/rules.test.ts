import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { TouchbaseDB } from '@/lib/db/schema';
import { RULES_ROW, RULES_VERSION } from '@/lib/db/rules';
import { refreshBuiltIn } from '@/lib/db/rules-apply';
import { BUILT_IN_TEMPLATES } from '@/lib/domain/templates/builtins';
import type { Client, Template } from '@/lib/domain/model';

const DAY = 86_400_000;
const NOW = new Date(2026, 10, 22, 12).getTime();

/** A database as the code before issue 16 left it: version 7, its derived fields by the old rules. */
async function oldDatabase(name: string) {
  const old = new TouchbaseDB(name, 7);
  await old.open();
  const base = { tags: [], importantDates: [], anniversaries: [], notes: '', createdAt: NOW - 800 * DAY };
  // Dana wrote last (day -2), the user called on day -20: the old clock counted her email
  await old.clients.add({
    ...base, id: 1, name: 'Dana', emails: ['dana@acme.com'], stage: 'customer', saleCount: 1, lifetimeValue: 100,
    lastContactAt: NOW - 2 * DAY, nextDueAt: NOW + 12 * DAY, updatedAt: NOW - DAY,
  } as Client);
  await old.histories.add({
    clientId: 1,
    items: [
      { id: '00000000000000000000000001', clientId: 1, at: NOW - 400 * DAY, kind: 'sale', source: 'manual', amount: 100, createdAt: NOW - 400 * DAY },
      { id: '00000000000000000000000002', clientId: 1, at: NOW - 20 * DAY, kind: 'call', source: 'manual', createdAt: NOW - 20 * DAY },
      { id: '00000000000000000000000003', clientId: 1, at: NOW - 2 * DAY, kind: 'email-in', source: 'detected', createdAt: NOW - 2 * DAY },
    ],
  });
  // marked former before formerSince existed
  await old.clients.add({
    ...base, id: 2, name: 'Gone', emails: ['gone@acme.com'], stage: 'former', stageOverride: 'former', saleCount: 0,
    lifetimeValue: 0, nextDueAt: NOW, updatedAt: NOW - 50 * DAY,
  } as Client);
  // the built-ins as shipped before: one untouched, one the user reworded
  const shipped = (key: string) => BUILT_IN_TEMPLATES.find((t) => t.builtInKey === key)!;
  await old.templates.bulkAdd([
    {
      ...shipped('expectation-check'), situations: ['after-purchase', 'new-customer'], subject: 'One question about success',
      body: 'Hi {{firstName}},\n\nSix months from now, how will you know this purchase was a success? If you tell me what you are measuring, I can help make sure we hit it.\n\nThanks,\n{{myName}}',
    },
    { ...shipped('referral'), stages: ['client'], body: 'My own words, {{firstName}}.' },
  ] as Template[]);
  old.close();
}

describe('the rules brought up to date on open (no schema version)', () => {
  it('re-derives every client by the new rules, records when former clients left, refreshes the built-ins, once', async () => {
    const name = `rules-${Math.random()}`;
    await oldDatabase(name);
    const db = new TouchbaseDB(name);
    await db.open();
    expect(db.verno).toBe(12);
    const dana = (await db.clients.get(1))!;
    // the user's own call restarts the clock, not Dana's email; the sales' dates and dormancy are filled
    expect(dana).toMatchObject({ lastContactAt: NOW - 20 * DAY, firstSaleAt: NOW - 400 * DAY, lastSaleAt: NOW - 400 * DAY });
    expect(dana.dormantAt).toBe(new Date(2026, 9, 18, 12).getTime()); // 12 months after the sale
    expect(await db.clients.where('dormantAt').below(NOW).primaryKeys()).toEqual([1]);
    // a client already former counts as lost from their last change
    expect((await db.clients.get(2))!.formerSince).toBe(NOW - 50 * DAY);
    const templates = await db.templates.toArray();
    const check = templates.find((t) => t.builtInKey === 'expectation-check')!;
    expect(check.situations).toEqual(['half-year']);
    expect(check.subject).toBe('Six months on: is it what you expected?');
    const referral = templates.find((t) => t.builtInKey === 'referral')!;
    // untouched stages take the new ones; the user's words stay
    expect(referral.stages).toEqual(['customer', 'client']);
    expect(referral.body).toBe('My own words, {{firstName}}.');
    expect((await db.settings.get(RULES_ROW))!.value).toEqual({ version: RULES_VERSION });

    // once only: a record changed afterwards is not re-derived on the next open
    await db.clients.update(1, { lastContactAt: 5 });
    db.close();
    const again = new TouchbaseDB(name);
    await again.open();
    expect((await again.clients.get(1))!.lastContactAt).toBe(5);
    again.close();
    await Dexie.delete(name);
  });

  it('leaves a template the user edited alone, and one already refreshed the same object', () => {
    const shipped = BUILT_IN_TEMPLATES.find((t) => t.builtInKey === 'expectation-check')!;
    const current = { ...shipped, stages: [...shipped.stages], situations: [...shipped.situations], id: 3 } as Template;
    expect(refreshBuiltIn(current)).toBe(current);
    const mine = { ...current, builtIn: false, builtInKey: undefined, situations: [] } as Template;
    expect(refreshBuiltIn(mine)).toBe(mine);
  });
});
