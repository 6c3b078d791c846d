import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClientProvider } from '@tanstack/react-query';
import { fakeBrowser } from 'wxt/testing';
import { createQueryClient } from '@/lib/ui/query-client';
import { statusLine, SyncSection } from '@/components/options/SyncSection';
import type { SyncStatus } from '@/lib/messages/protocol';
import { resetDb } from '../../lib/db/helpers';

let status: SyncStatus;
let sent: { type: string; [k: string]: unknown }[];
let request: ReturnType<typeof vi.spyOn>;

beforeEach(async () => {
  await resetDb();
  status = { state: 'off', pending: 0 };
  sent = [];
  request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true);
  // the background's side: what lib/background/router.ts answers
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (m: { type: string }) => {
    sent.push(m);
    if (m.type === 'sync:connect') {
      if ((m as { passphrase?: string }).passphrase === 'wrong passphrase') return { ok: false, error: 'That passphrase does not open this sync database. Nothing was read or changed; check it and try again.' };
      status = { state: 'idle', pending: 0, lastSyncedAt: Date.now(), server: 'https://couch.example.com', database: 'touchbase', user: 'alex' };
    }
    if (m.type === 'sync:disconnect') status = { state: 'off', pending: 0 };
    if (m.type === 'sync:unlock') {
      if ((m as { passphrase?: string }).passphrase !== 'the new passphrase') return { ok: false, error: 'That passphrase does not open this sync database.' };
      status = { ...status, state: 'idle', locked: false, error: undefined };
    }
    if (m.type === 'sync:passphrase' && (m as { current?: string }).current !== 'long walks on the beach') return { ok: false, error: 'That is not the current passphrase: nothing was changed.' };
    return { ok: true, data: status };
  }) as never);
});
afterEach(() => vi.restoreAllMocks());

const renderIt = () =>
  render(
    <QueryClientProvider client={createQueryClient()}>
      <SyncSection />
    </QueryClientProvider>,
  );

async function fill(user: ReturnType<typeof userEvent.setup>, over: Partial<Record<'url' | 'passphrase', string>> = {}) {
  const form = await screen.findByRole('form', { name: 'Connect to a sync server' });
  const values: [string, string][] = [
    ['Server URL', over.url ?? 'https://couch.example.com'], ['Database', 'touchbase'], ['User name', 'alex'],
    ['Password', 'couch password'], ['Passphrase', over.passphrase ?? 'long walks on the beach'],
  ];
  for (const [label, value] of values) {
    const input = screen.getByLabelText(label, { exact: label !== 'Server URL' && label !== 'Passphrase' });
    await user.clear(input);
    await user.type(input, value);
  }
  return form;
}

