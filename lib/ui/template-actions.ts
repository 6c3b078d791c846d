/** Writing templates (lib/db/templates.ts), for the options page's editor. */
import {
  createTemplate, deleteTemplate, duplicateTemplate, resetTemplate, updateTemplate, type TemplateInput,
} from '../db/templates';
import { useWrite } from './write';

export function useTemplateActions() {
  return {
    create: useWrite({ mutationFn: (t: TemplateInput) => createTemplate(t) }),
    update: useWrite({ mutationFn: (a: { id: number; t: TemplateInput }) => updateTemplate(a.id, a.t) }),
    duplicate: useWrite({ mutationFn: (id: number) => duplicateTemplate(id) }),
    remove: useWrite({ mutationFn: (id: number) => deleteTemplate(id) }),
    reset: useWrite({ mutationFn: (id: number) => resetTemplate(id) }),
  };
}
