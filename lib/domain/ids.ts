/**
 * Touchpoint ids: unique for the life of the database and across devices, so an id once
 * given is never given again. A deleted touchpoint's id used to go to the next one logged
 * (the highest + 1 within the client), and a stale reference (an "Undo", a panel still
 * showing it) then acted on the wrong touchpoint.
 *
 * An id is a ULID-like string: 26 characters of Crockford base32 (digits and capitals
 * without I, L, O, U), the first 10 a 48-bit millisecond time, the other 16 80 random bits
 * from `crypto.getRandomValues`. Compared as strings, ids compare as their times, so a
 * history sorted by (at, id) puts two touches of the same moment in the order they were made.
 * Two devices (or a background and a page) making ids at the same millisecond collide only
 * if 80 random bits do.
 */

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const TIME_CHARS = 10;
const RANDOM_CHARS = 16;
/** The latest time an id can hold: 2^48 - 1 ms, in the year 10889. */
const MAX_ID_TIME = 2 ** 48 - 1;

/** What an id looks like: the first character is at most 7, since the time has 48 bits, not 50. */
export const TOUCHPOINT_ID_PATTERN = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/;

export function isTouchpointId(value: unknown): value is string {
  return typeof value === 'string' && TOUCHPOINT_ID_PATTERN.test(value);
}

/** The millisecond an id was made at. */
export function idTime(id: string): number {
  let t = 0;
  for (let i = 0; i < TIME_CHARS; i++) t = t * 32 + ALPHABET.indexOf(id[i]);
  return t;
}

/** Fills the array with random bytes and returns it (crypto.getRandomValues, or a test's). */
export type RandomBytes = (bytes: Uint8Array) => Uint8Array;

const cryptoRandom: RandomBytes = (bytes) => crypto.getRandomValues(bytes);

function encodeTime(ms: number): string {
  let out = '';
  for (let i = 0; i < TIME_CHARS; i++) {
    out = ALPHABET[ms % 32] + out;
    ms = Math.floor(ms / 32);
  }
  return out;
}

/** 80 random bits as 16 base-32 digits (0-31): the low five bits of 16 random bytes. */
const randomDigits = (random: RandomBytes): number[] => Array.from(random(new Uint8Array(RANDOM_CHARS)), (b) => b & 31);

/**
 * An id maker. Each id is greater than the one before it from the same maker: within one
 * millisecond, or when the clock is set back, the next id is the last one plus one (its time
 * kept), as ULID's monotonic generator does. So the ids an upgrade or a restore gives a
 * history in its order sort in that order.
 */
export function idFactory(random: RandomBytes = cryptoRandom): (now?: number) => string {
  let lastTime = -1;
  let last: number[] = [];
  return (now = Date.now()) => {
    let time = Number.isFinite(now) ? Math.min(Math.max(Math.floor(now), 0), MAX_ID_TIME) : Date.now();
    if (time <= lastTime) {
      time = lastTime;
      const next = [...last];
      let i = RANDOM_CHARS - 1;
      while (i >= 0 && next[i] === 31) next[i--] = 0;
      if (i >= 0) next[i]++;
      else time = Math.min(time + 1, MAX_ID_TIME); // 2^80 ids in one millisecond: move to the next
      last = next;
    } else {
      last = randomDigits(random);
    }
    lastTime = time;
    let out = encodeTime(time);
    for (const d of last) out += ALPHABET[d];
    return out;
  };
}

/** The id maker every touchpoint written in this context gets its id from. */
export const newTouchpointId = idFactory();
