import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing';
import { LayoutReport } from '@/components/panel/LayoutReport';
import { DetectionProblem } from '@/components/panel/DetectionProblem';
import { SidePanel } from '@/components/SidePanel';
import { layoutReport } from '@/lib/mail/layout-report';
import { readFileText } from '@/lib/ui/files';
import { parse } from '../../lib/mail/fixtures';
import { resetDb } from '../../lib/db/helpers';
import { renderWithData } from './render';

/** a report as the injected script would make it in the tab */
const REPORT = layoutReport(
  parse('<title>Hi - sam@example.com - Gmail</title><div role="main"><span class="gD" email="dana@acme.com" name="Dana">Dana</span></div>'),
);

let executeScript: ReturnType<typeof vi.spyOn>;
let saved: { name: string; blob: Blob } | null;

beforeEach(() => {
  executeScript = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([{ frameId: 0, result: REPORT }] as never);
  saved = null;
  let blob: Blob | null = null;
  // jsdom has no object URLs and no downloads: catch what downloadText hands the browser
  URL.createObjectURL = vi.fn((b: Blob) => ((blob = b), 'blob:report'));
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved = { name: this.download, blob: blob! };
  });
});
afterEach(() => vi.restoreAllMocks());

describe('LayoutReport', () => {
  it('says what the report holds, and offers two named ways to take it', () => {
    render(<LayoutReport tabId={7} />);
    const download = screen.getByRole('button', { name: 'Download report' });
    const copy = screen.getByRole('button', { name: 'Copy report' });
    for (const b of [download, copy]) {
      expect(b).toHaveAccessibleDescription(/every name, address, subject and text replaced\. Nothing is sent anywhere: you choose to save or copy it/);
    }
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('Download report makes the report in the mail tab and saves it as an HTML file', async () => {
    const user = userEvent.setup();
    render(<LayoutReport tabId={7} />);
    await user.click(screen.getByRole('button', { name: 'Download report' }));
    expect(await screen.findByRole('status')).toHaveTextContent(/^Saved touchbase-layout-report-\d{4}-\d\d-\d\d-\d\d-\d\d\.html \(\d+ KB\)\.$/);
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 7 }, files: ['/layout-report.js'] });
    expect(saved!.name).toMatch(/^touchbase-layout-report-.*\.html$/);
    expect(saved!.blob.type).toBe('text/html;charset=utf-8');
    const text = await readFileText(saved!.blob, 10 * 1024 * 1024, 'a layout report');
    expect(text).toBe(REPORT);
    expect(text).toContain('person2@example.invalid');
    expect(text).not.toMatch(/dana|sam@/i);
  });

  it('Copy report puts the report on the clipboard', async () => {
    const user = userEvent.setup();
    render(<LayoutReport tabId={7} />);
    await user.click(screen.getByRole('button', { name: 'Copy report' }));
    expect(await screen.findByRole('status')).toHaveTextContent(/^Copied the report \(\d+ KB\)\.$/);
    expect(await navigator.clipboard.readText()).toBe(REPORT);
  });

  it('says in words what went wrong: no mail tab, a tab it cannot run in, no report, no clipboard', async () => {
    const user = userEvent.setup();
    const { unmount } = render(<LayoutReport tabId={null} />);
    await user.click(screen.getByRole('button', { name: 'Download report' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('No mail tab is open beside the panel: open Gmail or Outlook and try again.');
    expect(executeScript).not.toHaveBeenCalled();
    unmount();

    render(<LayoutReport tabId={7} />);
    executeScript.mockRejectedValueOnce(new Error('Cannot access contents of the page. Extension manifest must request permission'));
    await user.click(screen.getByRole('button', { name: 'Copy report' }));
    const cannot = 'No report could be made of this tab: it works on a Gmail or Outlook tab. Reload the tab and try again.';
    expect(await screen.findByRole('alert')).toHaveTextContent(cannot);

    executeScript.mockResolvedValueOnce([{ frameId: 0, result: undefined }] as never);
    await user.click(screen.getByRole('button', { name: 'Download report' }));
    await waitFor(() => expect(executeScript).toHaveBeenCalledTimes(2));
    expect(await screen.findByRole('alert')).toHaveTextContent(cannot);
    expect(saved).toBeNull();

    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValueOnce(new DOMException('Document is not focused.', 'NotAllowedError'));
    await user.click(screen.getByRole('button', { name: 'Copy report' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The browser did not allow copying here: use Download report instead.');
  });
});

describe('DetectionProblem', () => {
  it('offers the layout report beside choosing the person by hand', async () => {
    const user = userEvent.setup();
    renderWithData(<DetectionProblem diagnostics={['gmail.sender: none found (2 of 2)']} participants={[]} tabId={3} />);
    const section = screen.getByRole('region', { name: 'Who is this thread with?' });
    expect(within(section).getByRole('heading', { name: 'Help us fix this' })).toBeInTheDocument();
    // the report's code loads when it is needed
    await user.click(await within(section).findByRole('button', { name: 'Download report' }));
    expect(await within(section).findByRole('status')).toHaveTextContent(/^Saved /);
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 3 }, files: ['/layout-report.js'] });
  });
});

describe('the panel footer', () => {
  beforeEach(resetDb);

  it('"Report a page problem" opens the layout report for the followed tab', async () => {
    const user = userEvent.setup();
    renderWithData(<SidePanel fixedTabId={9} now={Date.UTC(2026, 0, 5)} />);
    const footer = screen.getByRole('contentinfo');
    const link = within(footer).getByRole('button', { name: 'Report a page problem' });
    expect(link).toHaveAttribute('aria-expanded', 'false');
    await user.click(link);
    expect(link).toHaveAttribute('aria-expanded', 'true');
    const region = within(footer).getByRole('region', { name: 'Report a page problem' });
    await user.click(await within(region).findByRole('button', { name: 'Copy report' }));
    expect(await within(region).findByRole('status')).toHaveTextContent(/^Copied the report/);
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 9 }, files: ['/layout-report.js'] });
    await user.click(link);
    expect(within(footer).queryByRole('region')).toBeNull();
  });
});
