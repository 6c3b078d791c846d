/**
 * Follow-ups end to end: on a thread with an open reply box, choosing "How'm I doing?"
 * and "Insert into reply" puts the filled text, with the client's first name, into the
 * page's reply box; "Open in new email" opens the provider's compose URL for the client.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, tabIdOf, tabThread, openPanel, waitFor, type Harness } from './harness';

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
    url: 'https://mail.google.com/mail/u/0/?fixture=e2e/gmail-reply.html#inbox/18fa0000000001',
    pattern: 'https://mail.google.com/*',
    first: 'Dana',
    email: 'dana.client@acme-corp.com',
    compose: /^https:\/\/mail\.google\.com\/mail\/u\/0\/\?view=cm&fs=1&to=dana\.client%40acme-corp\.com&su=/,
  },
  {
    provider: 'Outlook',
    url: 'https://outlook.office.com/mail/inbox/id/AAQkAGI2TG93AAA%3D?fixture=e2e/outlook-reply.html',
    pattern: 'https://outlook.office.com/*',
    first: 'Lee',
    email: 'lee.buyer@globex.io',
    compose: /^https:\/\/outlook\.office\.com\/mail\/deeplink\/compose\?to=lee\.buyer%40globex\.io&subject=/,
  },
];

describe.each(cases)('follow-ups on a $provider thread', (c) => {
  it("inserts How'm I doing? into the reply box and opens a compose URL for the client", async () => {
    const page = await h.context.newPage();
    await page.goto(c.url);
    const tabId = await tabIdOf(h, c.pattern);
    await waitFor(async () => (await tabThread(h, tabId))?.snapshot?.correspondent, 'the snapshot');
    const panel = await openPanel(h, tabId);
    await panel.getByRole('button', { name: 'Track as client' }).click();

    await panel.getByRole('combobox', { name: 'All templates' }).selectOption({ label: "How'm I doing?" });
    const preview = panel.getByRole('region', { name: 'Preview' });
    await expect.poll(() => preview.textContent()).toContain(`Hi ${c.first},`);

    await panel.getByRole('button', { name: 'Insert into reply' }).click();
    await expect.poll(() => panel.getByRole('status').last().textContent()).toContain('Inserted into your reply');
    const box = page.locator('#reply-box');
    await expect.poll(() => box.innerText()).toContain(`Hi ${c.first},`);
    expect(await box.innerText()).toContain('how am I doing?');
    expect(await box.locator('script, img').count()).toBe(0);

    const [compose] = await Promise.all([
      h.context.waitForEvent('page', { timeout: 10_000 }),
      panel.getByRole('button', { name: 'Open in new email' }).click(),
    ]);
    await expect.poll(() => compose.url()).toMatch(c.compose);
    const u = new URL(compose.url());
    expect(u.searchParams.get('body')).toContain(`Hi ${c.first},`);
    await compose.close();
    await panel.close();
    await page.close();
  });
});

it('says so when the page has no reply box open', async () => {
  const page = await h.context.newPage();
  await page.goto('https://mail.google.com/mail/u/0/?fixture=e2e/gmail-thread.html#inbox/18fa0000000001');
  const tabId = await tabIdOf(h, 'https://mail.google.com/*');
  await waitFor(async () => (await tabThread(h, tabId))?.snapshot?.correspondent, 'the snapshot');
  const panel = await openPanel(h, tabId);
  // Dana is a client already (the test above tracked her)
  await panel.getByRole('combobox', { name: 'All templates' }).selectOption({ label: 'Happy birthday' });
  await panel.getByRole('button', { name: 'Insert into reply' }).click();
  await expect.poll(() => panel.getByRole('alert').textContent()).toContain('No reply box is open');
  await panel.close();
  await page.close();
});
