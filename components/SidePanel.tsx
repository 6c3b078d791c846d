/**
 * The side panel: follows the mail tab (or the `?tabId=` one), shows the person of the
 * open thread as a client, or the Today view when no thread is open. Data comes from the
 * database through TanStack Query; only view choices live in the Zustand store.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import './panel/panel.css';
import type { Person } from '@/lib/domain/model';
import { outsideParticipants } from '@/lib/domain/thread';
import { ownAddressesOf } from '@/lib/domain/settings';
import { useClient, useClientByEmail, useClientCount, useOverdueCount } from '@/lib/ui/clients';
import { useFollowedTab, useTabThread } from '@/lib/ui/tab';
import { useSettings } from '@/lib/ui/settings';
import { usePanelStore, type PanelView } from '@/lib/ui/panel-store';
import { useRequestedView } from '@/lib/ui/panel-view';
import { openInsights, openOptions } from '@/lib/ui/navigation';
import { useBackgroundAwake } from '@/lib/ui/background-awake';

// asked for only when the user reports a page, or shown only when a page could not be read:
// their code loads then, not with the panel (which keeps it within its 450 KB)
const DetectionProblem = lazy(() => import('./panel/DetectionProblem').then((m) => ({ default: m.DetectionProblem })));
const LayoutReport = lazy(() => import('./panel/LayoutReport').then((m) => ({ default: m.LayoutReport })));
import { PersonView } from './panel/PersonView';
import { TodayView } from './panel/TodayView';
import { BackupReminder } from './panel/BackupReminder';
import { DbProblemBanner } from './DbProblemBanner';
import { MailAccessNotice } from './MailAccessNotice';

/** The clock of the panel: statuses age while it stays open. */
function useNow(intervalMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(t);
  }, [intervalMs]);
  return now;
}

function Summary() {
  const clients = useClientCount();
  const overdue = useOverdueCount();
  // no database (a private window, no room): the banner below says why, not an endless "Loading"
  if (clients.isError) return null;
  return (
    <p className="summary" data-testid="summary">
      {clients.data === undefined
        ? 'Loading…'
        : `${clients.data} client${clients.data === 1 ? '' : 's'} tracked · ${overdue.data ?? 0} need you now`}
    </p>
  );
}

export function SidePanel({
  fixedTabId,
  now: fixedNow,
  initialView = null,
}: {
  fixedTabId: number | null;
  now?: number;
  /** a view asked for by the page's address (`?view=today`), shown once the tab's thread is read */
  initialView?: PanelView | null;
}) {
  const tabId = useFollowedTab(fixedTabId);
  useBackgroundAwake();
  const { thread, loading, ready } = useTabThread(tabId);
  const { data: settings, isError: noDatabase } = useSettings();
  const { data: clientCount } = useClientCount();
  const [reporting, setReporting] = useState(false);
  const liveNow = useNow();
  const now = fixedNow ?? liveNow;
  const { view, setView, selectedEmail, openClientId, manualEmail, openClient, resetForThread } = usePanelStore();
  const snapshot = thread?.snapshot ?? null;
  const threadIdentity = snapshot ? `${snapshot.provider}:${snapshot.threadId ?? snapshot.subject}` : null;

  useEffect(() => {
    resetForThread();
    if (threadIdentity) setView('person');
  }, [threadIdentity, tabId]); // eslint-disable-line react-hooks/exhaustive-deps
  // after the effect above: a view asked for (a reminder's click) wins over the thread's person
  useRequestedView(initialView, ready);

  const own = settings ? ownAddressesOf(settings) : [];
  const outside = outsideParticipants(snapshot, own);
  const threadPerson: Person | undefined =
    (selectedEmail ? outside.find((p) => p.email === selectedEmail) : undefined) ?? snapshot?.correspondent;
  const manualPerson: Person | undefined = manualEmail
    ? (outside.find((p) => p.email === manualEmail) ?? { email: manualEmail })
    : undefined;

  const opened = useClient(openClientId);
  const person: Person | undefined = opened.data
    ? { email: opened.data.emails[0], name: opened.data.name }
    : (manualPerson ?? threadPerson);
  const byEmail = useClientByEmail(opened.data ? null : person?.email);
  const client = opened.data ?? (person ? byEmail.data : undefined);

  const showToday = view === 'today' || (!person && !snapshot);

  return (
    <div className="panel">
      <header className="panel-header">
        <div className="brand">
          <img src="/icon/32.png" alt="" width={20} height={20} />
          <span>Touchbase</span>
        </div>
        <nav aria-label="Views" className="views">
          <button type="button" aria-pressed={!showToday} onClick={() => setView('person')} disabled={!person && !snapshot}>
            Client
          </button>
          <button type="button" aria-pressed={showToday} onClick={() => { openClient(null); setView('today'); }}>
            Today
          </button>
        </nav>
      </header>
      <Summary />
      <DbProblemBanner />
      <MailAccessNotice />
      <main>
        {noDatabase ? (
          <p className="muted">Touchbase cannot show your clients until the problem above is solved.</p>
        ) : !settings || loading ? (
          <p className="muted">Loading…</p>
        ) : showToday ? (
          <TodayView now={fixedNow} />
        ) : person ? (
          <>
            {openClientId !== null || manualEmail ? (
              <button type="button" className="link back" onClick={() => resetForThread()}>
                {snapshot ? '← Back to this thread' : '← Back to Today'}
              </button>
            ) : null}
            <PersonView person={person} client={client} thread={thread} tabId={tabId} settings={settings} now={now} />
          </>
        ) : (
          <Suspense fallback={null}>
            <DetectionProblem diagnostics={thread?.diagnostics ?? []} participants={outside} tabId={tabId} />
          </Suspense>
        )}
      </main>
      {settings ? <BackupReminder settings={settings} clientCount={clientCount ?? 0} now={now} /> : null}
      <footer className="panel-footer">
        <button type="button" className="link" onClick={openInsights}>
          Insights
        </button>
        {' · '}
        <button type="button" className="link" onClick={openOptions}>
          Settings & backup
        </button>
        {' · '}
        <button type="button" className="link" aria-expanded={reporting} aria-controls="page-report" onClick={() => setReporting(!reporting)}>
          Report a page problem
        </button>
        {reporting ? (
          <section id="page-report" aria-label="Report a page problem">
            <Suspense fallback={<p className="muted">Loading…</p>}>
              <LayoutReport tabId={tabId} />
            </Suspense>
          </section>
        ) : null}
      </footer>
    </div>
  );
}
