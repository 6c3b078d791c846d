import { beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { InsightsPage } from '@/components/insights/InsightsPage';
import { createClient, logTouchpoint, getClient } from '@/lib/db';
import { logReferral } from '@/lib/db/referrals';
import { resetDb } from '../../lib/db/helpers';
import { renderWithData } from '../panel/render';

const NOW = new Date(2026, 10, 22, 12).getTime();
const D = 86_400_000;
beforeEach(resetDb);

describe('InsightsPage', () => {
  it('is useful when there is no data', async () => {
    renderWithData(<InsightsPage now={NOW} />);
    for (const h of ['Portfolio', '80/20: the clients who make your revenue', 'Retention', 'After the first sale', 'Reply speed', 'Follow-ups that work']) {
      expect(await screen.findByRole('heading', { level: 2, name: h })).toBeInTheDocument();
    }
    expect(screen.getByText(/No clients yet/)).toBeInTheDocument();
    expect(screen.getByText(/No sales logged yet/)).toBeInTheDocument();
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('lists the ten most overdue clients first, and all of them on request', async () => {
    const user = userEvent.setup();
    for (let i = 0; i < 12; i++) await createClient({ name: `Client ${String(i).padStart(2, '0')}`, emails: [`c${i}@x.example`] }, NOW - (400 + i) * D);
    renderWithData(<InsightsPage now={NOW} />);
    const list = await screen.findByRole('list', { name: 'Overdue clients' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(10);
    // the most overdue first: the client created longest ago
    expect(within(list).getAllByRole('listitem')[0]).toHaveTextContent('Client 11');
    await user.click(screen.getByRole('button', { name: 'Show all 12 overdue clients' }));
    expect(within(screen.getByRole('list', { name: 'Overdue clients' })).getAllByRole('listitem')).toHaveLength(12);
    expect(screen.queryByRole('button', { name: /Show all/ })).toBeNull();
  });

  it('shows the figures with data, charts with their numbers as tables, and marks the key accounts', async () => {
    const user = userEvent.setup();
    const big = await createClient({ name: 'Big Co', emails: ['big@co.example'] }, NOW - 400 * D);
    const small = await createClient({ name: 'Small Co', emails: ['small@co.example'] }, NOW - 400 * D);
    await logTouchpoint({ clientId: big.id!, kind: 'sale', amount: 9000, at: NOW - 100 * D }, NOW);
    await logTouchpoint({ clientId: big.id!, kind: 'sale', amount: 1000, at: NOW - 10 * D }, NOW);
    await logTouchpoint({ clientId: small.id!, kind: 'sale', amount: 1000, at: NOW - 100 * D }, NOW);
    await logTouchpoint({ clientId: small.id!, kind: 'email-in', at: NOW - 5 * D }, NOW);
    await logTouchpoint({ clientId: small.id!, kind: 'call', at: NOW - 5 * D + 3 * 3_600_000 }, NOW);
    renderWithData(<InsightsPage now={NOW} />);

    const pareto = (await screen.findByRole('heading', { name: /80\/20/ })).closest('section')!;
    expect(pareto).toHaveTextContent('1 of 2 paying clients make 91 % of your revenue');
    expect(within(pareto).getByRole('img', { name: /Revenue by client/ })).toBeInTheDocument();
    // the numbers behind the chart, made when unfolded
    expect(within(pareto).queryByRole('table')).toBeNull();
    await user.click(within(pareto).getByText('Show the numbers'));
    expect(within(pareto).getByRole('table', { name: 'Clients ranked by lifetime value' })).toHaveTextContent('Big Co');
    await user.click(within(pareto).getByRole('button', { name: 'Mark this client as a key account' }));
    await waitFor(async () => expect((await getClient(big.id!))!.keyAccount).toBe(true));
    expect((await getClient(small.id!))!.keyAccount).toBeFalsy();
    // once marked, the page says so instead of offering the same button again
    expect(await within(pareto).findByText(/This is your key account/)).toBeInTheDocument();
    expect(within(pareto).queryByRole('button', { name: /key account/ })).toBeNull();

    const reply = screen.getByRole('heading', { name: 'Reply speed' }).closest('section')!;
    expect(reply).toHaveTextContent('Median answer: 3 h; answered within 24 hours: 100 %');
    const retention = screen.getByRole('heading', { name: 'Retention' }).closest('section')!;
    // the definition in one sentence, the rates as lines with a legend, their numbers beside them
    expect(retention).toHaveTextContent('retention is (E − N) / S, acquisition N / S and net gain (E − S) / S');
    const quarters = within(retention).getByRole('table', { name: 'Retention per quarter' });
    // the quarter that holds today is not over: marked so, measured at today
    // (Big and Small bought in August: customers on 1 October and still today; Big's November sale is not a new customer)
    const q4 = within(quarters).getByRole('row', { name: /Q4 2026 \(so far\)/ });
    expect(within(q4).getAllByRole('cell').map((c) => c.textContent)).toEqual(['2', '0', '2', '100 %', '0 %', '0 %']);
    // Q3: nobody was a customer on 1 July, so its rates are unknown, not 0
    const q3 = within(quarters).getByRole('row', { name: /^Q3 2026 / });
    expect(within(q3).getAllByRole('cell').map((c) => c.textContent)).toEqual(['0', '2', '2', '–', '–', '–']);
    expect(retention).toHaveTextContent('2026 is still running');
    expect(within(retention).getByRole('rowheader', { name: '2026 (so far)' })).toBeInTheDocument();
    const chart = within(retention).getByRole('img', { name: /Retention, acquisition and net gain per quarter/ });
    expect(chart).toHaveTextContent('Share of the customers at the start');
    expect(chart).toHaveTextContent('Quarter (* so far)');
    expect(within(retention).getAllByRole('list', { name: 'Legend' })[0]).toHaveTextContent(/Retention.*Acquisition.*Net gain/);
    // no year began with customers (the first sale was in August), so the years' chart is a sentence, not bare axes
    expect(within(retention).queryByRole('img', { name: /per year/ })).toBeNull();
    expect(retention).toHaveTextContent('No year here began with customers yet: the rates fill once clients have bought');
  });

  it('shows the lifecycle after the first sale: the second sale, the top referrers and satisfaction over time', async () => {
    const dana = await createClient({ name: 'Dana', emails: ['dana@co.example'] }, NOW - 400 * D);
    await logTouchpoint({ clientId: dana.id!, kind: 'sale', amount: 100, at: NOW - 300 * D }, NOW);
    await logTouchpoint({ clientId: dana.id!, kind: 'sale', amount: 100, at: NOW - 250 * D }, NOW);
    const ola = await createClient({ name: 'Ola', emails: ['ola@co.example'] }, NOW - 400 * D);
    await logTouchpoint({ clientId: ola.id!, kind: 'sale', amount: 100, at: NOW - 200 * D }, NOW);
    await logReferral({ referrerId: dana.id!, name: 'Ravi', email: 'ravi@co.example', track: true }, NOW);
    await logTouchpoint({ clientId: dana.id!, kind: 'score', score: 10, at: NOW - 20 * D }, NOW);
    await logTouchpoint({ clientId: ola.id!, kind: 'score', score: 7, at: NOW - 10 * D }, NOW);
    renderWithData(<InsightsPage now={NOW} />);
    const s = (await screen.findByRole('heading', { name: 'After the first sale' })).closest('section')!;
    expect(s).toHaveTextContent('50 % bought again within 90 days (1 of 2); no first-time buyer has had a year yet');
    expect(within(s).getByRole('table', { name: 'Clients who referred the most people' })).toHaveTextContent('Dana10');
    const chart = within(s).getByRole('img', { name: /Average satisfaction score per quarter/ });
    expect(chart).toHaveTextContent('Average score, 0-10');
    const q4 = within(within(s).getByRole('table', { name: 'Satisfaction scores per quarter' })).getByRole('row', { name: /Q4 2026/ });
    expect(within(q4).getAllByRole('cell').map((c) => c.textContent)).toEqual(['2', '8.5', '50 %', '0 %']);
  });
});
