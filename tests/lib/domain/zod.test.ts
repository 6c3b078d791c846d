import { describe, expect, it, vi } from 'vitest';

describe('zod in the extension', () => {
  it('never probes new Function (a CSP violation in the background and the options page)', async () => {
    const spy = vi.spyOn(globalThis, 'Function');
    const { parseMessage } = await import('@/lib/messages/protocol');
    const { parseBackup } = await import('@/lib/backup/backup');
    expect(parseMessage({ type: 'badge:refresh' }).ok).toBe(true);
    expect(parseMessage({ type: 'thread:snapshot', diagnostics: [], snapshot: { provider: 'gmail', subject: 's', participants: [], messages: [] } }).ok).toBe(true);
    await expect(parseBackup('{"format":"touchbase-backup"}')).rejects.toThrow(/damaged/);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });
});
