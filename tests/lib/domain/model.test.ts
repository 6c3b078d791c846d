import { describe, expect, it } from 'vitest';
import { normalizeEmail } from '@/lib/domain/model';
import { threadSnapshotSchema } from '@/lib/domain/model-schema';

describe('normalizeEmail', () => {
  it.each([
    ['dana@acme.com', 'dana@acme.com'],
    ['  Dana.Client@ACME-Corp.com ', 'dana.client@acme-corp.com'],
    ['<dana@acme.com>', 'dana@acme.com'],
    ['< dana@acme.com >', 'dana@acme.com'],
    ['mailto:Dana@Acme.com', 'dana@acme.com'],
    ['MAILTO:dana@acme.com?subject=Hi', 'dana@acme.com'],
    ['<mailto:dana@acme.com>', 'dana@acme.com'],
    ['first.last+tag@sub.example.co.uk', 'first.last+tag@sub.example.co.uk'],
    ['o_k-1@x-y.io', 'o_k-1@x-y.io'],
    ['user@bücher.de', 'user@bücher.de'],
    ['user@xn--bcher-kva.de', 'user@xn--bcher-kva.de'],
    ['user@example.xn--p1ai', 'user@example.xn--p1ai'],
  ])('%j -> %j', (raw, expected) => {
    expect(normalizeEmail(raw)).toBe(expected);
  });

  it.each([
    [''],
    ['   '],
    ['dana'],
    ['dana@'],
    ['@acme.com'],
    ['dana@acme'],
    ['dana@@acme.com'],
    ['da@na@acme.com'],
    ['dana @acme.com'],
    ['dana@ac me.com'],
    ['"dana"@acme.com'],
    ["o'brien@acme.com"],
    ['dana@acme.com<script>'],
    ['"evil@x.com"<script>'],
    ['<img src=x onerror=alert(1)>@x.com'],
    ['dana@acme.com>'],
    ['.dana@acme.com'],
    ['dana.@acme.com'],
    ['da..na@acme.com'],
    ['dana@-acme.com'],
    ['dana@acme-.com'],
    ['dana@acme..com'],
    ['dana@acme.c'],
    ['dana@acme.123'],
    ['dana@[127.0.0.1]'],
    ['dana@acme.com,bob@acme.com'],
    ['dana@acme\u202e.com'],
    ['dana@ac\u200bme.com'],
    ['dana@ac\u3000me.com'],
    ['dana@acme.com\u0000'],
    [`${'a'.repeat(65)}@acme.com`],
    [`a@${'b'.repeat(64)}.com`],
    [`a@${'b.'.repeat(130)}com`],
  ])('%j is refused', (raw) => {
    expect(normalizeEmail(raw)).toBeNull();
  });

  it('refuses what is not a string', () => {
    expect(normalizeEmail(undefined as unknown as string)).toBeNull();
    expect(normalizeEmail(42 as unknown as string)).toBeNull();
  });

  it('is idempotent and its results pass the message protocol', () => {
    for (const raw of ['Dana@Acme.com', 'user@bücher.de', 'MAILTO:x+y@a-b.io', `${'a'.repeat(64)}@${'b'.repeat(60)}.com`]) {
      const e = normalizeEmail(raw)!;
      expect(normalizeEmail(e)).toBe(e);
      const snapshot = { provider: 'gmail', subject: '', participants: [{ email: e }], messages: [] };
      expect(threadSnapshotSchema.safeParse(snapshot).success).toBe(true);
    }
  });
});
