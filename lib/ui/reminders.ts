/**
 * The options page's side of the reminders (the background shows them:
 * lib/background/reminders.ts): the optional `notifications` permission they need.
 * Browsers grant a permission only during a user gesture, so `requestNotifications` must
 * be called straight from a click handler, before anything is awaited.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';

const NOTIFICATIONS = { permissions: ['notifications'] } as const;
const permissionKey = ['permission', 'notifications'] as const;

/** Asks the browser (which asks the user) to allow notifications; false when refused. */
export function requestNotifications(): Promise<boolean> {
  try {
    return Promise.resolve(browser.permissions.request(NOTIFICATIONS as never)).then((granted) => granted === true);
  } catch (e) {
    return Promise.reject(e);
  }
}

/** Whether notifications are allowed now (the user may have taken the permission back). */
export function useNotificationsAllowed() {
  const qc = useQueryClient();
  const query = useQuery({
    queryKey: permissionKey,
    queryFn: async () => {
      try {
        return await browser.permissions.contains(NOTIFICATIONS as never);
      } catch {
        return false;
      }
    },
  });
  return { allowed: query.data, recheck: () => qc.invalidateQueries({ queryKey: permissionKey }) };
}
