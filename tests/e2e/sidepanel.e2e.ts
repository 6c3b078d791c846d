/**
 * The sidebar end to end, for both providers: a client who wrote 5 days ago and is
 * still unanswered. The panel (opened with ?tabId=) shows the person; "Track as client"
 * makes them a client; the reply is late and the badge shows 1; "Log call" answers them,
 * adds the call to the history and clears the badge.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, badge, tabIdOf, tabThread, openPanel, waitFor, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => {
  await h?.close();
});

const cases = [
  {
    provider: 'Gmail',
    url: 'https://mail.google.com/mail/u/0/?fixture=e2e/gmail-thread.html#inbox/18fa0000000001',
    pattern: 'https://mail.google.com/*',
    name: 'Dana Client',
    email: 'dana.client@acme-corp.com',
    company: 'Acme Corp',
  },
  {
    provider: 'Outlook',
    url: 'https://outlook.office.com/mail/inbox/id/AAQkAGI2TG93AAA%3D?fixture=e2e/outlook-thread.html',
    pattern: 'https://outlook.office.com/*',
    name: 'Lee Buyer',
    email: 'lee.buyer@globex.io',
    company: 'Globex',
  },
];

describe.each(cases)('the side panel on a $provider thread', (c) => {
  it('tracks the person, says the reply is late, and a logged call answers it', async () => {
    const page = await h.context.newPage();
    await page.goto(c.url);
    const tabId = await tabIdOf(h, c.pattern);
    await waitFor(async () => (await tabThread(h, tabId))?.snapshot?.correspondent, 'the snapshot');
    const panel = await openPanel(h, tabId);

    await expect.poll(() => panel.getByRole('heading', { level: 2, name: c.name }).count()).toBe(1);
    await expect.poll(() => panel.getByText(`${c.email} · ${c.company}`).count()).toBe(1);
    expect(await badge(h)).toBe('');

    await panel.getByRole('button', { name: 'Track as client' }).click();
    const reply = panel.getByTestId('reply-status');
    await expect.poll(() => reply.textContent()).toMatch(/Reply late: their email has waited 5 days/);
    // the open thread's emails were recorded at once
    const history = panel.getByRole('region', { name: 'History' }).or(panel.locator('section.history'));
    await expect.poll(() => history.getByRole('listitem').count()).toBe(2);
    await waitFor(async () => (await badge(h)) === '1', 'the badge to show 1');

    await panel.getByRole('button', { name: 'Log call' }).click();
    await expect.poll(() => history.getByRole('listitem').count()).toBe(3);
    expect(await history.getByRole('listitem').first().textContent()).toContain('Call');
    // the call answered them: now the user is the one waiting
    await expect.poll(() => panel.getByTestId('reply-status').textContent()).toMatch(/^\W*Waiting on them/);
    await waitFor(async () => (await badge(h)) === '', 'the badge to clear');
    expect(await badge(h)).toBe('');

    await panel.close();
    await page.close();
  });
});
