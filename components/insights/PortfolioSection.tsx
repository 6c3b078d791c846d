/** The portfolio at a glance: clients per stage, who is overdue, a follow-up for each. */
import type { Client } from '@/lib/domain/model';
import { providerOfAccount } from '@/lib/domain/mail-account';
import { ownAddressesOf } from '@/lib/domain/settings';
import { renderTemplate } from '@/lib/domain/templates/render';
import { valuesFor } from '@/lib/domain/templates/variables';
import type { Insights } from '@/lib/ui/insights';
import { useTemplates } from '@/lib/ui/templates';
import { openNewEmail } from '@/lib/ui/reply';

export function PortfolioSection({ data }: { data: Insights }) {
  const { data: templates = [] } = useTemplates();
  const how = templates.find((t) => t.builtInKey === 'how-am-i-doing');
  const followUp = (c: Client) => {
    const r = how ? renderTemplate(how, valuesFor({ client: c, settings: data.settings, now: data.now })) : null;
    void openNewEmail(providerOfAccount(ownAddressesOf(data.settings)), { to: c.emails[0], subject: r?.subject.text ?? '', body: r?.body.text ?? '' });
  };
  const p = data.portfolio;
  return (
    <section aria-labelledby="portfolio-h">
      <h2 id="portfolio-h">Portfolio</h2>
      {p.total === 0 ? (
        <p className="empty">No clients yet. Open a thread and click “Track as client”, or import your contacts in the settings.</p>
      ) : (
        <>
          <dl className="stats">
            <div><dt>Prospects</dt><dd>{p.byStage.prospect}</dd></div>
            <div><dt>Customers</dt><dd>{p.byStage.customer}</dd></div>
            <div><dt>Clients</dt><dd>{p.byStage.client}</dd></div>
            <div><dt>Former</dt><dd>{p.byStage.former}</dd></div>
            <div className="bad"><dt>Overdue</dt><dd>{p.overdue}</dd></div>
            <div className="warn"><dt>Due soon</dt><dd>{p.dueSoon}</dd></div>
          </dl>
          {data.overdueClients.length ? (
            <ul className="overdue-list" aria-label="Overdue clients">
              {data.overdueClients.map((c) => (
                <li key={c.id}>
                  <span>{c.name}</span> <span className="muted">{c.company ?? c.emails[0]}</span>
                  <button type="button" onClick={() => followUp(c)} aria-label={`Follow up with ${c.name}`}>
                    Follow up
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">Nobody is overdue. Well done.</p>
          )}
        </>
      )}
    </section>
  );
}
