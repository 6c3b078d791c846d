/**
 * The portfolio at a glance: clients per stage, who is overdue, a follow-up for each. The
 * most overdue come first, ten of them until the user asks for all: a big book has over a
 * thousand, which made a list nobody reads and a third of a second more before the page
 * showed (BENCHMARKS.md, insights_first_paint_ms).
 */
import { useState } from 'react';
import type { Client } from '@/lib/domain/model';
import { providerOfAccount } from '@/lib/domain/mail-account';
import { ownAddressesOf } from '@/lib/domain/settings';
import { renderTemplate } from '@/lib/domain/templates/render';
import { valuesFor } from '@/lib/domain/templates/variables';
import type { Insights } from '@/lib/ui/insights';
import { useTemplates } from '@/lib/ui/templates';
import { openNewEmail } from '@/lib/ui/reply';

/** how many overdue clients show before "Show all" */
export const OVERDUE_FIRST_ROWS = 10;

export function PortfolioSection({ data }: { data: Insights }) {
  const { data: templates = [] } = useTemplates();
  const [showAll, setShowAll] = useState(false);
  const overdue = showAll ? data.overdueClients : data.overdueClients.slice(0, OVERDUE_FIRST_ROWS);
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
            <>
              <ul className="overdue-list" aria-label="Overdue clients">
                {overdue.map((c) => (
                  <li key={c.id}>
                    <span>{c.name}</span> <span className="muted">{c.company ?? c.emails[0]}</span>
                    <button type="button" onClick={() => followUp(c)} aria-label={`Follow up with ${c.name}`}>
                      Follow up
                    </button>
                  </li>
                ))}
              </ul>
              {overdue.length < data.overdueClients.length ? (
                <button type="button" onClick={() => setShowAll(true)}>
                  Show all {data.overdueClients.length} overdue clients
                </button>
              ) : null}
            </>
          ) : (
            <p className="muted">Nobody is overdue. Well done.</p>
          )}
        </>
      )}
    </section>
  );
}
