/** The Insights page's data (lib/db/insights.ts) as a hook. */
import { useQuery } from '@tanstack/react-query';
import { loadInsights, type Insights } from '../db/insights';
import { keys } from './keys';

export type { Insights };

export function useInsights(now?: number) {
  return useQuery({ queryKey: keys.insights(now ?? 'live'), queryFn: () => loadInsights(now) });
}
