/** The pages' reads and writes of clients (lib/db/clients.ts), as hooks. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  countClients, createClient, findClientByEmail, getClient, searchClients, updateClient,
  type ClientInput, type ClientPatch,
} from '../db/clients';
import { countOverdue } from '../db/overdue';
import { trySend } from '../messages/send';
import { changedElsewhereAt } from '../db/sync-seen';
import { keys } from './keys';
import { useWrite } from './write';

export function useClientCount() {
  return useQuery({ queryKey: keys.clientCount, queryFn: countClients });
}

/** How many clients need the user now: the badge's number. */
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

/** When a change made on another device (sync) last landed in this client, if one did. */
export function useChangedElsewhere(id: number | undefined) {
  return useQuery({
    queryKey: keys.changedElsewhere(id ?? 0),
    queryFn: async () => (id === undefined ? null : ((await changedElsewhereAt(id)) ?? null)),
    enabled: id !== undefined,
  });
}

export function useClient(id: number | null) {
  return useQuery({
    queryKey: keys.client(id ?? 0),
    queryFn: async () => (id === null ? null : ((await getClient(id)) ?? null)),
    enabled: id !== null,
  });
}

/** Clients whose name, company or address contains the words typed (for picking by hand). */
export function useClientSearch(q: string) {
  const term = q.trim().toLowerCase();
  return useQuery({ queryKey: keys.search(term), enabled: term.length >= 2, queryFn: () => searchClients(term, 8) });
}

/**
 * Tracks a person as a client; the open thread of `tabId` is then recorded at once, not
 * only when the page next changes.
 */
export function useTrackClient(tabId: number | null) {
  return useWrite({
    mutationFn: (input: ClientInput) => createClient(input),
    onSuccess: async () => {
      if (tabId !== null) await trySend({ type: 'thread:capture', tabId });
    },
  });
}

export function useUpdateClient() {
  const qc = useQueryClient();
  return useWrite({
    mutationFn: (a: { id: number; patch: ClientPatch }) => updateClient(a.id, a.patch),
    onSuccess: (client) => {
      qc.setQueryData(keys.client(client.id!), client);
      for (const e of client.emails) qc.setQueryData(keys.clientByEmail(e), client);
    },
  });
}
