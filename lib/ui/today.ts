/** The Today view's data (lib/db/today.ts) as a hook. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { listToday, type TodayEntry, type TodayList } from '../db/today';
import { keys } from './keys';

export type { TodayEntry, TodayList };

/** The Today view shows this many rows of a section until the user asks for all. */
export const TODAY_FIRST_ROWS = 10;

/** The Today list; `limit` rows per section (all when not given), with every section's total. */
export function useToday(now?: number, limit?: number) {
  return useQuery({
    queryKey: keys.today(now ?? 'live', limit ?? 'all'),
    queryFn: () => listToday(now ?? Date.now(), undefined, limit),
    // asking for all rows keeps the first rows on screen until the rest arrive
    placeholderData: keepPreviousData,
  });
}
