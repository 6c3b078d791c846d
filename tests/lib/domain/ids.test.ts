import { describe, expect, it } from 'vitest';
import { idFactory, idTime, isTouchpointId, newTouchpointId } from '@/lib/domain/ids';

const CROCKFORD = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const T = Date.UTC(2026, 10, 22, 12, 0, 0, 123);

/** A random source that hands out the given bytes, then zeros. */
const bytes = (...b: number[]) => (out: Uint8Array) => {
  out.fill(0);
  out.set(b.slice(0, out.length));
  return out;
};

describe('touchpoint ids', () => {
  it('are 26 characters of Crockford base32: a 48-bit millisecond time, then 80 random bits', () => {
    const id = idFactory(bytes(...Array(16).fill(0xff)))(T);
    expect(id).toMatch(CROCKFORD);
    expect(idTime(id)).toBe(T);
    expect(id.slice(10)).toBe('ZZZZZZZZZZZZZZZZ');
    expect(idFactory(bytes())(0)).toBe('0'.repeat(26));
    // the largest time: 2^48 - 1 ms (year 10889)
    expect(idFactory(bytes())(2 ** 48 - 1).slice(0, 10)).toBe('7ZZZZZZZZZ');
    // five random bits of each of 16 bytes
    expect(idFactory(bytes(1, 2, 3, 4, 5, 6, 7, 8, 0x29, 0xff, 0x3f))(0).slice(10, 21)).toBe('123456789ZZ');
  });

  it('take their random bits from crypto.getRandomValues', () => {
    const a = newTouchpointId();
    const b = newTouchpointId();
    expect(a).toMatch(CROCKFORD);
    expect(a).not.toBe(b);
    expect(new Set(Array.from({ length: 10_000 }, () => newTouchpointId())).size).toBe(10_000);
  });

  it('sort as strings by the time they were made', () => {
    const make = idFactory();
    const ids = [T - 5000, T - 10, T, T + 1, T + 86_400_000].map((t) => make(t));
    expect([...ids].sort()).toEqual(ids);
  });

  it('made in the same millisecond, or with the clock set back, keep increasing and never repeat', () => {
    const make = idFactory();
    const ids = [make(T), make(T), make(T), make(T - 60_000), make(T)];
    expect(new Set(ids).size).toBe(5);
    expect([...ids].sort()).toEqual(ids);
    expect(ids.every((id) => idTime(id) === T)).toBe(true);
    // a carry through the random digits
    const carry = idFactory(bytes(...Array(15).fill(31), 30));
    const [x, y] = [carry(T), carry(T)];
    expect(x.slice(-2)).toBe('ZY');
    expect(y.slice(-2)).toBe('ZZ');
    const z = carry(T);
    expect(z > y).toBe(true);
    expect(z).toMatch(CROCKFORD);
  });

  it('isTouchpointId tells an id from anything else', () => {
    expect(isTouchpointId(newTouchpointId())).toBe(true);
    for (const v of [1, '1', '', 'optimistic-1', '0'.repeat(25), '8' + '0'.repeat(25), 'I'.repeat(26), newTouchpointId().toLowerCase(), null, undefined]) {
      expect(isTouchpointId(v)).toBe(false);
    }
  });
});
