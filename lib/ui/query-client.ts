/**
 * One QueryClient per extension page. The database is the truth: any write, in this page
 * or another context (the background recording an email, a second panel), fires Dexie's
 * `storagemutated` (broadcast across our origin), and every database-backed query is
 * invalidated so open views refetch at once.
 */
import Dexie from 'dexie';
import { QueryClient } from '@tanstack/react-query';
import { keys } from './keys';

export function createQueryClient(): QueryClient {
  const qc = new QueryClient({
    defaultOptions: { queries: { staleTime: Infinity, retry: false, refetchOnWindowFocus: false } },
  });
  Dexie.on('storagemutated', () => {
    void qc.invalidateQueries({ queryKey: keys.all });
  });
  return qc;
}
