/**
 * Insights: the portfolio at a glance, the 80/20 clients, retention over time, reply
 * speed and the follow-ups that get answers. Every section says something useful when
 * there is no data yet instead of showing an empty chart.
 */
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Client } from '@/lib/db/types';
import { setKeyAccounts } from '@/lib/db/key-accounts';
import { updateSettings } from '@/lib/db/settings';
import { errorText } from '@/lib/db/health';
import { useInsights, type Insights } from '@/lib/queries-insights';
import { useTemplates } from '@/lib/queries-templates';
import { renderTemplate, valuesFor } from '@/lib/domain/templates';
import { composeUrl } from '@/lib/mail/compose-url';
import { DB_QUERY_ROOT } from '@/lib/query-client';
import { BarLineChart, DataTable } from './charts';

const pct = (v: number | null) => (v === null ? '–' : `${Math.round(v * 100)} %`);
const money = (n: number) => new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 }).format(n);
const hours = (h: number | null) => (h === null ? '–' : h < 48 ? `${Math.round(h * 10) / 10} h` : `${Math.round(h / 24 * 10) / 10} days`);

function Portfolio({ data }: { data: Insights }) {
  const { data: templates = [] } = useTemplates();
  const how = templates.find((t) => t.builtInKey === 'how-am-i-doing');
  const followUp = (c: Client) => {
    const own = data.settings.ownAddresses[0] ?? '';
    const provider = /@(outlook|hotmail|live)\./.test(own) ? 'outlook' : 'gmail';
    const r = how ? renderTemplate(how, valuesFor({ client: c, settings: data.settings, now: data.now })) : null;
    window.open(composeUrl(provider, { to: c.emails[0], subject: r?.subject.text ?? '', body: r?.body.text ?? '' }), '_blank', 'noopener');
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

function Pareto({ data }: { data: Insights }) {
  const qc = useQueryClient();
  const [msg, setMsg] = useState<string | null>(null);
  const [cadence, setCadence] = useState(data.settings.keyAccountCadenceDays ? String(data.settings.keyAccountCadenceDays) : '');
  const pa = data.pareto;
  const top = pa.rows.filter((r) => r.value > 0).slice(0, 20);
  const same = pa.keyIds.length === data.currentKeyIds.length && pa.keyIds.every((id) => data.currentKeyIds.includes(id));
  return (
    <section aria-labelledby="pareto-h">
      <h2 id="pareto-h">80/20: the clients who make your revenue</h2>
      {pa.total === 0 ? (
        <p className="empty">No sales logged yet: log a sale from the sidebar to see your 80/20.</p>
      ) : (
        <>
          <p>
            <strong>{pa.keyIds.length}</strong> of {pa.rows.filter((r) => r.value > 0).length} paying clients make{' '}
            <strong>{pct(pa.keyShare)}</strong> of your revenue ({money(pa.total)} in all).
          </p>
          <BarLineChart
            title="Revenue by client, with the cumulative share"
            summary={`${pa.keyIds.length} clients make ${pct(pa.keyShare)} of revenue`}
            labels={top.map((r) => r.client.name.split(' ')[0])}
            bars={{ label: 'Lifetime value', values: top.map((r) => r.value), className: 'bar' }}
            line={{ label: 'Cumulative share', values: top.map((r) => r.cumulativeShare), className: 'cum' }}
            marks={[{ value: 0.8, label: '80 %', axis: 'line' }]}
          />
          <DataTable
            caption="Clients ranked by lifetime value"
            head={['Client', 'Lifetime value', 'Share', 'Cumulative', 'Key account']}
            rows={pa.rows.filter((r) => r.value > 0).map((r) => [r.client.name, money(r.value), pct(r.share), pct(r.cumulativeShare), r.key ? 'yes' : ''])}
          />
          <div className="row">
            {same ? (
              <p className="ok-note">✓ {pa.keyIds.length === 1 ? 'This is your key account' : `These ${pa.keyIds.length} are your key accounts`} (★ in the sidebar).</p>
            ) : (
              <button
                type="button"
                onClick={async () => {
                  try {
                    await setKeyAccounts(pa.keyIds);
                    setMsg(pa.keyIds.length === 1 ? '1 client is now a key account.' : `${pa.keyIds.length} clients are now key accounts.`);
                    await qc.invalidateQueries({ queryKey: [DB_QUERY_ROOT] });
                  } catch (e) {
                    setMsg(errorText(e));
                  }
                }}
              >
                {pa.keyIds.length === 1 ? 'Mark this client as a key account' : `Mark these ${pa.keyIds.length} as key accounts`}
              </button>
            )}
            <label className="inline">
              Key accounts: contact every
              <input type="number" min={1} value={cadence} onChange={(e) => setCadence(e.target.value)} aria-describedby="cad-help" />
              days
            </label>
            <button
              type="button"
              onClick={async () => {
                try {
                  await updateSettings({ keyAccountCadenceDays: cadence.trim() ? Number(cadence) : null });
                  setMsg(cadence.trim() ? `Key accounts: every ${cadence} days.` : 'Key accounts follow their stage’s cadence.');
                  await qc.invalidateQueries({ queryKey: [DB_QUERY_ROOT] });
                } catch (e) {
                  setMsg(errorText(e));
                }
              }}
            >
              Save cadence
            </button>
          </div>
          <p id="cad-help" className="muted">Empty: key accounts follow their stage’s cadence.</p>
          {msg ? <p role="status">{msg}</p> : null}
        </>
      )}
    </section>
  );
}

function Retention({ data }: { data: Insights }) {
  const q = data.quarters;
  const any = q.some((p) => p.buyers || p.previousBuyers);
  const last = [...q].reverse().find((p) => p.complete && p.rate !== null);
  const running = q.find((p) => !p.complete);
  const soFar = (label: string, complete: boolean) => (complete ? label : `${label} (so far)`);
  return (
    <section aria-labelledby="retention-h">
      <h2 id="retention-h">Retention</h2>
      {!any ? (
        <p className="empty">No sales in the last two years yet. Retention shows once clients have bought in two quarters.</p>
      ) : (
        <>
          <p>
            Of the clients who bought in one quarter, the share who bought again in the next.{' '}
            {last ? <>Latest: <strong>{pct(last.rate)}</strong> ({last.label}).</> : null}
          </p>
          <BarLineChart
            title="Repeat-purchase retention per quarter"
            summary={q.map((p) => `${soFar(p.label, p.complete)}: ${pct(p.rate)}`).join(', ')}
            labels={q.map((p) => p.label)}
            bars={{ label: 'Buyers', values: q.map((p) => p.buyers), className: 'bar' }}
            line={{ label: 'Retention', values: q.map((p) => (p.complete ? p.rate : null)), className: 'cum' }}
          />
          {running ? (
            <p className="muted">{running.label} is still running: its buyers so far are in the chart, its retention only in the table.</p>
          ) : null}
          <DataTable
            caption="Retention and net customer change per quarter"
            head={['Quarter', 'Buyers', 'Bought again', 'Retention', 'New', 'Lost', 'Net change']}
            rows={q.map((p) => [soFar(p.label, p.complete), p.buyers, `${p.retained} of ${p.previousBuyers}`, pct(p.rate), p.newCustomers, p.lost, p.netChange > 0 ? `+${p.netChange}` : p.netChange])}
          />
          <table className="compact">
            <caption>Per year</caption>
            <thead><tr><th scope="col">Year</th><th scope="col">Retention</th><th scope="col">Net change</th></tr></thead>
            <tbody>
              {data.years.map((y) => (
                <tr key={y.key}><th scope="row">{soFar(y.label, y.complete)}</th><td>{pct(y.rate)}</td><td>{y.netChange > 0 ? `+${y.netChange}` : y.netChange}</td></tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

function ReplySpeed({ data }: { data: Insights }) {
  const r = data.replies;
  const months = r.months.slice(-12);
  return (
    <section aria-labelledby="reply-h">
      <h2 id="reply-h">Reply speed</h2>
      {months.length === 0 ? (
        <p className="empty">No client emails recorded yet. Open a tracked client’s thread and Touchbase times your answers.</p>
      ) : (
        <>
          <p>
            Median answer: <strong>{hours(r.medianHours)}</strong>; answered within 24 hours: <strong>{pct(r.within24Share)}</strong>.
          </p>
          <BarLineChart
            title="Time to answer a client, per month (median bars)"
            summary={months.map((m) => `${m.label}: median ${hours(m.medianHours)}, 90th percentile ${hours(m.p90Hours)}`).join('; ')}
            labels={months.map((m) => m.label.split(' ')[0])}
            bars={{ label: 'Median hours', values: months.map((m) => m.medianHours), className: 'bar' }}
            barMax={Math.max(60, ...months.map((m) => m.medianHours ?? 0))}
            marks={[{ value: 24, label: '24 h ideal', axis: 'bars' }, { value: 48, label: '48 h acceptable', axis: 'bars' }]}
          />
          <DataTable
            caption="Answer times per month"
            head={['Month', 'Answered', 'Unanswered', 'Median', '90th percentile', 'Within 24 h']}
            rows={months.map((m) => [m.label, m.answered, m.unanswered, hours(m.medianHours), hours(m.p90Hours), pct(m.within24Share)])}
          />
        </>
      )}
    </section>
  );
}

function FollowUpsThatWork({ data }: { data: Insights }) {
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

export function InsightsPage({ now }: { now?: number }) {
  const { data, isLoading, error } = useInsights(now);
  return (
    <main className="insights">
      <h1>Insights</h1>
      {error ? <p role="alert">{errorText(error)}</p> : null}
      {isLoading || !data ? (
        <p>Loading…</p>
      ) : (
        <>
          <Portfolio data={data} />
          <Pareto data={data} />
          <Retention data={data} />
          <ReplySpeed data={data} />
          <FollowUpsThatWork data={data} />
        </>
      )}
    </main>
  );
}
