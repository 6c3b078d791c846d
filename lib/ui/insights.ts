/** The Insights page's data (lib/db/insights.ts) as a hook. */
import { useQuery } from '@tanstack/react-query';
import { loadInsights, type Insights } from '../db/insights';
import { setKeyAccounts } from '../db/key-accounts';
import { keys } from './keys';
import { useWrite } from './write';

export type { Insights };

export function useInsights(now?: number) {
  return useQuery({ queryKey: keys.insights(now ?? 'live'), queryFn: () => loadInsights(now) });
}

/** Marks exactly these clients as key accounts; resolves to how many changed. */
export function useSetKeyAccounts() {
  return useWrite({ mutationFn: (ids: number[]) => setKeyAccounts(ids) });
}
