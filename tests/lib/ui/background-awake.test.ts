import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderHook } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing';
import { AWAKE_EVERY_MS, useBackgroundAwake } from '@/lib/ui/background-awake';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('keeping the background awake while the panel is open', () => {
  it('asks where sync stands every 20 s while mounted, and stops when closed', async () => {
    vi.useFakeTimers();
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true, data: { state: 'off', pending: 0 } } as never);
    const { unmount } = renderHook(() => useBackgroundAwake());
    expect(send).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(AWAKE_EVERY_MS * 3);
    expect(send).toHaveBeenCalledTimes(3);
    expect(send).toHaveBeenCalledWith({ type: 'sync:status' });
    unmount();
    await vi.advanceTimersByTimeAsync(AWAKE_EVERY_MS * 3);
    expect(send).toHaveBeenCalledTimes(3);
  });
});
