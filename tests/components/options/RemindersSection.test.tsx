import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClientProvider } from '@tanstack/react-query';
import { fakeBrowser } from 'wxt/testing';
import { createQueryClient } from '@/lib/ui/query-client';
import { RemindersSection, weekSentence } from '@/components/options/RemindersSection';
import { getSettings, updateSettings } from '@/lib/db/settings';
import { resetDb } from '../../lib/db/helpers';

let request: ReturnType<typeof vi.spyOn>;
let contains: ReturnType<typeof vi.spyOn>;

beforeEach(async () => {
  await resetDb();
  request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true);
  contains = vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
});
afterEach(() => vi.restoreAllMocks());

const renderIt = () =>
  render(
    <QueryClientProvider client={createQueryClient()}>
      <RemindersSection />
    </QueryClientProvider>,
  );

const digest = () => screen.findByRole('checkbox', { name: 'Daily digest at' });
const alerts = () => screen.getByRole('checkbox', { name: 'Alert me when a key account’s email has waited 24 hours' });

describe('RemindersSection', () => {
  it('starts with both reminders off, the digest time, and the sentence on non-working days', async () => {
    renderIt();
    expect(await digest()).not.toBeChecked();
    expect(alerts()).not.toBeChecked();
    expect(screen.getByLabelText('Time of the daily digest')).toHaveValue('08:30');
    expect(screen.getByRole('heading', { level: 2, name: 'Reminders' })).toBeInTheDocument();
    expect(screen.getByText(/Reminders never come on non-working days: with your working week, never on Saturday or Sunday\./)).toBeInTheDocument();
    expect(request).not.toHaveBeenCalled();
  });

  it('asks for the notifications permission in the click, before saving, and turns the digest on when granted', async () => {
    const user = userEvent.setup();
    let grant!: (v: boolean) => void;
    request.mockReturnValue(new Promise<boolean>((ok) => (grant = ok)));
    renderIt();
    await user.click(await digest());
    // asked at once, within the click; nothing saved while the browser asks the user
    expect(request).toHaveBeenCalledWith({ permissions: ['notifications'] });
    expect((await getSettings()).digestEnabled).toBe(false);
    contains.mockResolvedValue(true);
    grant(true);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('The daily digest is on.'));
    expect((await getSettings()).digestEnabled).toBe(true);
    await waitFor(() => expect(screen.getByRole('checkbox', { name: 'Daily digest at' })).toBeChecked());
  });

  it('keeps the digest off and says why when the permission is refused', async () => {
    const user = userEvent.setup();
    request.mockResolvedValue(false);
    renderIt();
    await user.click(await digest());
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The daily digest stays off: the browser did not allow Touchbase to show notifications.',
    );
    expect((await getSettings()).digestEnabled).toBe(false);
    expect(screen.getByRole('checkbox', { name: 'Daily digest at' })).not.toBeChecked();
  });

  it('says the browser’s words when asking fails (no user gesture, say)', async () => {
    const user = userEvent.setup();
    request.mockRejectedValue(new Error('This function must be called during a user gesture'));
    renderIt();
    await user.click(await digest());
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The daily digest stays off: This function must be called during a user gesture',
    );
    expect((await getSettings()).digestEnabled).toBe(false);
  });

  it('turns key-account alerts on when allowed, and off without asking again', async () => {
    const user = userEvent.setup();
    contains.mockResolvedValue(true);
    renderIt();
    await digest();
    await user.click(alerts());
    await waitFor(async () => expect((await getSettings()).keyAccountAlerts).toBe(true));
    await waitFor(() => expect(alerts()).toBeChecked());
    await user.click(alerts());
    await waitFor(async () => expect((await getSettings()).keyAccountAlerts).toBe(false));
    expect(request).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('status')).toHaveTextContent('Key-account alerts is off.');
  });

  it('saves a new digest time, and refuses an empty one in words', async () => {
    renderIt();
    const time = (await screen.findByLabelText('Time of the daily digest')) as HTMLInputElement;
    fireEvent.change(time, { target: { value: '07:15' } });
    await waitFor(async () => expect((await getSettings()).digestTime).toBe('07:15'));
    expect(screen.getByRole('status')).toHaveTextContent('The digest comes at 07:15.');
    fireEvent.change(time, { target: { value: '' } });
    expect(await screen.findByRole('alert')).toHaveTextContent('Not saved: pick a time of day for the digest, such as 08:30.');
    expect((await getSettings()).digestTime).toBe('07:15');
  });

  it('says so when a reminder is on but notifications are no longer allowed', async () => {
    await updateSettings({ digestEnabled: true });
    renderIt();
    expect(await screen.findByText(/Notifications are not allowed for Touchbase, so no reminder can reach you/)).toBeInTheDocument();
  });
});

describe('weekSentence', () => {
  it('names the days off of the user’s week, or says every day counts', () => {
    expect(weekSentence({ workingDays: [0, 1, 2, 3, 4], workingDaysOnly: true })).toBe(
      'Reminders never come on non-working days: with your working week, never on Friday or Saturday.',
    );
    expect(weekSentence({ workingDays: [1], workingDaysOnly: true })).toMatch(/never on Tuesday, Wednesday, Thursday, Friday, Saturday or Sunday\.$/);
    expect(weekSentence({ workingDays: [1, 2, 3, 4, 5], workingDaysOnly: false })).toMatch(/count every day as a working day/);
  });
});
