import { describe, expect, it } from 'vitest';
import { findEmailIn, findEmailsIn } from '@/lib/mail/address';

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
