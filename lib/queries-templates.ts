/** TanStack Query hooks for follow-up templates (lib/db/templates.ts). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  listTemplates, createTemplate, updateTemplate, duplicateTemplate, deleteTemplate, resetTemplate,
  type TemplateInput,
} from './db/templates';
import { DB_QUERY_ROOT } from './query-client';

export const templatesKey = [DB_QUERY_ROOT, 'templates'] as const;

export function useTemplates() {
  return useQuery({ queryKey: templatesKey, queryFn: listTemplates });
}

export function useTemplateActions() {
  const qc = useQueryClient();
  const done = { onSettled: () => qc.invalidateQueries({ queryKey: templatesKey }) };
  return {
    create: useMutation({ mutationFn: (t: TemplateInput) => createTemplate(t), ...done }),
    update: useMutation({ mutationFn: (a: { id: number; t: TemplateInput }) => updateTemplate(a.id, a.t), ...done }),
    duplicate: useMutation({ mutationFn: (id: number) => duplicateTemplate(id), ...done }),
    remove: useMutation({ mutationFn: (id: number) => deleteTemplate(id), ...done }),
    reset: useMutation({ mutationFn: (id: number) => resetTemplate(id), ...done }),
  };
}
