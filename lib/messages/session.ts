/**
 * What the background keeps per mail tab in `storage.session`, and the one owner of those
 * keys: the thread the tab shows (`tab:<id>`), and a template put into its reply and not
 * yet seen sent (`pendingTemplate:<id>`). In `storage.session`, not in globals, so a
 * restarted service worker still has them; the side panel reads and watches the thread
 * directly. Both are forgotten when the tab closes. One more key, `panel:view`, is the
 * background asking the side panel it just opened to show a view (a click on a reminder
 * opens Today): the first panel that reads it takes it.
 */
import type { ThreadSnapshot } from '../domain/model';

/** The thread a tab shows, as the background last received it. */
export interface TabThread {
  tabId: number;
  snapshot: ThreadSnapshot | null;
  diagnostics: string[];
  url?: string;
  receivedAt: number;
}

/** A template inserted into a tab's reply at `since` for a client; the next email sent to them there is credited to it. */
export interface PendingTemplate {
  templateId: number;
  clientId: number;
  since: number;
}

const tabKey = (tabId: number) => `tab:${tabId}`;
const pendingKey = (tabId: number) => `pendingTemplate:${tabId}`;

async function read<T>(key: string): Promise<T | null> {
  const got = await browser.storage.session.get(key);
  return (got[key] as T | undefined) ?? null;
}

export async function saveTabThread(t: TabThread): Promise<void> {
  await browser.storage.session.set({ [tabKey(t.tabId)]: t });
}

export function loadTabThread(tabId: number): Promise<TabThread | null> {
  return read<TabThread>(tabKey(tabId));
}

/** The tab closed: nothing of it is kept. */
export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove([tabKey(tabId), pendingKey(tabId)]);
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

export async function savePendingTemplate(tabId: number, p: PendingTemplate): Promise<void> {
  await browser.storage.session.set({ [pendingKey(tabId)]: p });
}

export function loadPendingTemplate(tabId: number): Promise<PendingTemplate | null> {
  return read<PendingTemplate>(pendingKey(tabId));
}

export async function forgetPendingTemplate(tabId: number): Promise<void> {
  await browser.storage.session.remove(pendingKey(tabId));
}

/** A view the background asks the side panel to show (the panel's own views: lib/ui/panel-store.ts). */
export type RequestedPanelView = 'today';

interface PanelViewRequest {
  view: RequestedPanelView;
  at: number;
}

const PANEL_VIEW_KEY = 'panel:view';
/** a request nobody took within this long is stale (the panel it was for never opened) */
const PANEL_VIEW_TTL = 60_000;

export async function requestPanelView(view: RequestedPanelView, at = Date.now()): Promise<void> {
  await browser.storage.session.set({ [PANEL_VIEW_KEY]: { view, at } satisfies PanelViewRequest });
}

/** The view asked for, if any and recent; taken, so one panel follows it once. */
export async function takePanelViewRequest(now = Date.now()): Promise<RequestedPanelView | null> {
  const r = await read<PanelViewRequest>(PANEL_VIEW_KEY);
  if (!r) return null;
  await browser.storage.session.remove(PANEL_VIEW_KEY);
  return r.view === 'today' && now - r.at < PANEL_VIEW_TTL ? r.view : null;
}

/** Calls back when the background asks for a view (a panel already open must follow it too). */
export function watchPanelViewRequest(cb: () => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'session' && changes[PANEL_VIEW_KEY]?.newValue) cb();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
