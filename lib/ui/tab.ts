/** The mail tab the panel follows, and the thread the background holds for it. */
import { useEffect, useState } from 'react';
import { loadTabThread, watchTabThread, type TabThread } from '../messages/session';

export type { TabThread };

/**
 * The thread the background holds for a tab, live. `ready`: the thread of this very tab has
 * been read (a moment after the tab changes, `thread` is still the previous tab's).
 */
export function useTabThread(tabId: number | null): { thread: TabThread | null; loading: boolean; ready: boolean } {
  const [state, setState] = useState<{ thread: TabThread | null; loading: boolean; tabId?: number | null }>({
    thread: null,
    loading: true,
  });
  useEffect(() => {
    if (tabId === null) {
      setState({ thread: null, loading: false, tabId });
      return;
    }
    let alive = true;
    void loadTabThread(tabId).then((t) => alive && setState({ thread: t, loading: false, tabId }));
    const stop = watchTabThread(tabId, (t) => alive && setState({ thread: t, loading: false, tabId }));
    return () => {
      alive = false;
      stop();
    };
  }, [tabId]);
  return { thread: state.thread, loading: state.loading, ready: tabId !== null && state.tabId === tabId };
}

/**
 * The tab the panel follows: the one given as `?tabId=` or else the active tab of the
 * panel's window, followed as the user switches tabs or navigates.
 */
export function useFollowedTab(fixedTabId: number | null): number | null {
  const [tabId, setTabId] = useState<number | null>(fixedTabId);
  useEffect(() => {
    if (fixedTabId !== null) {
      setTabId(fixedTabId);
      return;
    }
    let windowId: number | undefined;
    const refresh = async () => {
      try {
        const [tab] = await browser.tabs.query({ active: true, ...(windowId !== undefined ? { windowId } : { currentWindow: true }) });
        setTabId(tab?.id ?? null);
      } catch {
        setTabId(null);
      }
    };
    void browser.windows
      ?.getCurrent()
      .then((w) => {
        windowId = w.id;
      })
      .catch(() => undefined)
      .finally(refresh);
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (windowId === undefined || info.windowId === windowId) setTabId(info.tabId);
    };
    browser.tabs.onActivated.addListener(onActivated);
    return () => browser.tabs.onActivated.removeListener(onActivated);
  }, [fixedTabId]);
  return tabId;
}
