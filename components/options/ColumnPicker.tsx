/** Which column of a spreadsheet holds what: one choice per field, any header or none. */
export function ColumnPicker<M extends object>({ fields, headers, mapping, onChange }: {
  fields: readonly { key: keyof M & string; label: string }[];
  headers: string[];
  mapping: M | null;
  onChange: (m: M) => void;
}) {
  return (
    <fieldset>
      <legend>Columns</legend>
      {fields.map((f) => (
        <label key={f.key} className="inline">
          {f.label}
          <select
            value={(mapping?.[f.key] as string | undefined) ?? ''}
            onChange={(e) => onChange({ ...mapping, [f.key]: e.target.value || undefined } as M)}
          >
            <option value="">(none)</option>
            {headers.map((h) => (
              <option key={h} value={h}>
                {h}
              </option>
            ))}
          </select>
        </label>
      ))}
    </fieldset>
  );
}
