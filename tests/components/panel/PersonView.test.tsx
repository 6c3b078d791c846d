import { beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PersonView } from '@/components/panel/PersonView';
import { createClient, getClient, listHistory, findClientByEmail, logTouchpoint } from '@/lib/db';
import { DEFAULT_SETTINGS } from '@/lib/domain/settings';
import type { Client } from '@/lib/domain/model';
import { resetDb } from '../../lib/db/helpers';
import { renderWithData } from './render';

const NOW = Date.now();
beforeEach(resetDb);

function show(client: Client | null, person = { email: client?.emails[0] ?? 'lee@globex.io', name: client?.name ?? 'Lee Buyer' }) {
  return renderWithData(
    <PersonView person={person} client={client} thread={null} tabId={null} settings={DEFAULT_SETTINGS} now={NOW} />,
  );
}

describe('PersonView', () => {
  it('tracks a person in one click with name, address and company pre-filled', async () => {
    const user = userEvent.setup();
    show(null);
    expect(screen.getByRole('heading', { name: 'Lee Buyer' })).toBeInTheDocument();
    expect(screen.getByText('lee@globex.io')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Track as client' }));
    await waitFor(async () => expect(await findClientByEmail('lee@globex.io')).toMatchObject({ name: 'Lee Buyer', company: 'Globex' }));
  });

  it('logs a call in one click: the history shows it at once', async () => {
    const user = userEvent.setup();
    const c = await createClient({ name: 'Dana Client', emails: ['dana@acme.com'] });
    show(c);
    const history = screen.getByRole('region', { name: 'History' });
    await user.click(screen.getByRole('button', { name: 'Log call' }));
    await waitFor(() => expect(within(history).getAllByRole('listitem')).toHaveLength(1));
    expect(within(history).getByRole('listitem')).toHaveTextContent('Call');
    await waitFor(async () => expect((await getClient(c.id!))!.lastContactAt).toBeGreaterThan(NOW - 60_000));
    // a short summary can follow
    await user.type(screen.getByRole('textbox', { name: 'Add a short summary (optional)' }), 'Talked renewal');
    await user.click(screen.getByRole('button', { name: 'Save summary' }));
    await waitFor(async () => expect((await listHistory(c.id!))[0].summary).toBe('Talked renewal'));
  });

  it('asks a sale for its amount and refuses a negative one', async () => {
    const user = userEvent.setup();
    const c = await createClient({ name: 'Dana Client', emails: ['dana@acme.com'] });
    show(c);
    await user.click(screen.getByRole('button', { name: 'Log sale' }));
    await user.type(screen.getByRole('textbox', { name: 'Sale amount' }), '-5');
    await user.click(screen.getByRole('button', { name: 'Save sale' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('sale amount cannot be negative');
    expect(await listHistory(c.id!)).toHaveLength(0);
    await user.clear(screen.getByRole('textbox', { name: 'Sale amount' }));
    await user.type(screen.getByRole('textbox', { name: 'Sale amount' }), '1250.50');
    await user.click(screen.getByRole('button', { name: 'Save sale' }));
    await waitFor(async () => expect((await getClient(c.id!))!.lifetimeValue).toBe(1250.5));
  });

  it('deletes a wrong entry and undoes the deletion', async () => {
    const user = userEvent.setup();
    const c = await createClient({ name: 'Dana Client', emails: ['dana@acme.com'] });
    const tp = await logTouchpoint({ clientId: c.id!, kind: 'meeting', at: NOW - 86_400_000 });
    show((await getClient(c.id!))!);
    const history = screen.getByRole('region', { name: 'History' });
    await user.click(await within(history).findByRole('button', { name: /Delete meeting of/ }));
    await waitFor(async () => expect(await listHistory(c.id!)).toHaveLength(0));
    expect(screen.getByRole('status')).toHaveTextContent(/Meeting of .* deleted\./);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect((await listHistory(c.id!)).map((t) => t.id)).toEqual([tp.id]));
    await waitFor(() => expect(within(history).getAllByRole('listitem')).toHaveLength(1));
  });

  it('edits the card inline and saves at once', async () => {
    const user = userEvent.setup();
    const c = await createClient({ name: 'Dana Client', emails: ['dana@acme.com'] });
    show(c);
    const card = screen.getByRole('region', { name: 'Client card' });
    const company = within(card).getByRole('textbox', { name: 'Company' });
    await user.clear(company);
    await user.type(company, 'Acme Holdings{Enter}');
    await waitFor(async () => expect((await getClient(c.id!))!.company).toBe('Acme Holdings'));
    await user.click(within(card).getByRole('checkbox', { name: 'Key account' }));
    await waitFor(async () => expect((await getClient(c.id!))!.keyAccount).toBe(true));
    await user.selectOptions(within(card).getByRole('combobox', { name: 'Stage' }), 'former');
    await waitFor(async () => expect((await getClient(c.id!))!.stage).toBe('former'));
    const cadence = within(card).getByRole('spinbutton', { name: 'Contact every (days)' });
    await user.type(cadence, '0{Enter}');
    expect(await within(card).findByRole('alert')).toHaveTextContent('Not saved: cadence must be a whole number of days');
  });

  it('shows a name with markup as text and never runs it', async () => {
    const evil = '<img src=x onerror="window.__pwned=1">Eve';
    const c = await createClient({ name: evil, emails: ['eve@evil.example'] });
    const { container } = show(c);
    expect(screen.getByRole('heading', { name: evil })).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('takes "no reply needed" from the reply status in one click, without logging a touch, and undoes it', async () => {
    const user = userEvent.setup();
    const c = await createClient({ name: 'Dana Client', emails: ['dana@acme.com'] }, NOW - 30 * 86_400_000);
    await logTouchpoint({ clientId: c.id!, kind: 'email-in', at: NOW - 6 * 86_400_000, subject: 'Thanks!' }, NOW);
    show((await getClient(c.id!))!);
    expect(await screen.findByTestId('reply-status')).toHaveTextContent(/Reply late/);
    await user.click(screen.getByRole('button', { name: 'No reply needed for Dana Client' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Dana Client: no reply needed.');
    await waitFor(() => expect(screen.queryByTestId('reply-status')).toBeNull());
    expect(await listHistory(c.id!)).toHaveLength(1);
    expect((await getClient(c.id!))!.awaitingReplySince).toBeUndefined();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByTestId('reply-status')).toHaveTextContent(/Reply late/);
  });
});

