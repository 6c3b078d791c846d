/**
 * "How'm I doing?" and the other follow-ups, ready for this client: the templates that
 * fit the situation now come first, then the full list. The preview shows the filled
 * text with any gap marked; then Insert into reply (plain text at the cursor of the
 * page's open reply box), Open in new email (the provider's compose URL) or Copy.
 */
import { lazy, Suspense, useMemo, useState } from 'react';
import type { Client, Settings, Template, Touchpoint } from '@/lib/domain/model';
import type { MailProvider } from '@/lib/domain/model';
// each from its own module, not the templates' index: that would bring the built-ins' words into the panel
import { renderTemplate } from '@/lib/domain/templates/render';
import { lifecycleFacts, situationsNow, suggestTemplates } from '@/lib/domain/templates/suggest';
import { valuesFor } from '@/lib/domain/templates/variables';
import { isDormant } from '@/lib/domain/dormant';
import { useTemplates } from '@/lib/ui/templates';
import { insertIntoReply, openNewEmail, type InsertOutcome } from '@/lib/ui/reply';
import { TemplatePreview } from '@/components/templates/TemplatePreview';
import { Outcome, type OutcomeMessage } from '../Outcome';

// asked for once, the first time a follow-up needs the user's name: loaded then
const SignAs = lazy(() => import('./SignAs').then((m) => ({ default: m.SignAs })));

export interface FollowUpsProps {
  client: Client;
  email: string;
  personName?: string;
  subject?: string;
  history: Touchpoint[];
  provider?: MailProvider;
  pageUrl?: string;
  tabId: number | null;
  settings: Settings;
  now: number;
  replyLate: boolean;
  awaitingReply: boolean;
  overdue: boolean;
  dueSoon?: boolean;
}


const INSERT_OUTCOME: Record<InsertOutcome, OutcomeMessage> = {
  inserted: { kind: 'ok', text: 'Inserted into your reply. It is logged when the email is sent.' },
  'no-reply-box': { kind: 'error', text: 'No reply box is open in the mail page. Click Reply there, or open a new email or copy instead.' },
  'not-inserted': { kind: 'error', text: 'The text could not be put into the page. Open a new email or copy instead.' },
  'page-unreachable': { kind: 'error', text: 'The mail page is not reachable (reload it). Open a new email or copy instead.' },
};

export function FollowUps(p: FollowUpsProps) {
  const { data: templates = [] } = useTemplates();
  const facts = useMemo(() => lifecycleFacts(p.history), [p.history]);
  const lastSaleAt = facts.lastSaleAt;
  const lastSubject = p.subject ?? p.history.find((t) => t.subject)?.subject;
  const suggested = useMemo(() => {
    const situations = situationsNow({
      client: p.client,
      replyLate: p.replyLate,
      awaitingReply: p.awaitingReply,
      overdue: p.overdue,
      dueSoon: p.dueSoon,
      dormant: isDormant(p.client, p.now),
      ...facts,
      holidays: p.settings.holidays,
      now: p.now,
    });
    return suggestTemplates(templates, situations, p.client.stage, 3);
  }, [templates, p.client, p.replyLate, p.awaitingReply, p.overdue, p.dueSoon, facts, p.settings.holidays, p.now]);

  const [chosenId, setChosenId] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<OutcomeMessage>(null);
  const chosen: Template | undefined = templates.find((t) => t.id === chosenId);
  const rendered = chosen
    ? renderTemplate(
        chosen,
        valuesFor({ client: p.client, personName: p.personName, subject: lastSubject, lastSaleAt, settings: p.settings, now: p.now }),
      )
    : null;

  const insert = async () => {
    if (!rendered || !chosen || p.tabId === null) return;
    setOutcome(INSERT_OUTCOME[await insertIntoReply(p.tabId, p.provider, rendered.body.text, { templateId: chosen.id!, clientId: p.client.id! })]);
  };

  const openNew = async () => {
    if (!rendered) return;
    await openNewEmail(
      p.provider ?? 'gmail',
      { to: p.email, subject: rendered.subject.text, body: rendered.body.text },
      { pageUrl: p.pageUrl, tabId: p.tabId, template: chosen ? { templateId: chosen.id!, clientId: p.client.id! } : undefined },
    );
    setOutcome({ kind: 'ok', text: 'Opened a new email.' });
  };

  const copy = async () => {
    if (!rendered) return;
    try {
      await navigator.clipboard.writeText(rendered.body.text);
      setOutcome({ kind: 'ok', text: 'Copied.' });
    } catch {
      setOutcome({ kind: 'error', text: 'The clipboard is not available here; select the preview text instead.' });
    }
  };

  return (
    <section aria-labelledby="followups-heading" className="followups">
      <h2 id="followups-heading">Follow up</h2>
      {suggested.length ? (
        <div className="row wrap" role="group" aria-label="Suggested now">
          {suggested.map((t) => (
            <button key={t.id} type="button" aria-pressed={t.id === chosenId} className="chip" onClick={() => setChosenId(t.id!)}>
              {t.name}
            </button>
          ))}
        </div>
      ) : null}
      <label className="field">
        <span className="field-label">All templates</span>
        <select value={chosenId ?? ''} onChange={(e) => { setChosenId(e.target.value ? Number(e.target.value) : null); setOutcome(null); }}>
          <option value="">Choose a template…</option>
          {templates.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      {rendered ? (
        <>
          <TemplatePreview rendered={rendered} label="Preview" className="preview" />
          {rendered.missing.length ? (
            <p className="muted small">Marked gaps have no value yet: fill them in after inserting.</p>
          ) : null}
          {rendered.missing.includes('myName') ? (
            <Suspense fallback={null}>
              <SignAs />
            </Suspense>
          ) : null}
          <div className="row wrap">
            <button type="button" onClick={() => void insert()} disabled={p.tabId === null}>
              Insert into reply
            </button>
            <button type="button" onClick={() => void openNew()}>
              Open in new email
            </button>
            <button type="button" onClick={() => void copy()}>
              Copy
            </button>
          </div>
          <Outcome message={outcome} />
        </>
      ) : null}
    </section>
  );
}
