import { beforeEach, describe, expect, it } from 'vitest';
import { screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FollowUps } from '@/components/panel/FollowUps';
import { DEFAULT_SETTINGS } from '@/lib/domain/settings';
import type { Client } from '@/lib/domain/model';
import { resetDb } from '../../lib/db/helpers';
import { useSettings } from '@/lib/ui/settings';
import { getSettings } from '@/lib/db/settings';
import { renderWithData } from './render';

const NOW = new Date(2026, 10, 22, 12, 0).getTime();
const DAY = 86_400_000;
beforeEach(resetDb);

const client = (over: Partial<Client> = {}): Client => ({
  id: 1, name: 'Dana Client', emails: ['dana@acme.com'], company: 'Acme Corp', tags: [], importantDates: [], notes: '',
  stage: 'client', saleCount: 3, lifetimeValue: 9000, createdAt: NOW - 400 * DAY, updatedAt: NOW,
  lastContactAt: NOW - 50 * DAY, nextDueAt: NOW - 8 * DAY, ...over,
});

function show(over: Partial<Parameters<typeof FollowUps>[0]> = {}) {
  return renderWithData(
    <FollowUps
      client={client()} email="dana@acme.com" history={[]} tabId={null} settings={DEFAULT_SETTINGS} now={NOW}
      replyLate={false} awaitingReply={false} overdue={false} {...over}
    />,
  );
}

describe('FollowUps', () => {
  it('suggests the apology first for a late reply, then the check-in for an overdue client', async () => {
    show({ replyLate: true, awaitingReply: true, overdue: true });
    const group = await screen.findByRole('group', { name: 'Suggested now' });
    await waitFor(() =>
      expect(within(group).getAllByRole('button').map((b) => b.textContent)).toEqual([
        'Sorry for the slow reply', "How'm I doing?", 'Something useful for you',
      ]),
    );
  });

  it('suggests the birthday greeting in a birthday week, and nothing when nothing fits', async () => {
    const { unmount } = show({ client: client({ importantDates: [{ label: 'Birthday', month: 11, day: 25 }] }) });
    const group = await screen.findByRole('group', { name: 'Suggested now' });
    expect(within(group).getByRole('button', { name: 'Happy birthday' })).toBeInTheDocument();
    unmount();
    show();
    await screen.findByRole('combobox', { name: 'All templates' });
    expect(screen.queryByRole('group', { name: 'Suggested now' })).toBeNull();
  });

  it('previews the chosen template filled in, marking what is missing', async () => {
    const user = userEvent.setup();
    show({ overdue: true });
    await user.click(await screen.findByRole('button', { name: "How'm I doing?" }));
    const preview = screen.getByRole('region', { name: 'Preview' });
    expect(preview).toHaveTextContent('Subject: Quick question, Dana');
    expect(preview).toHaveTextContent("It's been 1 month since we last spoke");
    const gap = within(preview).getByText('[your name]');
    expect(gap.tagName).toBe('MARK');
    expect(gap).toHaveAttribute('title', 'No value for {{myName}}: fill it in');
    // no mail tab: inserting is not possible, the other two ways are
    expect(screen.getByRole('button', { name: 'Insert into reply' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Open in new email' })).toBeEnabled();
  });

  it('fills the user’s name from the settings and keeps a client name with markup as text', async () => {
    const user = userEvent.setup();
    const { container } = show({
      client: client({ name: '<img src=x onerror=alert(1)> Eve' }),
      settings: { ...DEFAULT_SETTINGS, myName: 'Sam Seller' },
      overdue: true,
    });
    await user.click(await screen.findByRole('button', { name: "How'm I doing?" }));
    const preview = screen.getByRole('region', { name: 'Preview' });
    expect(preview).toHaveTextContent('Hi <img');
    expect(preview).toHaveTextContent('Sam Seller');
    expect(container.querySelector('img')).toBeNull();
  });

  it(`asks for the user's name where the "[your name]" gap shows, and fills it once saved`, async () => {
    const user = userEvent.setup();
    // the panel passes the stored settings down, as SidePanel does
    function WithStoredSettings() {
      const { data } = useSettings();
      return data ? (
        <FollowUps client={client()} email="dana@acme.com" history={[]} tabId={null} settings={data} now={NOW} replyLate={false} awaitingReply={false} overdue />
      ) : null;
    }
    renderWithData(<WithStoredSettings />);
    await user.click(await screen.findByRole('button', { name: "How'm I doing?" }));
    const field = screen.getByRole('textbox', { name: 'Your name, to sign your emails' });
    // nothing typed: said, nothing saved
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Type your name first.');
    expect((await getSettings()).myName).toBe('');
    await user.type(field, 'Sam Seller');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect((await getSettings()).myName).toBe('Sam Seller'));
    const preview = screen.getByRole('region', { name: 'Preview' });
    await waitFor(() => expect(preview).toHaveTextContent('Sam Seller'));
    expect(within(preview).queryByText('[your name]')).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'Your name, to sign your emails' })).toBeNull();
  });
});
