import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { errorText } from '@/lib/ui/errors';
import { ValidationError } from '@/lib/domain/validate';

describe('errorText', () => {
  it("says the database's problem in words, and passes other errors through", () => {
    expect(errorText(new Dexie.QuotaExceededError('The quota was exceeded'))).toMatch(/no room left/);
    expect(errorText(Object.assign(new Error('x'), { name: 'DatabaseClosedError' }))).toMatch(/Reload this page/);
    expect(errorText(new ValidationError('sale amount cannot be negative'))).toBe('sale amount cannot be negative');
    expect(errorText('plain words')).toBe('plain words');
  });
});
