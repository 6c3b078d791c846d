import { describe, expect, it } from 'vitest';
import { anniversaryKeys, applyClientPatch, companyFromEmail, nameFromEmail, newClient } from '@/lib/domain/clients';
import { ValidationError } from '@/lib/domain/validate';

const NOW = new Date(2026, 10, 22, 12, 0).getTime();

describe('companyFromEmail', () => {
  it.each([
    ['a@acme-corp.com', 'Acme Corp'],
    ['a@mail.globex.co.uk', 'Globex'],
    ['a@gmail.com', undefined],
  ])('%s -> %s', (email, company) => expect(companyFromEmail(email)).toBe(company));
});

describe('a new client from what the user gives', () => {
  it('guesses the name and company from the address, and keeps the domain', () => {
    const c = newClient({ emails: ['Dana.Client@Acme-Corp.com'] }, NOW);
    expect(c).toMatchObject({ name: 'Dana Client', company: 'Acme Corp', emails: ['dana.client@acme-corp.com'], domain: 'acme-corp.com' });
    expect(nameFromEmail('x@y.io')).toBe('X');
  });
  it('refuses markup-free but wrong input with the field named, before anything is stored', () => {
    expect(() => newClient({ emails: ['not an address'] }, NOW)).toThrow(ValidationError);
    expect(() => newClient({ emails: ['a@b.io'], tags: Array(51).fill('t') }, NOW)).toThrow(/at most 50 tags/);
    expect(() => newClient({ emails: ['a@b.io'], importantDates: [{ label: 'B', month: 2, day: 30 }] }, NOW)).toThrow(/no valid day/);
  });
  it('keeps the index keys of important dates true', () => {
    const c = applyClientPatch(newClient({ emails: ['a@b.io'] }, NOW), {
      importantDates: [{ label: 'Birthday', month: 2, day: 29 }, { label: 'Again', month: 2, day: 29 }],
    });
    expect(c.anniversaries).toEqual(['02-29']);
    expect(anniversaryKeys([{ label: 'x', month: 12, day: 1 }])).toEqual(['12-01']);
  });
});

describe('a refusal inside a list names the item', () => {
  it('as ValidationError.field', () => {
    const c = newClient({ name: 'Dana', emails: ['dana@acme.com'] }, NOW);
    const refusal = (patch: object) => {
      try {
        applyClientPatch(c, patch);
      } catch (e) {
        return e as ValidationError;
      }
      throw new Error('not refused');
    };
    expect(refusal({ importantDates: [{ label: 'Ok', month: 1, day: 1 }, { label: 'Birthday', month: 2, day: 30 }] })).toMatchObject({
      message: 'important date "Birthday" has no valid day', field: '[1]', problem: '"Birthday" has no valid day',
    });
    expect(refusal({ emails: ['dana@acme.com', 'DANA at acme'] })).toMatchObject({ field: '[1]' });
    expect(refusal({ tags: ['ok', 7] })).toMatchObject({ field: '[1]', problem: 'must be text' });
    expect(refusal({ keyAccount: 'yes' })).toMatchObject({ problem: 'must be true or false' });
  });
});

describe('formerSince', () => {
  const base = newClient({ emails: ['dana@acme.com'] }, NOW - 1000);
  it('is set when the stage becomes former by hand, kept while it stays so, and cleared when it leaves', () => {
    const former = applyClientPatch(base, { stageOverride: 'former' }, NOW);
    expect(former).toMatchObject({ stageOverride: 'former', formerSince: NOW });
    // another edit, or setting former again, does not move the moment
    expect(applyClientPatch(former, { notes: 'moved away' }, NOW + 5).formerSince).toBe(NOW);
    expect(applyClientPatch(former, { stageOverride: 'former' }, NOW + 5).formerSince).toBe(NOW);
    const back = applyClientPatch(former, { stageOverride: null }, NOW + 9);
    expect('formerSince' in back).toBe(false);
    expect('formerSince' in applyClientPatch(base, { stageOverride: 'client' }, NOW)).toBe(false);
    // a client created former is former from its creation
    expect(newClient({ emails: ['x@acme.com'], stageOverride: 'former' }, NOW).formerSince).toBe(NOW);
  });
  it('takes the dormant snooze, the referrer and an import first due date, checked', () => {
    const c = applyClientPatch(base, { dormantSnoozedUntil: NOW + 5, referredBy: 7, firstDueAt: NOW + 9 }, NOW);
    expect(c).toMatchObject({ dormantSnoozedUntil: NOW + 5, referredBy: 7, firstDueAt: NOW + 9 });
    const cleared = applyClientPatch(c, { dormantSnoozedUntil: null, referredBy: null, firstDueAt: null }, NOW);
    expect(['dormantSnoozedUntil', 'referredBy', 'firstDueAt'].some((k) => k in cleared)).toBe(false);
    expect(() => applyClientPatch(base, { referredBy: -1 }, NOW)).toThrow(ValidationError);
    expect(() => applyClientPatch(base, { dormantSnoozedUntil: 'soon' }, NOW)).toThrow(ValidationError);
  });
});
