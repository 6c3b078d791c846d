import { beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { InsightsPage } from '@/components/insights/InsightsPage';
import { createClient, logTouchpoint, getClient } from '@/lib/db';
import { resetDb } from '../../lib/db/helpers';
import { renderWithData } from '../panel/render';

const NOW = new Date(2026, 10, 22, 12).getTime();
const D = 86_400_000;
beforeEach(resetDb);

describe('InsightsPage', () => {
  it('is useful when there is no data', async () => {
    renderWithData(<InsightsPage now={NOW} />);
    for (const h of ['Portfolio', '80/20: the clients who make your revenue', 'Retention', 'Reply speed', 'Follow-ups that work']) {
      expect(await screen.findByRole('heading', { level: 2, name: h })).toBeInTheDocument();
    }
    expect(screen.getByText(/No clients yet/)).toBeInTheDocument();
    expect(screen.getByText(/No sales logged yet/)).toBeInTheDocument();
    expect(screen.queryByRole('img')).toBeNull();
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
    const quarters = within(retention).getByRole('table', { name: 'Retention and net customer change per quarter' });
    // the quarter that holds today is not over: marked, and not reported as the latest rate
    expect(within(quarters).getByRole('row', { name: /Q4 2026 \(so far\)/ })).toBeInTheDocument();
    expect(within(quarters).getByRole('row', { name: /^Q3 2026 / })).toBeInTheDocument();
    // Q4's 1 of 2 so far is not a result yet, and no finished quarter has a rate: no "Latest"
    expect(within(quarters).getByRole('row', { name: /Q4 2026 \(so far\)/ })).toHaveTextContent('1 of 2');
    expect(retention).not.toHaveTextContent('Latest:');
    expect(retention).toHaveTextContent('Q4 2026 is still running');
    expect(within(retention).getByRole('rowheader', { name: '2026 (so far)' })).toBeInTheDocument();
  });
});
