/**
 * A client's email seen only in the message list, in real Chromium, for Gmail and Outlook:
 * a tracked client whose earlier conversation was answered writes again; the email sits
 * unread in the inbox for six days, never opened. The content script reads the list, the
 * badge shows 1 and Today lists the client as a late reply; "No reply needed" clears the
 * badge; opening the conversation afterwards shows the email once in the history and no
 * late status.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { join } from 'node:path';
import { launch, badge, openPanel, tabIdOf, tabThread, waitFor, ROOT, type Harness } from './harness';

let h: Harness;
let seedScript: string;
beforeAll(async () => {
  h = await launch();
  const r = await build({ entryPoints: [join(ROOT, 'tests/e2e/pages/seed.ts')], bundle: true, format: 'iife', write: false, platform: 'browser', logLevel: 'silent' });
  seedScript = r.outputFiles[0].text;
});
afterAll(async () => {
  await h?.close();
});

const DAY = 86_400_000;

const cases = [
  {
    provider: 'Gmail',
    list: 'https://mail.google.com/mail/u/0/?fixture=e2e/gmail-inbox-unopened.html#inbox',
    thread: 'https://mail.google.com/mail/u/0/?fixture=e2e/gmail-list-thread.html#inbox/18fa0000000009',
    pattern: 'https://mail.google.com/*',
    name: 'Dana Client',
    email: 'dana.client@acme-corp.com',
    subject: 'Renewal questions',
  },
  {
    provider: 'Outlook',
    list: 'https://outlook.office.com/mail/inbox?fixture=e2e/outlook-inbox-unopened.html',
    thread: 'https://outlook.office.com/mail/inbox/id/AAQkLIST0001%3D?fixture=e2e/outlook-list-thread.html',
    pattern: 'https://outlook.office.com/*',
    name: 'Lee Buyer',
    email: 'lee.buyer@globex.io',
    subject: 'Delivery date?',
  },
];

describe.each(cases)('an unread client email in the $provider message list', (c) => {
  it('counts on the badge and in Today, takes "No reply needed", and is one email once the thread is opened', async () => {
    // a tracked client whose earlier conversation was answered
    const seeder = await h.context.newPage();
    await seeder.goto(`chrome-extension://${h.extensionId}/icon/16.png`);
    await seeder.evaluate(seedScript);
    const now = Date.now();
    await seeder.evaluate(
      (a) => (globalThis as any).__tbSeed.client({
        name: a.name, email: a.email,
        history: [
          { kind: 'email-in', at: a.now - 10 * a.DAY, subject: 'Order' },
          { kind: 'email-out', at: a.now - 9 * a.DAY, subject: 'Re: Order' },
        ],
      }),
      { name: c.name, email: c.email, now, DAY },
    );
    await seeder.close();
    await waitFor(async () => (await badge(h)) === '', 'a clear badge after seeding');

    const page = await h.context.newPage();
    await page.goto(c.list);
    const tabId = await tabIdOf(h, c.pattern);
    await waitFor(async () => (await badge(h)) === '1', 'the badge to count the unread client email', 15_000);

    const panel = await openPanel(h, tabId);
    const late = panel.getByRole('region', { name: 'Late replies (1)' });
    await late.waitFor();
    expect(await late.getByRole('listitem').textContent()).toContain(c.name);

    await late.getByRole('button', { name: `No reply needed for ${c.name}` }).click();
    await waitFor(async () => (await badge(h)) === '', 'the badge to clear');
    await expect.poll(() => panel.getByRole('region', { name: /Late replies/ }).count()).toBe(0);

    // the user opens the conversation afterwards
    await page.goto(c.thread);
    await waitFor(async () => (await tabThread(h, tabId))?.snapshot?.subject === c.subject, 'the thread snapshot');
    await expect.poll(() => panel.getByRole('heading', { level: 2, name: c.name }).count()).toBe(1);
    const history = panel.getByRole('region', { name: 'History' });
    await expect.poll(() => history.getByRole('listitem').count()).toBe(3);
    const emails = await history.getByRole('listitem').filter({ hasText: 'Email from them' }).allTextContents();
    expect(emails.filter((t) => t.includes(c.subject))).toHaveLength(1);
    // no late status: the email needed no reply, and the thread did not bring it back
    expect(await panel.getByTestId('reply-status').count()).toBe(0);
    expect(await badge(h)).toBe('');

    await panel.close();
    await page.close();
  });
});
