/**
 * The template editor of the options page: pick a template, edit its words with a live
 * preview against a sample client, save; duplicate and delete your own; reset a built-in.
 * Unknown variables are listed as errors before saving, and saving is refused while any
 * remain.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Stage, Template } from '@/lib/domain/model';
import { STAGES } from '@/lib/domain/model';
import { renderTemplate, sampleValues, templateErrors, VARIABLES } from '@/lib/domain/templates';
import { useTemplates } from '@/lib/ui/templates';
import { useTemplateActions } from '@/lib/ui/template-actions';
import { errorText } from '@/lib/ui/errors';
import { TemplatePreview } from '@/components/templates/TemplatePreview';

interface Draft {
  name: string;
  category: string;
  subject: string;
  body: string;
  stages: Stage[];
}

const toDraft = (t?: Template): Draft => ({
  name: t?.name ?? '',
  category: t?.category ?? 'Custom',
  subject: t?.subject ?? '',
  body: t?.body ?? '',
  stages: t ? [...t.stages] : [],
});

export function TemplateEditor() {
  const { data: templates = [], isLoading } = useTemplates();
  const actions = useTemplateActions();
  const [selectedId, setSelectedId] = useState<number | 'new' | null>(null);
  const selected = typeof selectedId === 'number' ? templates.find((t) => t.id === selectedId) : undefined;
  const [draft, setDraft] = useState<Draft>(toDraft());
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  useEffect(() => {
    if (selectedId === null && templates.length) setSelectedId(templates[0].id!);
  }, [templates, selectedId]);
  useEffect(() => {
    setDraft(toDraft(selected));
    setStatus(null);
  }, [selectedId, selected?.updatedAt]); // eslint-disable-line react-hooks/exhaustive-deps

  const errors = useMemo(() => templateErrors(draft), [draft]);
  const preview = useMemo(() => renderTemplate(draft, sampleValues()), [draft]);
  const dirty = JSON.stringify(draft) !== JSON.stringify(toDraft(selected));

  const run = async (what: string, fn: () => Promise<Template | void>) => {
    try {
      const t = await fn();
      setStatus({ kind: 'ok', text: what });
      if (t && t.id !== undefined) setSelectedId(t.id);
    } catch (e) {
      setStatus({ kind: 'error', text: errorText(e) });
    }
  };

  const save = () =>
    run('Saved.', () =>
      selectedId === 'new' || selectedId === null
        ? actions.create.mutateAsync(draft)
        : actions.update.mutateAsync({ id: selectedId, t: { ...draft, situations: selected?.situations } }),
    );

  if (isLoading) return <p>Loading templates…</p>;

  return (
    <section aria-labelledby="templates-heading" className="options-section">
      <h2 id="templates-heading">Follow-up templates</h2>
      <div className="tpl-editor">
        <nav aria-label="Templates">
          <ul className="tpl-list">
            {templates.map((t) => (
              <li key={t.id}>
                <button
                  type="button"
                  aria-current={t.id === selectedId ? 'true' : undefined}
                  onClick={() => setSelectedId(t.id!)}
                >
                  {t.name}
                  {t.builtIn ? <span className="muted"> (built-in)</span> : null}
                </button>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => setSelectedId('new')}>
            New template
          </button>
        </nav>

        <form
          className="tpl-form"
          aria-label={selectedId === 'new' ? 'New template' : `Edit ${selected?.name ?? 'template'}`}
          onSubmit={(e) => {
            e.preventDefault();
            if (errors.length === 0) void save();
          }}
        >
          <label>
            Name
            <input value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} required maxLength={120} />
          </label>
          <label>
            Category
            <input value={draft.category} onChange={(e) => setDraft({ ...draft, category: e.target.value })} maxLength={60} />
          </label>
          <label>
            Subject
            <input value={draft.subject} onChange={(e) => setDraft({ ...draft, subject: e.target.value })} maxLength={300} />
          </label>
          <label>
            Body
            <textarea rows={10} value={draft.body} onChange={(e) => setDraft({ ...draft, body: e.target.value })} />
          </label>
          <fieldset>
            <legend>Suits these stages (none ticked: any)</legend>
            {STAGES.map((s) => (
              <label key={s} className="inline">
                <input
                  type="checkbox"
                  checked={draft.stages.includes(s)}
                  onChange={(e) =>
                    setDraft({ ...draft, stages: e.target.checked ? [...draft.stages, s] : draft.stages.filter((x) => x !== s) })
                  }
                />
                {s}
              </label>
            ))}
          </fieldset>
          <details>
            <summary>Variables you can use</summary>
            <ul>
              {VARIABLES.map((v) => (
                <li key={v.name}>
                  <code>{`{{${v.name}}}`}</code>: {v.description}
                </li>
              ))}
            </ul>
          </details>

          {errors.length > 0 ? (
            // the alert around the list, not on it: a list given another role is no list,
            // and its items then belong to nothing (axe: listitem)
            <div role="alert" aria-label="Problems in this template">
              <ul className="errors">
                {errors.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            </div>
          ) : null}

          <div className="row">
            <button type="submit" disabled={errors.length > 0 || (!dirty && selectedId !== 'new')}>
              Save template
            </button>
            {typeof selectedId === 'number' ? (
              <button type="button" onClick={() => run('Duplicated.', () => actions.duplicate.mutateAsync(selectedId))}>
                Duplicate
              </button>
            ) : null}
            {selected?.builtIn ? (
              <button type="button" onClick={() => run('Reset to the shipped words.', () => actions.reset.mutateAsync(selected.id!))}>
                Reset to original
              </button>
            ) : null}
            {selected && !selected.builtIn ? (
              <button
                type="button"
                onClick={() =>
                  run('Deleted.', async () => {
                    await actions.remove.mutateAsync(selected.id!);
                    setSelectedId(null);
                  })
                }
              >
                Delete template
              </button>
            ) : null}
          </div>
          <p role="status" className={status?.kind === 'error' ? 'error' : 'muted'}>
            {status?.text ?? ''}
          </p>
        </form>

        <TemplatePreview
          rendered={preview}
          label="Preview with a sample client"
          className="tpl-preview"
          heading={<h3>Preview (sample client Dana Client, Acme Corp)</h3>}
        />
      </div>
    </section>
  );
}
