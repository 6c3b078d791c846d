/** The user's settings (lib/db/settings.ts) as hooks. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getSettings, updateSettings, type SettingsPatch } from '../db/settings';
import { keys } from './keys';
import { useWrite } from './write';

export function useSettings() {
  return useQuery({ queryKey: keys.settings, queryFn: getSettings });
}

/** Saves a change to the settings (a cadence change re-derives every client). */
export function useUpdateSettings() {
  const qc = useQueryClient();
  return useWrite({
    mutationFn: (patch: SettingsPatch) => updateSettings(patch),
    onSuccess: (s) => qc.setQueryData(keys.settings, s),
  });
}
