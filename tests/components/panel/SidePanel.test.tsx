import { beforeEach, describe, expect, it } from 'vitest';
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SidePanel } from '@/components/SidePanel';
import { usePanelStore } from '@/lib/ui/panel-store';
import { viewFromSearch } from '@/lib/ui/panel-view';
import { requestPanelView, saveTabThread } from '@/lib/messages/session';
import { resetDb } from '../../lib/db/helpers';
import { renderWithData } from './render';

const TAB = 7;
const dana = { email: 'dana@acme.com', name: 'Dana Client' };

beforeEach(async () => {
  await resetDb();
  usePanelStore.setState({ view: 'person', selectedEmail: null, openClientId: null, manualEmail: null });
  await saveTabThread({
    tabId: TAB,
    snapshot: {
      provider: 'gmail', threadId: 't1', subject: 'Renewal', self: { email: 'me@x.com' }, correspondent: dana,
      participants: [{ email: 'me@x.com' }, dana],
      messages: [{ from: dana, to: [{ email: 'me@x.com' }], direction: 'inbound', sentAt: new Date(Date.now() - 3_600_000).toISOString() }],
    },
    diagnostics: [],
    receivedAt: Date.now(),
  });
});

const todayHeading = () => screen.queryByRole('heading', { level: 2, name: 'Today' });
const danaHeading = () => screen.queryByRole('heading', { level: 2, name: 'Dana Client' });

describe('SidePanel: the view asked for', () => {
  it('shows the person of the tab’s thread as ever', async () => {
    renderWithData(<SidePanel fixedTabId={TAB} />);
    expect(await screen.findByRole('heading', { level: 2, name: 'Dana Client' })).toBeInTheDocument();
    expect(todayHeading()).toBeNull();
  });

  it('?view=today shows Today even with a thread open, and the thread’s person stays a click away', async () => {
    const user = userEvent.setup();
    renderWithData(<SidePanel fixedTabId={TAB} initialView={viewFromSearch('?tabId=7&view=today')} />);
    expect(await screen.findByRole('heading', { level: 2, name: 'Today' })).toBeInTheDocument();
    // the thread has been read, and the view stays
    expect(screen.getByRole('button', { name: 'Client' })).toBeEnabled();
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(todayHeading()).toBeInTheDocument();
    expect(danaHeading()).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Client' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Dana Client' })).toBeInTheDocument();
  });

  it('follows the background’s request for Today (a reminder was clicked) while open', async () => {
    renderWithData(<SidePanel fixedTabId={TAB} />);
    await screen.findByRole('heading', { level: 2, name: 'Dana Client' });
    await act(() => requestPanelView('today'));
    expect(await screen.findByRole('heading', { level: 2, name: 'Today' })).toBeInTheDocument();
  });

  it('reads only ?view=today from the address', () => {
    expect(viewFromSearch('?view=today')).toBe('today');
    expect(viewFromSearch('?view=person')).toBeNull();
    expect(viewFromSearch('')).toBeNull();
  });
});
