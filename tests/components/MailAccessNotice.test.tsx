import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing';
import { MailAccessNotice } from '@/components/MailAccessNotice';

/** the origins the browser lets Touchbase read, as permissions.contains answers */
let allowed: Set<string>;
let request: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  allowed = new Set(['https://mail.google.com/*', 'https://outlook.live.com/*', 'https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.cloud.microsoft/*']);
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async (p: { origins?: string[] }) => (p.origins ?? []).every((o) => allowed.has(o)));
  request = vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(async (p: { origins?: string[] }) => {
    for (const o of p.origins ?? []) allowed.add(o);
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

describe('the notice when the browser does not let Touchbase read a mail site', () => {
  it('says nothing while every mail host is allowed', async () => {
    const { container } = render(<MailAccessNotice />);
    await new Promise((r) => setTimeout(r, 20));
    expect(container).toBeEmptyDOMElement();
  });

  it('names the provider and host withdrawn, and the button asks the browser for exactly those', async () => {
    allowed.delete('https://mail.google.com/*');
    render(<MailAccessNotice />);
    expect(await screen.findByRole('alert')).toHaveTextContent(/does not let Touchbase read Gmail \(mail\.google\.com\)/);
    expect(screen.getByRole('alert')).not.toHaveTextContent('Outlook');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Allow Touchbase on Gmail' }));
    expect(request).toHaveBeenCalledWith({ origins: ['https://mail.google.com/*'] });
    expect(await screen.findByRole('status')).toHaveTextContent('Allowed. Reload your open mail tabs');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says when the user refused the browser’s prompt, and keeps the button', async () => {
    allowed.delete('https://outlook.office.com/*');
    allowed.delete('https://outlook.live.com/*');
    request.mockResolvedValue(false);
    render(<MailAccessNotice />);
    expect(await screen.findByRole('alert')).toHaveTextContent(/read Outlook \(outlook\.live\.com, outlook\.office\.com\)/);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Allow Touchbase on Outlook' }));
    expect(await screen.findByText(/Not allowed\. You can allow it later here/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Allow Touchbase on Outlook' })).toBeInTheDocument();
  });

  it('counts a browser that cannot answer as access given (no notice on a guess)', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockRejectedValue(new Error('not implemented'));
    const { container } = render(<MailAccessNotice />);
    await new Promise((r) => setTimeout(r, 20));
    expect(container).toBeEmptyDOMElement();
  });
});
