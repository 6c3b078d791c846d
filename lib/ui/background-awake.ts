/**
 * While a side panel is open, the background is kept awake. Chrome stops an idle extension
 * worker after 30 seconds, and sync's live replication with it (lib/background/sync.ts
 * wakes it every 30 s at most); a salesperson looking at the panel should see a change made
 * on their other computer within seconds, not half a minute. A message every 20 seconds
 * counts as activity; it asks only where sync stands, and changes nothing.
 */
import { useEffect } from 'react';
import { trySend } from '../messages/send';

export const AWAKE_EVERY_MS = 20_000;

export function useBackgroundAwake(): void {
  useEffect(() => {
    const timer = setInterval(() => void trySend({ type: 'sync:status' }), AWAKE_EVERY_MS);
    return () => clearInterval(timer);
  }, []);
}
