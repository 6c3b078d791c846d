/**
 * The thread each mail tab shows, as the background last received it. Kept in
 * `storage.session` (not a global) so a restarted service worker still has it, and so
 * the side panel can read and watch it directly. Cleared when the tab closes.
 */
import type { TabThread } from './messages';

export const tabKey = (tabId: number) => `tab:${tabId}`;

export async function saveTabThread(t: TabThread): Promise<void> {
  await browser.storage.session.set({ [tabKey(t.tabId)]: t });
}

export async function loadTabThread(tabId: number): Promise<TabThread | null> {
  const key = tabKey(tabId);
  const got = await browser.storage.session.get(key);
  return (got[key] as TabThread | undefined) ?? null;
}

export async function forgetTabThread(tabId: number): Promise<void> {
  await browser.storage.session.remove(tabKey(tabId));
}

/** Calls back with the tab's thread whenever the background stores a new one. */
export function watchTabThread(tabId: number, cb: (t: TabThread | null) => void): () => void {
  const key = tabKey(tabId);
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'session' && key in changes) cb((changes[key].newValue as TabThread | undefined) ?? null);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
