/**
 * The options page's side of sync (the background runs it: lib/background/sync.ts). The
 * server's origin is an optional host permission, asked for inside the click that connects
 * (browsers grant one only during a user gesture), so `connectSync` asks first, before
 * anything is awaited, and sends nothing when the user says no.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { send } from '../messages/send';
import type { SyncStatus } from '../messages/protocol';
import { checkSyncConfig, originPattern, type SyncConfig } from '../sync/config';

const statusKey = ['sync', 'status'] as const;

async function ask<T>(reply: Promise<{ ok: true; data: T } | { ok: false; error: string }>): Promise<T> {
  const r = await reply;
  if (!r.ok) throw new Error(r.error);
  return r.data;
}

/** Where sync stands, looked at again every two seconds while the page is open. */
export function useSyncStatus() {
  return useQuery({ queryKey: statusKey, queryFn: () => ask(send({ type: 'sync:status' })), refetchInterval: 2_000 });
}

export function useSyncActions() {
  const qc = useQueryClient();
  const settle = (s: SyncStatus) => {
    qc.setQueryData(statusKey, s);
    return s;
  };
  return {
    /** Call straight from the click: checks the fields, asks for the server's origin, then connects. */
    connect(config: SyncConfig, passphrase: string): Promise<SyncStatus> {
      let origins: string[];
      try {
        origins = [originPattern(checkSyncConfig(config).url)];
      } catch (e) {
        return Promise.reject(e);
      }
      return Promise.resolve(browser.permissions.request({ origins }))
        .then((granted) => {
          if (!granted) throw new Error('Not connected: the browser did not allow Touchbase to reach that server. Connect again and choose “Allow”.');
          return ask(send({ type: 'sync:connect', ...config, passphrase }));
        })
        .then(settle);
    },
    syncNow: () => ask(send({ type: 'sync:now' })).then(settle),
    disconnect: () => ask(send({ type: 'sync:disconnect' })).then(settle),
    changePassphrase: (current: string, next: string) => ask(send({ type: 'sync:passphrase', current, next })).then(settle),
    unlock: (passphrase: string) => ask(send({ type: 'sync:unlock', passphrase })).then(settle),
  };
}
