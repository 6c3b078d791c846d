import { beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TodayView } from '@/components/panel/TodayView';
import { TODAY_FIRST_ROWS as FIRST_ROWS } from '@/lib/ui/today';
import { createClient, logTouchpoint, updateClient } from '@/lib/db';
import { resetDb, DAY, HOUR } from '../../lib/db/helpers';
import { renderWithData } from './render';

const NOW = new Date(2026, 10, 22, 12, 0).getTime();
beforeEach(resetDb);

async function client(name: string, daysAgo: number, inboundHoursAgo?: number) {
  const c = await createClient({ name, emails: [`${name.replace(/\W/g, '').toLowerCase()}@acme.com`] }, NOW - 300 * DAY);
  await logTouchpoint({ clientId: c.id!, kind: 'call', at: NOW - daysAgo * DAY }, NOW);
  if (inboundHoursAgo !== undefined) await logTouchpoint({ clientId: c.id!, kind: 'email-in', at: NOW - inboundHoursAgo * HOUR }, NOW);
  return c;
}

describe('TodayView', () => {
  it('lists late replies first, then overdue, then due soon, then dates', async () => {
    await client('Soon Sara', 12);
    await client('Overdue Olga', 30);
    // 100 h before Sunday noon is Wednesday 08:00: 64 working hours, late
    await client('Late Larry', 5, 100);
    const b = await client('Birthday Bea', 1);
    await updateClient(b.id!, { importantDates: [{ label: 'Birthday', month: 11, day: 24 }] }, NOW);
    renderWithData(<TodayView now={NOW} />);
    const headings = await screen.findAllByRole('heading', { level: 3 });
    expect(headings.map((h) => h.textContent)).toEqual([
      'Late replies (1)', 'Overdue (1)', 'Due soon (1)', 'Dates this week (1)',
    ]);
    const late = screen.getByRole('region', { name: 'Late replies (1)' });
    expect(within(late).getByRole('listitem')).toHaveTextContent('Late LarryReply late: waiting 4 days');
    expect(screen.getByRole('region', { name: 'Overdue (1)' })).toHaveTextContent('Overdue OlgaOverdue by 16 days');
    expect(screen.getByRole('region', { name: 'Due soon (1)' })).toHaveTextContent('Due in 2 days');
    expect(screen.getByRole('region', { name: 'Dates this week (1)' })).toHaveTextContent('Birthday in 2 days');
    expect(screen.getByRole('button', { name: 'Follow up with Late Larry' })).toBeInTheDocument();
  });

  it('shows the most urgent rows of a long section first, and the rest on request', async () => {
    const user = userEvent.setup();
    // 13 overdue clients, the longest overdue last created
    for (let i = 0; i < FIRST_ROWS + 3; i++) await client(`Client ${String(i).padStart(2, '0')}`, 50 + i);
    renderWithData(<TodayView now={NOW} />);
    const overdue = await screen.findByRole('region', { name: `Overdue (${FIRST_ROWS + 3})` });
    const rows = within(overdue).getAllByRole('listitem');
    expect(rows).toHaveLength(FIRST_ROWS);
    expect(rows[0]).toHaveTextContent(`Client ${FIRST_ROWS + 2}`);
    await user.click(within(overdue).getByRole('button', { name: `Show all ${FIRST_ROWS + 3} overdue` }));
    // the rest is read from the database on request
    await waitFor(() => expect(within(overdue).getAllByRole('listitem')).toHaveLength(FIRST_ROWS + 3));
    expect(within(overdue).queryByRole('button', { name: /Show all/ })).toBeNull();
  });

  it('says so when nobody needs the user', async () => {
    renderWithData(<TodayView now={NOW} />);
    expect(await screen.findByText(/Nobody is waiting on you/)).toBeInTheDocument();
  });

  it('shows names with markup as text', async () => {
    await client('<b>Bold</b> Bob', 40);
    const { container } = renderWithData(<TodayView now={NOW} />);
    expect(await screen.findByText('<b>Bold</b> Bob')).toBeInTheDocument();
    expect(container.querySelector('b')).toBeNull();
  });

  it('triages in one click: no reply needed (undoable) and snooze take a client off the list', async () => {
    const user = userEvent.setup();
    await client('Overdue Olga', 30);
    const larry = await client('Late Larry', 5, 100);
    renderWithData(<TodayView now={NOW} />);
    await screen.findByRole('region', { name: 'Late replies (1)' });
    await user.click(screen.getByRole('button', { name: 'No reply needed for Late Larry' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Late Larry: no reply needed.');
    await waitFor(() => expect(screen.queryByRole('region', { name: /Late replies/ })).toBeNull());
    // no touch was invented: Larry's last contact is still the user's call of 5 days ago (his email restarts no clock)
    const { getClient } = await import('@/lib/db');
    expect((await getClient(larry.id!))!.lastContactAt).toBe(NOW - 5 * DAY);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByRole('region', { name: 'Late replies (1)' });

    await user.click(screen.getByText('Snooze', { selector: '[aria-label="Snooze Overdue Olga"]' }));
    await user.click(screen.getByRole('button', { name: 'Snooze Overdue Olga for 1 week' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: /Overdue/ })).toBeNull());
  });

  it('lists dormant clients in a section of their own: mark former or not now, in one click', async () => {
    const user = userEvent.setup();
    for (const name of ['Quiet Quinn', 'Silent Sam']) {
      const c = await createClient({ name, emails: [`${name.split(' ')[1].toLowerCase()}@acme.com`] }, NOW - 900 * DAY);
      await logTouchpoint({ clientId: c.id!, kind: 'sale', amount: 10, at: NOW - 400 * DAY }, NOW);
    }
    renderWithData(<TodayView now={NOW} />);
    const section = await screen.findByRole('region', { name: 'Dormant (2)' });
    expect(section).toHaveTextContent('Quiet QuinnDormant: no sale for 13 months');
    // dormant, not also overdue: the row offers what they need
    expect(screen.queryByRole('region', { name: /Overdue/ })).toBeNull();
    await user.click(within(section).getByRole('button', { name: 'Mark Quiet Quinn as a former client' }));
    await screen.findByRole('region', { name: 'Dormant (1)' });
    const { findClientByEmail } = await import('@/lib/db');
    expect(await findClientByEmail('quinn@acme.com')).toMatchObject({ stage: 'former', stageOverride: 'former' });
    await user.click(screen.getByRole('button', { name: "Not now: hide Silent Sam's dormant flag for three months" }));
    await waitFor(() => expect(screen.queryByRole('region', { name: /Dormant/ })).toBeNull());
  });
});
