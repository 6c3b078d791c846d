/**
 * The fast paths of the Insights page against the plain definitions, on random data: the
 * working-time clock (one day walk for a whole range) against `workingMsBetween` span by
 * span, and the reply speed built on it against the same figures computed the plain way
 * (`workingMsBetween` per email, date-fns `format` per month key).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { format } from 'date-fns';
import { DEFAULT_WORKING_WEEK, workingClock, workingMsBetween, type WorkingWeek } from '../../../lib/domain/working-time';
import { monthKey, replySpeed } from '../../../lib/domain/insights/replySpeed';
import { DEFAULT_SETTINGS } from '../../../lib/domain/settings';
import { REPLY_KINDS } from '../../../lib/domain/response';
import type { Touchpoint } from '../../../lib/domain/model';
import { random, below } from './random';

const DAY = 86_400_000;
const WEEKS: WorkingWeek[] = [DEFAULT_WORKING_WEEK, { days: [0, 1, 2, 3, 4], enabled: true }, { days: [3], enabled: true }, { days: [1, 6], enabled: true }];
const KINDS: Touchpoint['kind'][] = ['email-in', 'email-out', 'call', 'meeting', 'note', 'sale'];

/** replySpeed's answers and months the plain way: workingMsBetween per email, format per key */
function plainReplySpeed(tps: Pick<Touchpoint, 'clientId' | 'at' | 'kind' | 'noReplyNeeded'>[], week: WorkingWeek, onTime: number) {
  const times: { at: number; hours: number | null }[] = [];
  const byClient = new Map<number, typeof tps>();
  for (const t of tps) byClient.set(t.clientId, [...(byClient.get(t.clientId) ?? []), t]);
  for (const list of byClient.values()) {
    list.sort((a, b) => a.at - b.at);
    list.forEach((t, i) => {
      if (t.kind !== 'email-in' || t.noReplyNeeded) return;
      const reply = list.slice(i + 1).find((r) => REPLY_KINDS.includes(r.kind));
      times.push({ at: t.at, hours: reply ? workingMsBetween(t.at, reply.at, week) / 3_600_000 : null });
    });
  }
  const months = new Map<string, number[]>();
  for (const t of times) if (t.hours !== null) months.set(format(t.at, 'yyyy-MM'), [...(months.get(format(t.at, 'yyyy-MM')) ?? []), t.hours]);
  const all = times.filter((t) => t.hours !== null).map((t) => t.hours!);
  return { months, within: all.filter((h) => h <= onTime).length };
}

function check(seed: number) {
  const rnd = random(seed);
  const base = Date.UTC(2024, 0, 1) + below(rnd, 400) * DAY;
  for (const week of WEEKS) {
    const lo = base + below(rnd, DAY);
    const hi = lo + below(rnd, 800) * DAY + below(rnd, DAY);
    const clock = workingClock(lo, hi, week)!;
    for (let i = 0; i < 300; i++) {
      const a = lo + below(rnd, hi - lo + 1);
      const b = a + below(rnd, hi - a + 1);
      expect(clock(b) - clock(a)).toBe(workingMsBetween(a, b, week));
    }
    // the range's own ends, and day starts
    expect(clock(hi) - clock(lo)).toBe(workingMsBetween(lo, hi, week));
  }
  expect(workingClock(0, 10, { days: [1], enabled: false })).toBeNull();
  // reply speed on a random book
  const tps: Touchpoint[] = [];
  for (let c = 1; c <= 60; c++) {
    for (let j = 0; j < 1 + below(rnd, 30); j++) {
      const kind = KINDS[below(rnd, KINDS.length)];
      tps.push({ id: `${c}-${j}`, clientId: c, at: base + below(rnd, 700 * DAY), kind, source: 'manual', createdAt: base, ...(kind === 'email-in' && rnd() < 0.1 ? { noReplyNeeded: true } : {}) } as Touchpoint);
    }
  }
  for (const week of WEEKS) {
    const settings = { ...DEFAULT_SETTINGS, workingDays: [...week.days], workingDaysOnly: true };
    const fast = replySpeed(tps, settings);
    const plain = plainReplySpeed(tps, week, settings.replyOnTimeHours);
    for (const m of fast.months) {
      expect(m.key).toBe(format(new Date(`${m.key}-15T12:00:00`), 'yyyy-MM'));
      const hours = [...(plain.months.get(m.key) ?? [])].sort((a, b) => a - b);
      expect(m.answered).toBe(hours.length);
      if (hours.length) expect(m.medianHours).toBe(hours.length % 2 ? hours[hours.length >> 1] : (hours[(hours.length >> 1) - 1] + hours[hours.length >> 1]) / 2);
    }
    expect([...plain.months.keys()].every((k) => fast.months.some((m) => m.key === k))).toBe(true);
  }
  for (let i = 0; i < 200; i++) {
    const t = Date.UTC(1990, 0, 1) + below(rnd, 60 * 365) * DAY + below(rnd, DAY);
    expect(monthKey(t)).toBe(format(t, 'yyyy-MM'));
  }
}

describe('the working-time clock and the reply speed against the plain definitions', () => {
  it('agree on random spans and books (UTC)', () => {
    for (let seed = 1; seed <= 5; seed++) check(seed);
  });
});

describe.each(['Europe/Berlin', 'America/Santiago', 'America/Havana', 'Asia/Jerusalem'])('in %s, where DST changes the length of a day', (zone) => {
  let saved: string | undefined;
  beforeAll(() => {
    saved = process.env.TZ;
    process.env.TZ = zone;
  });
  afterAll(() => {
    process.env.TZ = saved;
  });
  it('agree on random spans and books', () => {
    for (let seed = 11; seed <= 13; seed++) check(seed);
  });
});
