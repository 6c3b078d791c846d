/** TanStack Query hooks for the user's settings (lib/db/settings.ts). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getSettings, updateSettings, type SettingsPatch } from './db/settings';
import { DB_QUERY_ROOT } from './query-client';

export const settingsKey = [DB_QUERY_ROOT, 'settings'] as const;

export function useSettings() {
  return useQuery({ queryKey: settingsKey, queryFn: getSettings });
}

export function useUpdateSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: SettingsPatch) => updateSettings(patch),
    onSuccess: (s) => qc.setQueryData(settingsKey, s),
    // a cadence change re-derives every client: refresh everything that reads them
    onSettled: () => qc.invalidateQueries({ queryKey: [DB_QUERY_ROOT] }),
  });
}
