import Dexie from 'dexie';
import { db } from '@/lib/db/schema';
import { refreshBadge } from '@/lib/background/badge';
import { handleMessage } from '@/lib/background/router';
import { forgetTab } from '@/lib/messages/session';

const BADGE_ALARM = 'touchbase:badge';

export default defineBackground(() => {
  // Clicking the toolbar icon opens the side panel (Chrome) or toggles the sidebar (Firefox).
  const chromeSidePanel = (globalThis as { chrome?: { sidePanel?: { setPanelBehavior(o: object): Promise<void> } } })
    .chrome?.sidePanel;
  if (chromeSidePanel) {
    chromeSidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(console.error);
  } else {
    const b = browser as unknown as {
      browserAction?: { onClicked: { addListener(f: () => void): void } };
      sidebarAction?: { toggle(): Promise<void> };
    };
    b.browserAction?.onClicked.addListener(() => void b.sidebarAction?.toggle());
  }

  browser.runtime.onMessage.addListener((raw, sender) =>
    handleMessage(raw, sender, {
      ownId: browser.runtime.id,
      extensionOrigin: browser.runtime.getURL('/').replace(/\/$/, ''),
    }),
  );

  // Time alone makes clients overdue: recount every minute, on start, and after any write
  // to the database from any of our contexts (Dexie broadcasts `storagemutated`).
  browser.alarms.create(BADGE_ALARM, { periodInMinutes: 1 });
  browser.alarms.onAlarm.addListener((a) => {
    if (a.name === BADGE_ALARM) void refreshBadge();
  });
  // a burst of writes (an import, a restore, several quick logs) gives one recount after it
  let pending: ReturnType<typeof setTimeout> | undefined;
  Dexie.on('storagemutated', () => {
    clearTimeout(pending);
    pending = setTimeout(() => void refreshBadge(), 250);
  });
  browser.runtime.onStartup.addListener(() => void refreshBadge());
  browser.runtime.onInstalled.addListener(() => void refreshBadge());
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  void db.open().then(() => refreshBadge());
});
