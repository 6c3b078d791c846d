/** Which follow-ups get answers: emails sent from each template, and the share answered within 7 days. */
import type { Insights } from '@/lib/ui/insights';
import { pct } from './format';

export function TemplateStatsSection({ data }: { data: Insights }) {
  return (
    <section aria-labelledby="tpl-h">
      <h2 id="tpl-h">Follow-ups that work</h2>
      {data.templates.length === 0 ? (
        <p className="empty">No email sent from a template yet. Insert a follow-up from the sidebar; it counts once the email is sent.</p>
      ) : (
        <table>
          <caption>Answers within 7 days, per template</caption>
          <thead><tr><th scope="col">Template</th><th scope="col">Sent</th><th scope="col">Answered</th><th scope="col">Answer rate</th></tr></thead>
          <tbody>
            {data.templates.map((t) => (
              <tr key={t.templateId}><th scope="row">{t.name}</th><td>{t.used}</td><td>{t.answered}</td><td>{pct(t.answerRate)}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
