/** Follow-up templates (lib/db/templates.ts) as a hook; the editor's writes are ./template-actions.ts. */
import { useQuery } from '@tanstack/react-query';
import { listTemplates } from '../db/templates';
import { keys } from './keys';

export function useTemplates() {
  return useQuery({ queryKey: keys.templates, queryFn: listTemplates });
}
