import { describe, expect, it } from 'vitest';
import { bracketedEmails, findEmailIn, findEmailsIn } from '@/lib/mail/address';

describe('findEmailIn', () => {
  it.each([
    ['Dana Client <Dana@Acme.com>', 'dana@acme.com'],
    ['From: dana@acme.com', 'dana@acme.com'],
    ['Von: Dana (dana@acme.com)', 'dana@acme.com'],
    ['write to dana@acme.com.', 'dana@acme.com'],
    ['"evil@x.com"<script>', 'evil@x.com'],
    ['no@tld then real@acme.com', 'real@acme.com'],
    ['mailto:dana@acme.com', 'dana@acme.com'],
    ['Dana\u202f<dana@acme.com>', 'dana@acme.com'],
    ['nothing here', null],
    ['', null],
  ])('%j -> %j', (text, expected) => {
    expect(findEmailIn(text)).toBe(expected);
  });
});

describe('findEmailsIn', () => {
  it('finds every address once, in order', () => {
    expect(findEmailsIn('To: a@b.com; Lee <C@D.org>, a@b.com and x@y')).toEqual(['a@b.com', 'c@d.org']);
    expect(findEmailsIn('')).toEqual([]);
  });
});

describe('bracketedEmails', () => {
  it.each([
    ['Lee Buyer <lee.buyer@globex.io>', ['lee.buyer@globex.io']],
    ['lee.buyer@globex.io <attacker@evil.example>', ['attacker@evil.example']],
    ['From: lee.buyer@globex.io', []],
    ['<not an address> <Dana@Acme.com>', ['dana@acme.com']],
    ['<<<dana@acme.com>', ['dana@acme.com']],
    ['Lee <lee@globex.io> <attacker@evil.example>', ['lee@globex.io', 'attacker@evil.example']],
    ['', []],
  ])('%j -> %j', (text, emails) => expect(bracketedEmails(text)).toEqual(emails));
  it('reads nothing of null', () => expect(bracketedEmails(null)).toEqual([]));
});

describe('address matching on hostile text', () => {
  // a read costs a fixed budget; matching must be linear, whatever the text holds
  const cost = (text: string) => {
    const t0 = performance.now();
    findEmailsIn(text);
    bracketedEmails(text);
    return performance.now() - t0;
  };
  it.each([
    ['one long run without a separator', 'a'.repeat(100_000)],
    ['a long run with an @ at its end', `${'a'.repeat(100_000)}@`],
    ['many short runs', 'ab '.repeat(33_000)],
    ['many opening brackets', `${'<'.repeat(100_000)}>`],
    ['many @s', '@'.repeat(100_000)],
  ])('%s stays cheap (100,000 characters)', (_name, text) => {
    cost(text); // warm up
    // generous for a loaded machine: the quadratic pattern took minutes on the longest of these
    expect(cost(text)).toBeLessThan(250);
  });
});
