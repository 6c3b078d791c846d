import { describe, expect, it } from 'vitest';
import { providerOfAccount } from '@/lib/domain/mail-account';

describe('providerOfAccount', () => {
  it.each([
    [['sam@outlook.com'], 'outlook'],
    [['sam@hotmail.co.uk'], 'outlook'],
    [['sam@live.com'], 'outlook'],
    [['sam@gmail.com'], 'gmail'],
    // a company domain that merely contains the word is not Microsoft's
    [['sam@outlook-consulting.com'], 'gmail'],
    [[], 'gmail'],
  ] as const)('%j -> %s', (own, provider) => expect(providerOfAccount(own)).toBe(provider));
});
