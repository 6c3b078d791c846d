/** The rows of an imported file that the plan leaves out, each with its line and why. */
export function SkippedRows({ rows }: { rows: readonly { line: number; reason: string }[] }) {
  if (!rows.length) return null;
  return (
    <details open>
      <summary>
        {rows.length} {rows.length === 1 ? 'row' : 'rows'} will be skipped
      </summary>
      <ul>
        {rows.map((r) => (
          <li key={r.line}>
            Row {r.line}: {r.reason}
          </li>
        ))}
      </ul>
    </details>
  );
}
