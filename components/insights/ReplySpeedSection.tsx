/** How fast the user answers clients, per month, against the 24 h and 48 h marks. */
import type { Insights } from '@/lib/ui/insights';
import { BarLineChart, DataTable } from './charts';
import { hours, pct } from './format';

export function ReplySpeedSection({ data }: { data: Insights }) {
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
            xUnit="Month of the client’s email"
            bars={{ label: 'Median time to answer', values: months.map((m) => m.medianHours), className: 'bar' }}
            barAxis={{ unit: 'Median time to answer, hours', max: Math.max(60, ...months.map((m) => m.medianHours ?? 0)), format: (v) => `${Math.round(v)} h` }}
            marks={[{ value: 24, label: '24 h ideal', axis: 'bars' }, { value: 48, label: '48 h acceptable', axis: 'bars' }]}
            empty="No email has been answered yet in these months: the bars fill as you answer clients."
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
