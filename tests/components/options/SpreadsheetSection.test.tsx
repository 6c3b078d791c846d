import { beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClientProvider } from '@tanstack/react-query';
import { createQueryClient } from '@/lib/ui/query-client';
import { SpreadsheetSection } from '@/components/options/SpreadsheetSection';
import { db } from '@/lib/db/schema';
import { resetDb } from '../../lib/db/helpers';

beforeEach(resetDb);

describe('SpreadsheetSection', () => {
  it('previews a Google Contacts file, lists skipped rows, and imports on request', async () => {
    const user = userEvent.setup();
    render(<QueryClientProvider client={createQueryClient()}><SpreadsheetSection /></QueryClientProvider>);
    const text = readFileSync(join(process.cwd(), 'tests/fixtures/csv/google-contacts.csv'), 'utf8');
    await user.upload(screen.getByLabelText(/Import contacts from a CSV file/), new File([text], 'contacts.csv', { type: 'text/csv' }));
    const preview = await screen.findByRole('region', { name: 'Import preview' });
    expect(preview).toHaveTextContent('contacts.csv: 4 rows, looks like Google Contacts.');
    expect(within(preview).getByRole('combobox', { name: 'Email (required)' })).toHaveValue('E-mail 1 - Value');
    expect(within(preview).getByRole('table', { name: 'First contacts to import' })).toHaveTextContent('Dana Client');
    expect(preview).toHaveTextContent('Row 4: "bad-at-example.com" is not an email address');
    expect(await db.clients.count()).toBe(0);
    await user.click(within(preview).getByRole('button', { name: 'Import 2 contacts' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Imported 2 new clients.'));
    expect(await db.clients.count()).toBe(2);
  });

  it('previews a sales file with its columns, refuses bad rows, and imports the sales and their new buyers', async () => {
    const user = userEvent.setup();
    render(<QueryClientProvider client={createQueryClient()}><SpreadsheetSection /></QueryClientProvider>);
    const text = ['Email,Date,Amount,Name', 'dana@acme.com,2025-06-01,1200,Dana Client', 'dana@acme.com,2026-02-01,300,Dana Client', 'bad,2026-02-01,5,', 'lee@globex.io,2026-01-01,abc,'].join('\n');
    await user.upload(screen.getByLabelText(/Import sales from a CSV file/), new File([text], 'sales.csv', { type: 'text/csv' }));
    const preview = await screen.findByRole('region', { name: 'Sales import preview' });
    expect(within(preview).getByRole('combobox', { name: 'Amount (required)' })).toHaveValue('Amount');
    expect(preview).toHaveTextContent('2 sales for 1 buyer: 1 new client, 0 clients already tracked.');
    expect(within(preview).getByRole('table', { name: 'First sales to import' })).toHaveTextContent('2025-06-01dana@acme.comDana Client1,200');
    expect(preview).toHaveTextContent('Row 3: "bad" is not an email address');
    expect(preview).toHaveTextContent('Row 4: "abc" is not an amount');
    // the mapping can be changed: without a date column nothing can be planned
    await user.selectOptions(within(preview).getByRole('combobox', { name: 'Date (required)' }), '');
    expect(await screen.findByRole('alert')).toHaveTextContent('date of the sale');
    await user.selectOptions(within(preview).getByRole('combobox', { name: 'Date (required)' }), 'Date');
    await user.click(await within(preview).findByRole('button', { name: 'Import 2 sales' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Imported 2 sales; 1 new client.'));
    expect(await db.clients.toArray()).toMatchObject([{ name: 'Dana Client', stage: 'client', saleCount: 2, lifetimeValue: 1500 }]);
  });
});
