import { beforeEach, describe, expect, it } from 'vitest';
import { listTemplates } from '@/lib/db/templates';
import { createTemplate, updateTemplate, duplicateTemplate, deleteTemplate, resetTemplate } from '@/lib/db/template-edits';
import { BUILT_IN_KEYS } from '@/lib/domain/templates/builtin-keys';
import { BUILT_IN_TEMPLATES } from '@/lib/domain/templates';
import { ValidationError } from '@/lib/db/errors';
import { resetDb, dumpDb } from './helpers';

beforeEach(resetDb);

describe('templates in the database', () => {
  it('knows the built-ins by their keys alone, in the same order as their words', () => {
    expect(BUILT_IN_KEYS).toEqual(BUILT_IN_TEMPLATES.map((t) => t.builtInKey));
  });

  it('writes the built-ins once, in their shipped order', async () => {
    const first = await listTemplates();
    expect(first.map((t) => t.builtInKey)).toEqual(BUILT_IN_TEMPLATES.map((t) => t.builtInKey));
    expect(await listTemplates()).toHaveLength(BUILT_IN_TEMPLATES.length);
  });

  it('creates, edits, duplicates and deletes the user’s own', async () => {
    const t = await createTemplate({ name: 'Price list', subject: 'Prices for {{company}}', body: 'Hi {{firstName}}' });
    const edited = await updateTemplate(t.id!, { name: 'Price list 2027', subject: 'Prices', body: 'Hi {{firstName}}!' });
    expect(edited.name).toBe('Price list 2027');
    const copy = await duplicateTemplate(t.id!);
    expect(copy.name).toBe('Price list 2027 (copy)');
    await deleteTemplate(copy.id!);
    expect((await listTemplates()).filter((x) => !x.builtIn).map((x) => x.name)).toEqual(['Price list 2027']);
  });

  it('lets a built-in be edited and reset, never deleted', async () => {
    const how = (await listTemplates()).find((t) => t.builtInKey === 'how-am-i-doing')!;
    await updateTemplate(how.id!, { ...how, body: 'Hi {{firstName}}, all good?' });
    await expect(deleteTemplate(how.id!)).rejects.toThrow(/cannot be deleted/);
    const reset = await resetTemplate(how.id!);
    expect(reset.body).toBe(BUILT_IN_TEMPLATES.find((t) => t.builtInKey === 'how-am-i-doing')!.body);
  });

  it('refuses an unknown variable with the editor’s message, writing nothing', async () => {
    await listTemplates();
    const before = await dumpDb();
    await expect(createTemplate({ name: 'x', subject: 'Hi {{nick}}', body: 'b' })).rejects.toThrow(ValidationError);
    await expect(createTemplate({ name: 'x', subject: 'Hi {{nick}}', body: 'b' })).rejects.toThrow(
      'Unknown variable {{nick}} in the subject.',
    );
    expect(await dumpDb()).toEqual(before);
  });
});
