import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
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
});
