/** Follow-up templates (lib/db/templates.ts) as hooks. */
import { useQuery } from '@tanstack/react-query';
import {
  createTemplate, deleteTemplate, duplicateTemplate, listTemplates, resetTemplate, updateTemplate, type TemplateInput,
} from '../db/templates';
import { keys } from './keys';
import { useWrite } from './write';

export function useTemplates() {
  return useQuery({ queryKey: keys.templates, queryFn: listTemplates });
}

export function useTemplateActions() {
  return {
    create: useWrite({ mutationFn: (t: TemplateInput) => createTemplate(t) }),
    update: useWrite({ mutationFn: (a: { id: number; t: TemplateInput }) => updateTemplate(a.id, a.t) }),
    duplicate: useWrite({ mutationFn: (id: number) => duplicateTemplate(id) }),
    remove: useWrite({ mutationFn: (id: number) => deleteTemplate(id) }),
    reset: useWrite({ mutationFn: (id: number) => resetTemplate(id) }),
  };
}
