/**
 * A client's history (lib/db/touchpoints.ts) as hooks. Logging is optimistic: the new
 * touchpoint appears in the history and the client's last contact moves at once, then the
 * database's answer replaces the guess (every write invalidates on settle, ./write.ts).
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  deleteTouchpoint, listHistory, logTouchpoint, restoreTouchpoint, updateTouchpoint, type TouchpointInput,
} from '../db/touchpoints';
import type { Client, Touchpoint, TouchpointRef } from '../domain/model';
import { keys } from './keys';
import { useWrite } from './write';

export function useHistory(clientId: number | undefined) {
  return useQuery({
    queryKey: keys.history(clientId ?? 0),
    queryFn: () => listHistory(clientId!),
    enabled: clientId !== undefined,
  });
}

/**
 * The id an optimistic guess carries until the database answers: unique among the guesses
 * (it is a React key) and never a touchpoint id (isTouchpointId), so nothing can act on it.
 */
let guesses = 0;
const optimisticId = () => `optimistic-${++guesses}`;

export function useLogTouchpoint() {
  const qc = useQueryClient();
  return useWrite({
    mutationFn: (input: TouchpointInput) => logTouchpoint(input),
    onMutate: async (input) => {
      const key = keys.history(input.clientId);
      await qc.cancelQueries({ queryKey: key });
      const previous = qc.getQueryData<Touchpoint[]>(key);
      const now = Date.now();
      const guess: Touchpoint = {
        id: optimisticId(), clientId: input.clientId, kind: input.kind, source: input.source ?? 'manual',
        at: typeof input.at === 'number' ? input.at : now, createdAt: now,
        ...(input.summary ? { summary: input.summary } : {}),
        ...(input.amount !== undefined ? { amount: input.amount } : {}),
      };
      qc.setQueryData<Touchpoint[]>(key, [guess, ...(previous ?? [])]);
      // the card's "last contact" moves at once too
      const patchClient = (c: Client | null | undefined) =>
        c && c.id === input.clientId && input.kind !== 'note' ? { ...c, lastContactAt: guess.at } : c;
      qc.setQueriesData<Client | null>({ queryKey: keys.clientsByEmail }, patchClient);
      qc.setQueriesData<Client | null>({ queryKey: keys.clientsById }, patchClient);
      return { previous, key };
    },
    onError: (_e, _input, ctx) => {
      if (ctx) qc.setQueryData(ctx.key, ctx.previous);
    },
  });
}

export function useUpdateTouchpoint() {
  return useWrite({
    mutationFn: (a: { ref: TouchpointRef; patch: Parameters<typeof updateTouchpoint>[1] }) => updateTouchpoint(a.ref, a.patch),
  });
}

export function useDeleteTouchpoint() {
  return useWrite({ mutationFn: (ref: TouchpointRef) => deleteTouchpoint(ref) });
}

/** Puts a deleted touchpoint back (the undo of a delete). */
export function useRestoreTouchpoint() {
  return useWrite({ mutationFn: (tp: Touchpoint) => restoreTouchpoint(tp) });
}

