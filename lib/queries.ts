/**
 * TanStack Query hooks over lib/db. Keys start with `db` so any database change, in this
 * page or another context, refreshes them (lib/query-client.ts). Logging is optimistic:
 * the new touchpoint appears in the history and the client's last contact moves at once,
 * then the database's answer replaces the guess (invalidate on settle). After a write the
 * background is asked to recount the badge (which also wakes a sleeping service worker).
 */
import { useEffect, useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { db } from './db/schema';
import { countOverdue } from './db/overdue';
import { createClient, findClientByEmail, getClient, updateClient, type ClientInput, type ClientPatch } from './db/clients';
import {
  listHistory, logTouchpoint, deleteTouchpoint, restoreTouchpoint, updateTouchpoint, type TouchpointInput,
} from './db/touchpoints';
import { listToday } from './db/today';
import { loadTabThread, watchTabThread } from './tab-threads';
import type { Client, Touchpoint, TouchpointRef } from './db/types';
import type { Message, TabThread } from './messages';
import { DB_QUERY_ROOT } from './query-client';

export const keys = {
  clientCount: [DB_QUERY_ROOT, 'clients', 'count'] as const,
  overdueCount: [DB_QUERY_ROOT, 'clients', 'overdue-count'] as const,
  clientByEmail: (email: string) => [DB_QUERY_ROOT, 'clients', 'by-email', email] as const,
  client: (id: number) => [DB_QUERY_ROOT, 'clients', 'by-id', id] as const,
  history: (clientId: number) => [DB_QUERY_ROOT, 'history', clientId] as const,
  today: [DB_QUERY_ROOT, 'today'] as const,
  search: (q: string) => [DB_QUERY_ROOT, 'clients', 'search', q] as const,
};

/** Tell the background to recount the badge; harmless if it is not listening. */
export function sendToBackground(msg: Message): Promise<unknown> {
  try {
    return Promise.resolve(browser.runtime.sendMessage(msg)).catch(() => undefined);
  } catch {
    return Promise.resolve(undefined);
  }
}

export function useClientCount() {
  return useQuery({ queryKey: keys.clientCount, queryFn: () => db.clients.count() });
}

export function useOverdueCount() {
  return useQuery({ queryKey: keys.overdueCount, queryFn: () => countOverdue() });
}

export function useClientByEmail(email: string | undefined | null) {
  return useQuery({
    queryKey: keys.clientByEmail(email ?? ''),
    queryFn: async () => (email ? ((await findClientByEmail(email)) ?? null) : null),
    enabled: !!email,
  });
}

export function useClient(id: number | null) {
  return useQuery({
    queryKey: keys.client(id ?? 0),
    queryFn: async () => (id === null ? null : ((await getClient(id)) ?? null)),
    enabled: id !== null,
  });
}

export function useHistory(clientId: number | undefined) {
  return useQuery({
    queryKey: keys.history(clientId ?? 0),
    queryFn: () => listHistory(clientId!),
    enabled: clientId !== undefined,
  });
}

/** The Today list; `limit` rows per section (all when not given), with every section's total. */
export function useToday(now?: number, limit?: number) {
  return useQuery({
    queryKey: [...keys.today, now ?? 'live', limit ?? 'all'],
    queryFn: () => listToday(now ?? Date.now(), undefined, limit),
    // asking for all rows keeps the first rows on screen until the rest arrive
    placeholderData: keepPreviousData,
  });
}

/** Clients whose name, company or address contains the words typed (for picking by hand). */
export function useClientSearch(q: string) {
  const term = q.trim().toLowerCase();
  return useQuery({
    queryKey: keys.search(term),
    enabled: term.length >= 2,
    queryFn: () =>
      db.clients
        .filter(
          (c) =>
            c.name.toLowerCase().includes(term) ||
            (c.company ?? '').toLowerCase().includes(term) ||
            c.emails.some((e) => e.includes(term)),
        )
        .limit(8)
        .toArray(),
  });
}

function afterWrite(qc: QueryClient) {
  void qc.invalidateQueries({ queryKey: [DB_QUERY_ROOT] });
  void sendToBackground({ type: 'badge:refresh' });
}

export function useTrackClient(tabId: number | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ClientInput) => createClient(input),
    onSuccess: async () => {
      // the open thread's emails are recorded at once, not only when the page next changes
      if (tabId !== null) await sendToBackground({ type: 'thread:capture', tabId });
    },
    onSettled: () => afterWrite(qc),
  });
}

export function useUpdateClient() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (a: { id: number; patch: ClientPatch }) => updateClient(a.id, a.patch),
    onSuccess: (client) => {
      qc.setQueryData(keys.client(client.id!), client);
      for (const e of client.emails) qc.setQueryData(keys.clientByEmail(e), client);
    },
    onSettled: () => afterWrite(qc),
  });
}

const OPTIMISTIC_ID = -1;

export function useLogTouchpoint() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TouchpointInput) => logTouchpoint(input),
    onMutate: async (input) => {
      const key = keys.history(input.clientId);
      await qc.cancelQueries({ queryKey: key });
      const previous = qc.getQueryData<Touchpoint[]>(key);
      const now = Date.now();
      const guess: Touchpoint = {
        id: OPTIMISTIC_ID, clientId: input.clientId, kind: input.kind, source: input.source ?? 'manual',
        at: typeof input.at === 'number' ? input.at : now, createdAt: now,
        ...(input.summary ? { summary: input.summary } : {}),
        ...(input.amount !== undefined ? { amount: input.amount } : {}),
      };
      qc.setQueryData<Touchpoint[]>(key, [guess, ...(previous ?? [])]);
      // the card's "last contact" moves at once too
      const patchClient = (c: Client | null | undefined) =>
        c && c.id === input.clientId && input.kind !== 'note' ? { ...c, lastContactAt: guess.at } : c;
      qc.setQueriesData<Client | null>({ queryKey: [DB_QUERY_ROOT, 'clients', 'by-email'] }, patchClient);
      qc.setQueriesData<Client | null>({ queryKey: [DB_QUERY_ROOT, 'clients', 'by-id'] }, patchClient);
      return { previous, key };
    },
    onError: (_e, _input, ctx) => {
      if (ctx) qc.setQueryData(ctx.key, ctx.previous);
    },
    onSettled: () => afterWrite(qc),
  });
}

export function useUpdateTouchpoint() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (a: { ref: TouchpointRef; patch: Parameters<typeof updateTouchpoint>[1] }) => updateTouchpoint(a.ref, a.patch),
    onSettled: () => afterWrite(qc),
  });
}

export function useDeleteTouchpoint() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (ref: TouchpointRef) => deleteTouchpoint(ref),
    onSettled: () => afterWrite(qc),
  });
}

export function useRestoreTouchpoint() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (tp: Touchpoint) => restoreTouchpoint(tp),
    onSettled: () => afterWrite(qc),
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
