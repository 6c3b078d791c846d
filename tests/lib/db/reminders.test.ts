import { beforeEach, describe, expect, it } from 'vitest';
import { createClient, logTouchpoint, updateClient, updateSettings, getSettings, db } from '@/lib/db';
import { keyAccountsWaiting } from '@/lib/db/reminders';
import { DEFAULT_SETTINGS } from '@/lib/domain/settings';
import { resetDb, DAY, HOUR } from './helpers';

// Tuesday 24 November 2026, noon; Monday is the 23rd, Friday the 20th
const TUE = new Date(2026, 10, 24, 12, 0).getTime();
const at = (d: number, h: number, m = 0) => new Date(2026, 10, d, h, m).getTime();

beforeEach(resetDb);

let n = 0;
async function waiting(name: string, since: number, opts: { key?: boolean; snoozedUntil?: number } = {}) {
  const c = await createClient({ name, emails: [`${name.toLowerCase()}${n++}@acme.com`], keyAccount: opts.key ?? true }, since - 30 * DAY);
  await logTouchpoint({ clientId: c.id!, kind: 'email-in', at: since }, since);
  if (opts.snoozedUntil) await updateClient(c.id!, { snoozedUntil: opts.snoozedUntil }, since);
  return c;
}

const names = async (now: number, s = DEFAULT_SETTINGS, o?: { limit?: number; lookbackMs?: number }) =>
  (await keyAccountsWaiting(now, s, o)).map((c) => c.name);

describe('keyAccountsWaiting', () => {
  it('finds the key accounts whose email has waited 24 working hours, by the reply rule', async () => {
    await waiting('Over', at(23, 11)); // 25 working hours
    await waiting('Exactly', TUE - 24 * HOUR); // 24 h: "due", no longer on time
    await waiting('Under', TUE - 24 * HOUR + 1);
    await waiting('NotKey', at(23, 8), { key: false });
    await waiting('Snoozed', at(23, 8), { snoozedUntil: TUE + DAY });
    const answered = await waiting('Answered', at(23, 8));
    await logTouchpoint({ clientId: answered.id!, kind: 'call', at: at(23, 9) }, at(23, 9));
    expect(await names(TUE)).toEqual(['Exactly', 'Over']); // the newest first
  });

  it('counts working time: the weekend adds nothing', async () => {
    await waiting('Friday', at(20, 13)); // Fri 11 h + Mon 12 h = 23 h by Monday noon
    expect(await names(at(23, 12))).toEqual([]);
    expect(await names(at(23, 13))).toEqual(['Friday']);
    // with the working week off, the same email has waited 71 clock hours
    expect(await names(at(23, 12), { ...DEFAULT_SETTINGS, workingDaysOnly: false })).toEqual(['Friday']);
  });

  it('follows the on-time threshold of the settings', async () => {
    await waiting('Dana', TUE - 10 * HOUR);
    expect(await names(TUE)).toEqual([]);
    expect(await names(TUE, { ...DEFAULT_SETTINGS, replyOnTimeHours: 8 })).toEqual(['Dana']);
  });

  it('reads a bounded range: two weeks back, at most `limit` rows, the newest first', async () => {
    await waiting('Old', TUE - 20 * DAY);
    await waiting('A', TUE - 3 * DAY);
    await waiting('B', TUE - 4 * DAY);
    await waiting('C', TUE - 5 * DAY);
    expect(await names(TUE)).toEqual(['A', 'B', 'C']);
    expect(await names(TUE, DEFAULT_SETTINGS, { limit: 2 })).toEqual(['A', 'B']);
    expect(await names(TUE, DEFAULT_SETTINGS, { lookbackMs: 30 * DAY })).toEqual(['A', 'B', 'C', 'Old']);
  });
});

describe('the reminder settings in the database', () => {
  it('are saved without re-deriving any client (they change no due date)', async () => {
    const c = await waiting('Dana', TUE - 3 * DAY);
    // a derived field made stale on purpose: a recompute would put it right
    await db.clients.update(c.id!, { needsYouAt: 1 });
    await updateSettings({ digestEnabled: true, digestTime: '07:15', keyAccountAlerts: true });
    expect((await db.clients.get(c.id!))!.needsYouAt).toBe(1);
    expect(await getSettings()).toMatchObject({ digestEnabled: true, digestTime: '07:15', keyAccountAlerts: true });
    // a setting that moves due dates does re-derive
    await updateSettings({ replyLateHours: 50 });
    expect((await db.clients.get(c.id!))!.needsYouAt).not.toBe(1);
  });

  it('refuse a digest time that is not one, and change nothing', async () => {
    await expect(updateSettings({ digestTime: '8.30' })).rejects.toThrow(/digest time/);
    expect((await getSettings()).digestTime).toBe('08:30');
  });
});