describe('the Sync section', () => {
  it('is off at first, says nothing is sent, and every field has its name', async () => {
    renderIt();
    expect(await screen.findByText('Off: nothing is sent anywhere.')).toBeInTheDocument();
    for (const name of ['Server URL', 'Database', 'User name', 'Password', 'Passphrase']) expect(screen.getByLabelText(name, { exact: false })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Connect' })).toBeInTheDocument();
    expect(sent.map((m) => m.type)).toEqual(['sync:status']);
  });

  it('connects: asks for that server’s origin inside the click, then sends the fields; the secrets are not kept in the form', async () => {
    const user = userEvent.setup();
    renderIt();
    await fill(user);
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    expect(request).toHaveBeenCalledWith({ origins: ['https://couch.example.com/*'] });
    await screen.findByText(/Connected: this browser’s clients and the server’s are merged/);
    expect(sent.find((m) => m.type === 'sync:connect')).toEqual({
      type: 'sync:connect', url: 'https://couch.example.com', database: 'touchbase', user: 'alex', password: 'couch password', passphrase: 'long walks on the beach',
    });
    expect(screen.getByText(/^Connected, up to date\./)).toBeInTheDocument();
    expect(screen.getByText('https://couch.example.com, database touchbase, as alex.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Disconnect' }));
    await screen.findByText(/Disconnected: your clients stay in this browser/);
    expect(await screen.findByRole('form', { name: 'Connect to a sync server' })).toBeInTheDocument();
    expect(screen.getByLabelText('Password')).toHaveValue('');
    expect(screen.getByLabelText('Passphrase', { exact: false })).toHaveValue('');
  });

  it('a refused permission, a wrong passphrase and a bad address each say why, and leave sync off', async () => {
    const user = userEvent.setup();
    renderIt();
    await fill(user, { url: 'http://couch.example.com' });
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/Not connected: Use https:\/\/ for a server on another computer/);
    expect(request).not.toHaveBeenCalled();

    // what was typed stays, to correct
    expect(screen.getByLabelText('Password')).toHaveValue('couch password');
    request.mockResolvedValue(false);
    await fill(user);
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(/did not allow Touchbase to reach that server/));
    expect(sent.some((m) => m.type === 'sync:connect')).toBe(false);

    request.mockResolvedValue(true);
    await fill(user, { passphrase: 'wrong passphrase' });
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(/That passphrase does not open this sync database/));
    expect(screen.getByText('Off: nothing is sent anywhere.')).toBeInTheDocument();
  });

  it('locked after a change elsewhere: asks for the new passphrase, refuses a wrong one, unlocks with the right one', async () => {
    status = { state: 'error', pending: 0, locked: true, error: 'The passphrase was changed on another browser: enter the new one to go on syncing. Nothing here is lost meanwhile.', server: 'https://couch.example.com', database: 'touchbase', user: 'alex' };
    const user = userEvent.setup();
    renderIt();
    expect(await screen.findByText(/The passphrase was changed on another browser/)).toBeInTheDocument();
    const form = screen.getByRole('form', { name: 'Give the new passphrase' });
    const field = within(form).getByLabelText('New passphrase');
    await user.type(field, 'the old passphrase');
    await user.click(within(form).getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Still locked: That passphrase does not open this sync database.');
    await user.clear(field);
    await user.type(field, 'the new passphrase');
    await user.click(within(form).getByRole('button', { name: 'Unlock' }));
    await screen.findByText('Unlocked: syncing again.');
    expect(screen.queryByRole('form', { name: 'Give the new passphrase' })).not.toBeInTheDocument();
  });

  it('changes the passphrase only with the current one, and says so', async () => {
    status = { state: 'idle', pending: 0, server: 'https://couch.example.com', database: 'touchbase', user: 'alex' };
    const user = userEvent.setup();
    renderIt();
    await user.click(await screen.findByText('Change the passphrase'));
    const form = screen.getByRole('form', { name: 'Change the passphrase' });
    await user.type(within(form).getByLabelText('Current passphrase'), 'a guess');
    await user.type(within(form).getByLabelText('New passphrase'), 'a passphrase for the new year');
    await user.click(within(form).getByRole('button', { name: 'Change passphrase' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Not changed: That is not the current passphrase: nothing was changed.');
    await user.clear(within(form).getByLabelText('Current passphrase'));
    await user.type(within(form).getByLabelText('Current passphrase'), 'long walks on the beach');
    await user.click(within(form).getByRole('button', { name: 'Change passphrase' }));
    await screen.findByText(/Passphrase changed: everything on the server is encrypted with the new one/);
    expect(sent.filter((m) => m.type === 'sync:passphrase').at(-1)).toEqual({ type: 'sync:passphrase', current: 'long walks on the beach', next: 'a passphrase for the new year' });
    expect(within(form).getByLabelText('Current passphrase')).toHaveValue('');
  });

  it('says in words where sync stands: waiting clients, an unreachable server, the last error', () => {
    expect(statusLine({ state: 'offline', pending: 3, error: 'The server cannot be reached.' }, Date.now())).toBe(
      'Connected, but the server cannot be reached: changes wait here and go when it is back. 3 clients waiting to be sent. The server cannot be reached.',
    );
    expect(statusLine({ state: 'idle', pending: 1, lastSyncedAt: Date.now() - 120_000 })).toMatch(/^Connected, up to date\. Last synced 2 minutes ago\. 1 client waiting to be sent\.$/);
    expect(statusLine({ state: 'idle', pending: 0, lastSyncedAt: Date.now() - 5_000 })).toBe('Connected, up to date. Last synced just now.');
    expect(statusLine({ state: 'off', pending: 0, error: 'The server refused the user name or password.' })).toBe(
      'Off: nothing is sent anywhere. Last try: The server refused the user name or password.',
    );
  });
});
