import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClientProvider } from '@tanstack/react-query';
import { createQueryClient } from '@/lib/ui/query-client';
import { SettingsSection } from '@/components/options/SettingsSection';
import { getSettings } from '@/lib/db/settings';
import { resetDb, dumpDb } from '../../lib/db/helpers';

beforeEach(resetDb);

const renderIt = () =>
  render(
    <QueryClientProvider client={createQueryClient()}>
      <SettingsSection />
    </QueryClientProvider>,
  );

describe('SettingsSection', () => {
  it('saves a new cadence and the user’s name', async () => {
    const user = userEvent.setup();
    renderIt();
    const clients = await screen.findByRole('spinbutton', { name: 'Clients' });
    await user.clear(clients);
    await user.type(clients, '30');
    await user.type(screen.getByRole('textbox', { name: 'Your name (for templates)' }), 'Sam Seller');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Settings saved.'));
    const s = await getSettings();
    expect(s.cadenceDays.client).toBe(30);
    expect(s.myName).toBe('Sam Seller');
  });

  it('refuses a cadence over 91 days without permission and changes nothing', async () => {
    const user = userEvent.setup();
    renderIt();
    const former = await screen.findByRole('spinbutton', { name: 'Former clients' });
    const before = await dumpDb();
    await user.clear(former);
    await user.type(former, '120');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/Not saved: cadence for former is over 91 days/);
    expect(await dumpDb()).toEqual(before);
  });

  it('refuses an own address that is not one', async () => {
    const user = userEvent.setup();
    renderIt();
    const own = await screen.findByRole('textbox', { name: /Your addresses/ });
    await user.type(own, 'me at work');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('is not an email address'));
    expect((await getSettings()).ownAddresses).toEqual([]);
  });

  it('saves a Sunday-to-Thursday week, refuses a week without a working day, and can count every hour', async () => {
    const user = userEvent.setup();
    renderIt();
    const week = await screen.findByRole('group', { name: 'The 24 h / 48 h clock runs on' });
    const day = (name: string) => within(week).getByRole('checkbox', { name });
    await user.click(day('Friday'));
    await user.click(day('Sunday'));
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Settings saved.'));
    expect((await getSettings()).workingDays).toEqual([0, 1, 2, 3, 4]);

    for (const name of ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday']) await user.click(day(name));
    const before = await dumpDb();
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/workingDays cannot be empty/);
    expect(await dumpDb()).toEqual(before);

    await user.click(day('Working days only (off: every hour of every day counts)'));
    expect(day('Monday')).toBeDisabled();
  });

  it('lists the addresses learnt from the pages, and a wrong one can be removed', async () => {
    const user = userEvent.setup();
    const { learnOwnAddresses } = await import('@/lib/db/settings');
    await learnOwnAddresses(['me@x.com']);
    await learnOwnAddresses(['dana@acme.com']);
    renderIt();
    const learned = await screen.findByRole('group', { name: 'Addresses learnt from the mail pages' });
    expect(within(learned).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['dana@acme.com Not mine', 'me@x.com Not mine']);
    await user.click(within(learned).getByRole('button', { name: 'Remove dana@acme.com: it is not mine' }));
    await waitFor(async () => expect((await getSettings()).learnedAddresses).toEqual(['me@x.com']));
  });

  it('changes the lifecycle rules: the second-sale aim, the dormant time, the contact clock and the holidays', async () => {
    const user = userEvent.setup();
    renderIt();
    const aim = await screen.findByRole('spinbutton', { name: 'After a first sale, aim at the second: contact every (days)' });
    await user.clear(aim);
    await user.type(aim, '10');
    const dormant = screen.getByRole('spinbutton', { name: 'Flag a customer or client dormant after no sale for (months)' });
    await user.clear(dormant);
    await user.type(dormant, '18');
    expect(screen.getByRole('radio', { name: /Your own contact only/ })).toBeChecked();
    await user.click(screen.getByRole('radio', { name: 'Any touch, the client’s emails included' }));
    await user.click(screen.getByRole('button', { name: 'Remove Christmas' }));
    await user.type(screen.getByRole('textbox', { name: 'Holiday' }), 'Diwali');
    fireEvent.change(screen.getByLabelText('On (any year)'), { target: { value: '2026-11-08' } });
    await user.click(screen.getByRole('button', { name: 'Add holiday' }));
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Settings saved.'));
    expect(await getSettings()).toMatchObject({
      secondSaleDays: 10, secondSaleWindowDays: 90, dormantMonths: 18, contactClock: 'any',
      holidays: [{ label: 'New Year', month: 1, day: 1 }, { label: 'Diwali', month: 11, day: 8 }],
    });
  });
});
