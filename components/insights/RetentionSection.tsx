/** Retention per quarter and per year, with the running period marked as such. */
import type { Insights } from '@/lib/ui/insights';
import { BarLineChart, DataTable } from './charts';
import { pct } from './format';

export function RetentionSection({ data }: { data: Insights }) {
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
