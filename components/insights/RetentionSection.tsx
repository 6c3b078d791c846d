/**
 * Retention as the articles define it, per year and per quarter: the rate kept, the rate
 * acquired and the net gain, each a line over time with its numbers beside it. The period
 * still running is measured at today and marked "so far".
 */
import type { Insights } from '@/lib/ui/insights';
import type { RetentionPoint } from '@/lib/domain/insights';
import { DataTable, LineChart, percentAxis } from './charts';
import { pct, signedPct } from './format';

const soFar = (p: RetentionPoint) => (p.complete ? p.label : `${p.label} (so far)`);

function Rates({ points, per }: { points: RetentionPoint[]; per: 'Year' | 'Quarter' }) {
  const word = per.toLowerCase();
  return (
    <div className="chart-with-table">
      <LineChart
        title={`Retention, acquisition and net gain per ${word}`}
        summary={points.map((p) => `${soFar(p)}: retention ${pct(p.retention)}, acquisition ${pct(p.acquisition)}, net gain ${signedPct(p.netGain)}`).join('; ')}
        labels={points.map((p) => (p.complete ? p.label : `${p.label}*`))}
        xUnit={per === 'Year' ? 'Year (* so far)' : 'Quarter (* so far)'}
        axis={percentAxis('Share of the customers at the start')}
        series={[
          { label: 'Retention', values: points.map((p) => p.retention), className: 'ret' },
          { label: 'Acquisition', values: points.map((p) => p.acquisition), className: 'acq' },
          { label: 'Net gain', values: points.map((p) => p.netGain), className: 'net' },
        ]}
        empty={`No ${word} here began with customers yet: the rates fill once clients have bought in the 365 days before a ${word} starts.`}
      />
      <DataTable
        open
        caption={`Retention per ${word}`}
        head={[per, 'Customers at start', 'New', 'Customers at end', 'Retention', 'Acquisition', 'Net gain']}
        rows={points.map((p) => [soFar(p), p.startCustomers, p.newCustomers, p.endCustomers, pct(p.retention), pct(p.acquisition), signedPct(p.netGain)])}
      />
    </div>
  );
}

export function RetentionSection({ data }: { data: Insights }) {
  const any = [...data.quarters, ...data.years].some((p) => p.startCustomers || p.endCustomers);
  const lastYear = [...data.years].reverse().find((p) => p.complete && p.retention !== null);
  const running = data.years.find((p) => !p.complete);
  return (
    <section aria-labelledby="retention-h">
      <h2 id="retention-h">Retention</h2>
      <p className="definition">
        A customer bought in the 365 days before a moment and is not marked former; over a period with S customers at its
        start, E at its end and N new ones among them, retention is (E − N) / S, acquisition N / S and net gain (E − S) / S.
      </p>
      {!any ? (
        <p className="empty">
          No sales in the last three years yet. Retention shows once clients have bought: log a sale from the sidebar, or import
          your sales in the settings.
        </p>
      ) : (
        <>
          {lastYear ? (
            <p>
              {lastYear.label}: retention <strong>{pct(lastYear.retention)}</strong>, acquisition{' '}
              <strong>{pct(lastYear.acquisition)}</strong>, net gain <strong>{signedPct(lastYear.netGain)}</strong>.
            </p>
          ) : null}
          <Rates points={data.years} per="Year" />
          <Rates points={data.quarters} per="Quarter" />
          {running ? <p className="muted">{running.label} is still running: its figures are measured at today.</p> : null}
        </>
      )}
    </section>
  );
}
