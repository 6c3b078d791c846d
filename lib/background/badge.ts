/**
 * The toolbar badge: the number of overdue clients, empty at zero. It is recounted from
 * the database every time (no count kept in a global), so a restarted service worker
 * shows the same number. Bursts of writes coalesce into at most one recount in flight
 * and one queued behind it.
 */
import { countOverdue } from '../db/overdue';

export const BADGE_COLOR = '#B3261E';

type ActionApi = {
  setBadgeText(d: { text: string }): Promise<void> | void;
  setBadgeBackgroundColor(d: { color: string }): Promise<void> | void;
  setTitle(d: { title: string }): Promise<void> | void;
  setBadgeTextColor?(d: { color: string }): Promise<void> | void;
};

/** Both builds are Manifest V3: the toolbar button is `action` in Chrome and Firefox. */
function actionApi(): ActionApi {
  return (browser as unknown as { action: ActionApi }).action;
}

export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 99 ? '99+' : String(count);
}

export async function applyBadge(count: number): Promise<void> {
  const action = actionApi();
  await action.setBadgeText({ text: badgeText(count) });
  await action.setBadgeBackgroundColor({ color: BADGE_COLOR });
  await action.setBadgeTextColor?.({ color: '#FFFFFF' });
  await action.setTitle({
    title:
      count === 0
        ? 'Touchbase: nobody is waiting on you'
        : `Touchbase: ${count} client${count === 1 ? '' : 's'} need${count === 1 ? 's' : ''} you now`,
  });
}

let running: Promise<number> | null = null;
let queued = false;

/** Recounts the overdue clients and shows the number. Safe to call on every change. */
export async function refreshBadge(now?: () => number): Promise<number> {
  if (running) {
    queued = true;
    return running;
  }
  running = (async () => {
    let n = 0;
    do {
      queued = false;
      n = await countOverdue(now ? now() : Date.now());
      await applyBadge(n);
    } while (queued);
    return n;
  })();
  try {
    return await running;
  } finally {
    running = null;
  }
}
