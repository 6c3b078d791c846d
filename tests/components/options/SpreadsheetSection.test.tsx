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
});
