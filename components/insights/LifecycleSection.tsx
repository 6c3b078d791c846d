/**
 * After the first sale: how often it becomes a second (within 90 days, within a year),
 * who refers the most people, and how satisfied clients say they are over time.
 */
import type { Insights } from '@/lib/ui/insights';
import type { RepeatShare } from '@/lib/domain/insights';
import { DataTable, LineChart } from './charts';
import { pct } from './format';

const one = (n: number) => (Math.round(n * 10) / 10).toString();

function Repeat({ r, within }: { r: RepeatShare; within: string }) {
  if (!r.of) return <>no first-time buyer has had {within} yet</>;
  return (
    <>
      <strong>{pct(r.share)}</strong> bought again within {within} ({r.bought} of {r.of})
    </>
  );
}

export function LifecycleSection({ data }: { data: Insights }) {
  const { secondSale, referrers, scores } = data;
  const answered = scores.some((s) => s.answers);
  return (
    <section aria-labelledby="lifecycle-h">
      <h2 id="lifecycle-h">After the first sale</h2>
      <h3>The second sale</h3>
      {secondSale.within90.of || secondSale.withinYear.of ? (
        <p>
          Of the first-time buyers whose time is over, <Repeat r={secondSale.within90} within={`${data.settings.secondSaleWindowDays} days`} />
          ; <Repeat r={secondSale.withinYear} within="a year" />.
        </p>
      ) : (
        <p className="empty">
          No first sale is {data.settings.secondSaleWindowDays} days old yet: this fills as customers who bought once reach
          their {data.settings.secondSaleWindowDays}th day and their first year.
        </p>
      )}
      <h3>Top referrers</h3>
      {referrers.length ? (
        <table>
          <caption>Clients who referred the most people</caption>
          <thead>
            <tr><th scope="col">Client</th><th scope="col">Referred</th><th scope="col">Of them bought</th></tr>
          </thead>
          <tbody>
            {referrers.map((r) => (
              <tr key={r.clientId}><th scope="row">{r.name}</th><td>{r.referred}</td><td>{r.bought}</td></tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="empty">No referral logged yet: “Log referral” in the sidebar records who referred whom.</p>
      )}
      <h3>Satisfaction</h3>
      {answered ? (
        <div className="chart-with-table">
          <LineChart
            title="Average satisfaction score per quarter"
            summary={scores.map((s) => `${s.label}: ${s.average === null ? 'no answers' : `${one(s.average)} from ${s.answers}`}`).join('; ')}
            labels={scores.map((s) => s.label)}
            xUnit="Quarter of the answer"
            axis={{ unit: 'Average score, 0-10', min: 0, max: 10, format: (v) => String(v) }}
            series={[{ label: 'Average score', values: scores.map((s) => s.average), className: 'score' }]}
            empty="No score in these quarters yet."
          />
          <DataTable
            open
            caption="Satisfaction scores per quarter"
            head={['Quarter', 'Answers', 'Average', '9-10', '0-6']}
            rows={scores.map((s) => [s.complete ? s.label : `${s.label} (so far)`, s.answers, s.average === null ? '–' : one(s.average), pct(s.promoters), pct(s.detractors)])}
          />
        </div>
      ) : (
        <p className="empty">
          No satisfaction score yet: when a client answers “How'm I doing?”, log their 0-10 in the sidebar (“Log score”) and
          the scores show here over time.
        </p>
      )}
    </section>
  );
}
