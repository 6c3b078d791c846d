/**
 * The core flow, written once and run in Chromium (tests/e2e/core-flow.e2e.ts) and in
 * Firefox (tests/e2e/firefox/core-flow.e2e.ts): a thread whose client wrote five days ago
 * and is still unanswered, with the reply box open. The panel shows the person; "Track as
 * client" makes them a client; the reply is late and the badge shows 1; "Log call" answers
 * them and clears the badge; "How'm I doing?" goes into the page's reply box; a backup
 * exported from the options page holds the client.
 *
 * The browsers are driven by different libraries (Playwright, puppeteer over BiDi), so the
 * scenario speaks to them only through `CoreFlowDriver`: functions run inside the panel and
 * the mail page (`evaluate`, the same shape in both libraries), the badge, and a backup
 * export that gives back the saved file. Everything in the panel is read and clicked
 * through the DOM by its visible text and accessible names, and every check is polled with
 * a bounded wait.
 */
import { expect } from 'vitest';

import { eventually, type Evaluate } from '../polling';

export type { Evaluate };

export interface MailCase {
  provider: 'Gmail' | 'Outlook';
  /** the thread, with a reply box open */
  url: string;
  /** the tab's URL pattern, for tabs.query */
  pattern: string;
  /** a part of the URL that tells this tab from others on the same host */
  part: string;
  name: string;
  first: string;
  email: string;
  company: string;
}

export const MAIL_CASES: MailCase[] = [
  {
    provider: 'Gmail',
    url: 'https://mail.google.com/mail/u/0/?fixture=e2e/gmail-reply.html#inbox/18fa0000000001',
    pattern: 'https://mail.google.com/*',
    part: 'fixture=e2e/gmail-reply.html',
    name: 'Dana Client',
    first: 'Dana',
    email: 'dana.client@acme-corp.com',
    company: 'Acme Corp',
  },
  {
    provider: 'Outlook',
    url: 'https://outlook.office.com/mail/inbox/id/AAQkAGI2TG93AAA%3D?fixture=e2e/outlook-reply.html',
    pattern: 'https://outlook.office.com/*',
    part: 'fixture=e2e/outlook-reply.html',
    name: 'Lee Buyer',
    first: 'Lee',
    email: 'lee.buyer@globex.io',
    company: 'Globex',
  },
];

export interface OpenThread {
  /** runs in the mail page */
  mail: Evaluate;
  /** runs in the panel, which follows the mail page's tab */
  panel: Evaluate;
  close(): Promise<void>;
}

export interface CoreFlowDriver {
  /** Opens the case's thread in a tab, waits until it is read, and opens the panel on it. */
  openThread(c: MailCase): Promise<OpenThread>;
  /** the toolbar button's badge text */
  badge(): Promise<string>;
  /** Clicks "Export backup" on the options page; the saved file's name and text. */
  exportBackup(): Promise<{ name: string; text: string }>;
}

// What the scenario reads and does in the panel. Each function is sent into the page, so
// it uses nothing from this module.

const headings = (ev: Evaluate) => ev(() => [...document.querySelectorAll('h2')].map((e) => e.textContent?.trim() ?? ''), null);
const bodyText = (ev: Evaluate) => ev(() => document.body.innerText, null);
const replyStatus = (ev: Evaluate) => ev(() => document.querySelector('[data-testid="reply-status"]')?.textContent ?? '', null);
const history = (ev: Evaluate) =>
  ev(() => [...document.querySelectorAll('section.history ul.timeline > li')].map((e) => e.textContent ?? ''), null);
const statuses = (ev: Evaluate) =>
  ev(() => [...document.querySelectorAll('[role="status"], [role="alert"]')].map((e) => e.textContent ?? ''), null);

