/**
 * Every write from a page is a mutation made with `useWrite`, which does what follows a
 * write in one place: every database query is invalidated (a write can change any view:
 * a logged call moves a client out of Today, a cadence re-derives every due date), and the
 * background recounts the badge at once (a message also wakes a sleeping service worker,
 * which a database broadcast does not).
 */
import { useMutation, useQueryClient, type QueryClient, type UseMutationOptions } from '@tanstack/react-query';
import { trySend } from '../messages/send';
import { keys } from './keys';
import { isPrivateContext } from './db-health';
import { PRIVATE_WINDOW } from '../db/health';

export function afterWrite(qc: QueryClient): void {
  void qc.invalidateQueries({ queryKey: keys.all });
  void trySend({ type: 'badge:refresh' });
}

export function useWrite<TData, TVariables = void, TContext = unknown>(
  options: UseMutationOptions<TData, Error, TVariables, TContext>,
) {
  const qc = useQueryClient();
  return useMutation<TData, Error, TVariables, TContext>({
    ...options,
    // in a private window nothing would last: refuse in words instead of losing it silently
    mutationFn: (...args) => (isPrivateContext() ? Promise.reject(new Error(PRIVATE_WINDOW.message)) : options.mutationFn!(...args)),
    onSettled: async (...args) => {
      await options.onSettled?.(...args);
      afterWrite(qc);
    },
  });
}
