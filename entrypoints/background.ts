import Dexie from 'dexie';
import { db } from '@/lib/db/schema';
import { refreshBadge } from '@/lib/background/badge';
import { handleMessage } from '@/lib/background/router';
import {
  armDigest, checkKeyAccountAlerts, DIGEST_ALARM, onDigestAlarm, onNotificationClicked, touchesSettings,
} from '@/lib/background/reminders';
import { armAutoBackup, AUTO_BACKUP_ALARM, onDownloadChanged, runAutoBackup, type DownloadDelta } from '@/lib/background/auto-backup';
import { forgetTab } from '@/lib/messages/session';
import { ensureBuiltInTemplates } from '@/lib/db/templates';
import { startSync, SYNC_ALARM } from '@/lib/background/sync';

const BADGE_ALARM = 'touchbase:badge';

export default defineBackground(() => {
  // Clicking the toolbar icon opens the side panel (Chrome) or toggles the sidebar (Firefox).
  const chromeSidePanel = (globalThis as { chrome?: { sidePanel?: { setPanelBehavior(o: object): Promise<void> } } })
    .chrome?.sidePanel;
  if (chromeSidePanel) {
    chromeSidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(console.error);
  } else {
    const b = browser as unknown as {
      action?: { onClicked: { addListener(f: () => void): void } };
      sidebarAction?: { toggle(): Promise<void> };
    };
    b.action?.onClicked.addListener(() => void b.sidebarAction?.toggle());
  }

  // sync with the user's CouchDB, when they connected one (lib/background/sync.ts)
  const sync = startSync();
  browser.runtime.onMessage.addListener((raw, sender) =>
    handleMessage(raw, sender, {
      ownId: browser.runtime.id,
      extensionOrigin: browser.runtime.getURL('/').replace(/\/$/, ''),
      sync,
    }),
  );

  // Time alone makes clients overdue: recount every minute, on start, and after any write
  // to the database from any of our contexts (Dexie broadcasts `storagemutated`).
  // The same minute checks whether a key account's email has now waited 24 working hours;
  // the daily digest has an alarm of its own (lib/background/reminders.ts).
  browser.alarms.create(BADGE_ALARM, { periodInMinutes: 1 });
  browser.alarms.onAlarm.addListener((a) => {
    if (a.name === BADGE_ALARM) {
      void refreshBadge();
      void checkKeyAccountAlerts().catch(console.error);
    } else if (a.name === DIGEST_ALARM) void onDigestAlarm(a).catch(console.error);
    else if (a.name === AUTO_BACKUP_ALARM) void runAutoBackup().catch(console.error);
    else if (a.name === SYNC_ALARM) sync.wake();
  });
  // the automatic backup: its alarm set for the next due time, and run at once when it is
  // due already (turned on just now, or the browser was closed when it was due)
  const armBackup = () =>
    void armAutoBackup()
      .then((due) => (due !== undefined && due <= Date.now() ? runAutoBackup() : undefined))
      .catch(console.error);
  // a burst of writes (an import, a restore, several quick logs) gives one recount after it;
  // a settings write (the digest's time or working week may have changed) sets the digest again
  let pending: ReturnType<typeof setTimeout> | undefined;
  let pendingArm: ReturnType<typeof setTimeout> | undefined;
  Dexie.on('storagemutated', (parts) => {
    clearTimeout(pending);
    pending = setTimeout(() => void refreshBadge(), 250);
    if (touchesSettings(parts)) {
      clearTimeout(pendingArm);
      pendingArm = setTimeout(() => {
        void armDigest().catch(console.error);
        armBackup();
      }, 250);
    }
  });
  const started = () => {
    void refreshBadge();
    void armDigest().catch(console.error);
  };
  browser.runtime.onStartup.addListener(started);
  browser.runtime.onInstalled.addListener(started);
  // the built-in follow-ups, written once (and any new one after an update), so the side
  // panel reads them without carrying their words
  browser.runtime.onInstalled.addListener(() => void ensureBuiltInTemplates().catch(console.error));
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));

  // Notifications exist only once the user allowed them (an optional permission): listen for
  // clicks now if they do, else from the moment they are granted.
  let listening = false;
  let listeningDownloads = false;
  const listenForDownloads = () => {
    const downloads = (browser as unknown as { downloads?: { onChanged: { addListener(f: (d: DownloadDelta) => void): void } } })
      .downloads;
    if (listeningDownloads || !downloads) return;
    // an automatic backup's file completed: noted as the last backup, older ones pruned
    downloads.onChanged.addListener((d) => void onDownloadChanged(d).catch(console.error));
    listeningDownloads = true;
    armBackup();
  };
  listenForDownloads();
  browser.permissions?.onAdded?.addListener(listenForDownloads);
  const listenForClicks = () => {
    const notifications = (browser as unknown as { notifications?: { onClicked: { addListener(f: (id: string) => void): void } } })
      .notifications;
    if (listening || !notifications) return;
    notifications.onClicked.addListener((id) => void onNotificationClicked(id)?.catch(console.error));
    listening = true;
  };
  listenForClicks();
  browser.permissions?.onAdded?.addListener(listenForClicks);

  // every start of the worker: the badge, and the digest (today's, if the browser missed it)
  void db.open().then(() => {
    void refreshBadge();
    void armDigest().catch(console.error);
    armBackup();
  });
});
