/** The 80/20 view: the clients who make the revenue, and marking them as key accounts. */
import { useState } from 'react';
import { useSetKeyAccounts, type Insights } from '@/lib/ui/insights';
import { useUpdateSettings } from '@/lib/ui/settings';
import { errorText } from '@/lib/ui/errors';
import { BarLineChart, DataTable, percentAxis } from './charts';
import { money, pct } from './format';

export function ParetoSection({ data }: { data: Insights }) {
  const setKeyAccounts = useSetKeyAccounts();
  const updateSettings = useUpdateSettings();
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
            xUnit={top.length < pa.rows.filter((r) => r.value > 0).length ? `Client (the top ${top.length} by value)` : 'Client, by value'}
            bars={{ label: 'Lifetime value', values: top.map((r) => r.value), className: 'bar' }}
            barAxis={{ unit: 'Lifetime value', format: money }}
            line={{ label: 'Cumulative share of revenue', values: top.map((r) => r.cumulativeShare), className: 'cum' }}
            lineAxis={percentAxis('Cumulative share of revenue')}
            marks={[{ value: 0.8, label: '80 %', axis: 'line' }]}
            empty="The chart fills once a sale with an amount is logged."
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
                    await setKeyAccounts.mutateAsync(pa.keyIds);
                    setMsg(pa.keyIds.length === 1 ? '1 client is now a key account.' : `${pa.keyIds.length} clients are now key accounts.`);
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
                  await updateSettings.mutateAsync({ keyAccountCadenceDays: cadence.trim() ? Number(cadence) : null });
                  setMsg(cadence.trim() ? `Key accounts: every ${cadence} days.` : 'Key accounts follow their stage’s cadence.');
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
