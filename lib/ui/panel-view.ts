/**
 * The view the side panel was asked to show: `?view=today` in its address (a reminder's
 * click opened it in a tab) or a request from the background (it opened the side panel or
 * sidebar for a reminder: lib/messages/session.ts). It is shown once the followed tab's
 * thread has been read, since a thread arriving makes the panel switch to its person;
 * after that the panel behaves as ever (a new thread shows its person).
 */
import { useEffect, useState } from 'react';
import { takePanelViewRequest, watchPanelViewRequest, type RequestedPanelView } from '../messages/session';
import { usePanelStore, type PanelView } from './panel-store';

/** The view named by a page address's `?view=` (only Today can be asked for). */
export function viewFromSearch(search: string): PanelView | null {
  return new URLSearchParams(search).get('view') === 'today' ? 'today' : null;
}

export function useRequestedView(initial: PanelView | null, ready: boolean): void {
  const [pending, setPending] = useState<PanelView | RequestedPanelView | null>(initial);
  useEffect(() => {
    const take = () => void takePanelViewRequest().then((v) => v && setPending(v)).catch(() => undefined);
    take();
    return watchPanelViewRequest(take);
  }, []);
  useEffect(() => {
    if (!ready || !pending) return;
    usePanelStore.setState({ view: pending, openClientId: null });
    setPending(null);
  }, [ready, pending]);
}
