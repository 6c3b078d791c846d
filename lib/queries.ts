/**
 * TanStack Query hooks over lib/db. Keys start with `db` so a database change
 * (lib/query-client.ts) refreshes them all; mutations update the cache optimistically and
 * the database stays the truth (they invalidate on settle).
 */
import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { db } from './db/schema';
import { countOverdue } from './db/overdue';
import { findClientByEmail } from './db/clients';
import { listHistory } from './db/touchpoints';
import { loadTabThread, watchTabThread } from './tab-threads';
import type { TabThread } from './messages';
import { DB_QUERY_ROOT } from './query-client';

export const keys = {
  clientCount: [DB_QUERY_ROOT, 'clients', 'count'] as const,
  overdueCount: [DB_QUERY_ROOT, 'clients', 'overdue-count'] as const,
  clientByEmail: (email: string) => [DB_QUERY_ROOT, 'clients', 'by-email', email] as const,
  history: (clientId: number) => [DB_QUERY_ROOT, 'history', clientId] as const,
};

export function useClientCount() {
  return useQuery({ queryKey: keys.clientCount, queryFn: () => db.clients.count() });
}

export function useOverdueCount() {
  return useQuery({ queryKey: keys.overdueCount, queryFn: () => countOverdue() });
}

export function useClientByEmail(email: string | undefined) {
  return useQuery({
    queryKey: keys.clientByEmail(email ?? ''),
    queryFn: async () => (email ? ((await findClientByEmail(email)) ?? null) : null),
    enabled: !!email,
  });
}

export function useHistory(clientId: number | undefined) {
  return useQuery({
    queryKey: keys.history(clientId ?? 0),
    queryFn: () => listHistory(clientId!),
    enabled: clientId !== undefined,
  });
}

/** The thread the background holds for a tab, live. */
export function useTabThread(tabId: number | null): { thread: TabThread | null; loading: boolean } {
  const [state, setState] = useState<{ thread: TabThread | null; loading: boolean }>({ thread: null, loading: true });
  useEffect(() => {
    if (tabId === null) {
      setState({ thread: null, loading: false });
      return;
    }
    let alive = true;
    void loadTabThread(tabId).then((t) => alive && setState({ thread: t, loading: false }));
    const stop = watchTabThread(tabId, (t) => alive && setState({ thread: t, loading: false }));
    return () => {
      alive = false;
      stop();
    };
  }, [tabId]);
  return state;
}
