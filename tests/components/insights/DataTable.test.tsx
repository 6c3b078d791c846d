import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DataTable, TABLE_FIRST_ROWS } from '@/components/insights/charts';

const rows = Array.from({ length: 150 }, (_, i) => [`Client ${i + 1}`, String(1000 - i)]);

describe('the numbers behind a chart', () => {
  it('folded, makes no row until unfolded, then the first hundred, and all on request', async () => {
    const user = userEvent.setup();
    const { container } = render(<DataTable caption="Clients by value" head={['Client', 'Value']} rows={rows} />);
    expect(container.querySelectorAll('tr')).toHaveLength(0);
    // the summary takes the focus (Enter on it is a click in a browser: tests/e2e/foundation.e2e.ts)
    await user.tab();
    expect(screen.getByText('Show the numbers')).toHaveFocus();
    await user.click(screen.getByText('Show the numbers'));
    const table = screen.getByRole('table', { name: 'Clients by value' });
    expect(within(table).getAllByRole('row')).toHaveLength(TABLE_FIRST_ROWS + 1);
    await user.click(screen.getByRole('button', { name: 'Show all 150 rows' }));
    expect(within(table).getAllByRole('row')).toHaveLength(151);
    expect(within(table).getByRole('rowheader', { name: 'Client 150' })).toBeInTheDocument();
    // folded again, the rows go
    await user.click(screen.getByText('Show the numbers'));
    expect(container.querySelectorAll('tr')).toHaveLength(0);
  });

  it('open, shows its rows at once, and a short table has no "Show all"', () => {
    render(<DataTable caption="Short" head={['Client', 'Value']} rows={rows.slice(0, 3)} open />);
    expect(within(screen.getByRole('table', { name: 'Short' })).getAllByRole('row')).toHaveLength(4);
    expect(screen.queryByRole('button', { name: /Show all/ })).toBeNull();
  });
});