/** Clicks the enabled button named `label`; false while there is none. */
export const clickButton = (ev: Evaluate, label: string) =>
  ev((l) => {
    const named = (e: HTMLButtonElement) => (e.getAttribute('aria-label') ?? e.textContent)?.trim() === l;
    const b = [...document.querySelectorAll('button')].find((e) => named(e) && !e.disabled);
    b?.click();
    return !!b;
  }, label);

/** Chooses the option `option` of the select named `label` (as a person would: a change event). */
const choose = (ev: Evaluate, label: string, option: string) =>
  ev(
    ([l, o]) => {
      // named by aria-label, or by the <label> around it (whose text also holds the options')
      const named = (s: HTMLSelectElement) =>
        s.getAttribute('aria-label') === l || [...(s.labels ?? [])].some((x) => x.textContent?.trim().startsWith(l));
      const select = [...document.querySelectorAll('select')].find(named);
      const opt = select && [...select.options].find((x) => x.textContent?.trim() === o);
      if (!select || !opt) return false;
      select.value = opt.value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      return true;
    },
    [label, option] as const,
  );

const replyBox = (ev: Evaluate) =>
  ev(() => {
    const box = document.querySelector('#reply-box') as HTMLElement | null;
    return box ? { text: box.innerText, markup: box.querySelectorAll('script, img').length } : null;
  }, null);

/** The whole flow on one provider's thread. */
export async function runCoreFlow(d: CoreFlowDriver, c: MailCase): Promise<void> {
  const t = await d.openThread(c);
  try {
    await eventually(async () => (await headings(t.panel)).includes(c.name), `the heading "${c.name}"`);
    await eventually(async () => (await bodyText(t.panel)).includes(`${c.email} · ${c.company}`), 'the email and company');
    expect(await d.badge()).toBe('');

    await eventually(() => clickButton(t.panel, 'Track as client'), 'the "Track as client" button');
    await eventually(async () => /Reply late: their email has waited 5 days/.test(await replyStatus(t.panel)), 'the late reply');
    // the open thread's emails were recorded at once
    await eventually(async () => (await history(t.panel)).length === 2, 'two emails in the history');
    await eventually(async () => (await d.badge()) === '1', 'the badge to show 1');

    await eventually(() => clickButton(t.panel, 'Log call'), 'the "Log call" button');
    await eventually(async () => (await history(t.panel)).length === 3, 'the call in the history');
    expect((await history(t.panel))[0]).toContain('Call');
    // the call answered them: now the user is the one waiting
    await eventually(async () => /^\W*Waiting on them/.test(await replyStatus(t.panel)), '"Waiting on them"');
    await eventually(async () => (await d.badge()) === '', 'the badge to clear');

    await eventually(() => choose(t.panel, 'All templates', "How'm I doing?"), 'the follow-up "How\'m I doing?"');
    await eventually(async () => (await bodyText(t.panel)).includes(`Hi ${c.first},`), 'the filled preview');
    await eventually(() => clickButton(t.panel, 'Insert into reply'), 'the "Insert into reply" button');
    await eventually(async () => (await statuses(t.panel)).some((s) => s.includes('Inserted into your reply')), 'the inserted outcome');
    const box = await eventually(async () => {
      const b = await replyBox(t.mail);
      return b?.text.includes(`Hi ${c.first},`) ? b : null;
    }, 'the follow-up in the reply box');
    expect(box!.text).toContain('how am I doing?');
    expect(box!.markup).toBe(0);
  } finally {
    await t.close();
  }

  const file = await d.exportBackup();
  expect(file.name).toMatch(/^touchbase-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const backup = JSON.parse(file.text) as {
    data: { clients: { id: number; emails: string[] }[]; touchpoints: { clientId: number; kind: string }[] };
  };
  const client = backup.data.clients.find((x) => x.emails.includes(c.email));
  expect(client, `${c.email} in the backup`).toBeDefined();
  // the call logged in the panel is in the file
  expect(backup.data.touchpoints.filter((x) => x.clientId === client!.id).map((x) => x.kind)).toContain('call');
}
