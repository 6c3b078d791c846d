/**
 * A layout report of the mail tab, for when Touchbase reads the page wrong: what it holds in
 * one sentence, and the two ways to take it (lib/ui/layout-report.ts makes it in the tab).
 */
import { useId, useState } from 'react';
import { copyLayoutReport, downloadLayoutReport } from '@/lib/ui/layout-report';
import { Outcome, type OutcomeMessage } from '../Outcome';

export function LayoutReport({ tabId }: { tabId: number | null }) {
  const what = useId();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<OutcomeMessage>(null);
  const run = async (take: (tabId: number | null) => Promise<string>) => {
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome({ kind: 'ok', text: await take(tabId) });
    } catch (e) {
      setOutcome({ kind: 'error', text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="layout-report">
      <p className="small" id={what}>
        A layout report is a copy of this page’s structure with every name, address, subject and text replaced.
        Nothing is sent anywhere: you choose to save or copy it, and to whom you send it.
      </p>
      <div className="row wrap">
        <button type="button" aria-describedby={what} disabled={busy} onClick={() => void run(downloadLayoutReport)}>
          Download report
        </button>
        <button type="button" aria-describedby={what} disabled={busy} onClick={() => void run(copyLayoutReport)}>
          Copy report
        </button>
      </div>
      <Outcome message={outcome} keep />
    </div>
  );
}
