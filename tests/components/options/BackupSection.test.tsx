import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClientProvider } from '@tanstack/react-query';
import { fakeBrowser } from 'wxt/testing';
import { createQueryClient } from '@/lib/ui/query-client';
import { AUTO_REFUSED, BackupSection } from '@/components/options/BackupSection';
import { getSettings } from '@/lib/db/settings';
import { resetDb } from '../../lib/db/helpers';

let request: ReturnType<typeof vi.spyOn>;

beforeEach(async () => {
  await resetDb();
  request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true);
});
afterEach(() => vi.restoreAllMocks());

const renderIt = () =>
  render(
    <QueryClientProvider client={createQueryClient()}>
      <BackupSection />
    </QueryClientProvider>,
  );

const select = () => screen.findByRole('combobox', { name: /Back up automatically/ });

describe('automatic backups in the Backup section', () => {
  it('are off until chosen, and asks for the downloads permission in the click that turns them on', async () => {
    renderIt();
    await waitFor(async () => expect(await select()).not.toBeDisabled());
    expect(await select()).toHaveValue('off');
    expect(request).not.toHaveBeenCalled();
    await userEvent.selectOptions(await select(), 'Every week');
    expect(request).toHaveBeenCalledWith({ permissions: ['downloads'] });
    await waitFor(async () => expect((await getSettings()).autoBackup).toBe('weekly'));
    expect(await screen.findByText(/Automatic backups are on: every week, into Downloads\/Touchbase/)).toBeInTheDocument();
    expect(await select()).toHaveValue('weekly');
    await userEvent.selectOptions(await select(), 'Off');
    await waitFor(async () => expect((await getSettings()).autoBackup).toBe('off'));
    expect(request).toHaveBeenCalledTimes(1);
  });

  it('stay off, saying why, when the browser refuses the permission', async () => {
    request.mockResolvedValue(false);
    renderIt();
    await waitFor(async () => expect(await select()).not.toBeDisabled());
    await userEvent.selectOptions(await select(), 'Every day');
    expect(await screen.findByText(AUTO_REFUSED)).toBeInTheDocument();
    expect((await getSettings()).autoBackup).toBe('off');
    expect(await select()).toHaveValue('off');
  });
});
