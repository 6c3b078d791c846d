/**
 * The result of an action in words: an error is an alert (read out at once), anything else
 * a polite status. Colour is never the only sign: the words say which it is.
 */
export type OutcomeMessage = { kind: 'ok' | 'error'; text: string } | null;

export function Outcome({ message, keep = false }: { message: OutcomeMessage; keep?: boolean }) {
  // `keep`: an empty live region stays in the page, so a later message is announced
  if (!message && !keep) return null;
  const error = message?.kind === 'error';
  return (
    <p role={error ? 'alert' : 'status'} className={error ? 'error' : 'muted'}>
      {message?.text ?? ''}
    </p>
  );
}
