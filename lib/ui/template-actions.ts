/**
 * The template editor's writes (lib/db/template-edits.ts) as hooks: the options page only,
 * so the side panel's bundle carries none of them.
 */
import {
  createTemplate, deleteTemplate, duplicateTemplate, resetTemplate, updateTemplate, type TemplateInput,
} from '../db/template-edits';
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
