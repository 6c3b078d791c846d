/**
 * A client's history (lib/db/touchpoints.ts) as hooks. Logging is optimistic: the new
 * touchpoint appears in the history and the client's last contact moves at once, then the
 * database's answer replaces the guess (every write invalidates on settle, ./write.ts).
 *
 * The panel's first paint only reads; the code that writes a touchpoint (its checks, the
 * native transaction) is a chunk of its own, fetched as soon as a view that can write has
 * painted, so it is there before the first click and not in the JavaScript the panel loads
 * before it shows anything (issue #20's budget for the panel, BENCHMARKS.md).
 */
import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { listHistory } from '../db/history';
import type { TouchpointInput, updateTouchpoint } from '../db/touchpoints';
import type { Client, Touchpoint, TouchpointRef } from '../domain/model';
import { keys } from './keys';
import { useWrite } from './write';

type TouchpointPatch = Parameters<typeof updateTouchpoint>[1];

const writes = () => import('../db/touchpoints');

/** Fetches the writing code once the calling view has painted. */
function usePrefetchedWrites() {
  useEffect(() => {
    void writes();
  }, []);
}

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
  usePrefetchedWrites();
  return useWrite({
    mutationFn: (input: TouchpointInput) => writes().then((m) => m.logTouchpoint(input)),
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
  usePrefetchedWrites();
  return useWrite({
    mutationFn: (a: { ref: TouchpointRef; patch: TouchpointPatch }) => writes().then((m) => m.updateTouchpoint(a.ref, a.patch)),
  });
}

export function useDeleteTouchpoint() {
  usePrefetchedWrites();
  return useWrite({ mutationFn: (ref: TouchpointRef) => writes().then((m) => m.deleteTouchpoint(ref)) });
}

/** Puts a deleted touchpoint back (the undo of a delete). */
export function useRestoreTouchpoint() {
  usePrefetchedWrites();
  return useWrite({ mutationFn: (tp: Touchpoint) => writes().then((m) => m.restoreTouchpoint(tp)) });
}

