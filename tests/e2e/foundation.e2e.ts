/**
 * The foundation, end to end in real Chromium: the worker starts, the content scripts run
 * on Gmail and Outlook pages, the side panel reads the database, and the badge counts
 * an overdue client.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, badge, tabIdOf, tabThread, openPanel, waitFor, type Harness } from './harness';

declare const chrome: any;

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => {
  await h?.close();
});

describe('the built extension in Chromium', () => {
  it('starts its service worker with the manifest limited to the mail hosts', async () => {
    expect(h.extensionId).toMatch(/^[a-p]{32}$/);
    const manifest = await h.worker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.host_permissions).toEqual([
      'https://mail.google.com/*',
      'https://outlook.live.com/*',
      'https://outlook.office.com/*',
      'https://outlook.office365.com/*',
      'https://outlook.cloud.microsoft/*',
    ]);
    expect(manifest.permissions.sort()).toEqual(['alarms', 'scripting', 'sidePanel', 'storage']);
    // asked for only when the user turns a reminder (tests/e2e/reminders.e2e.ts) or automatic backups on
    expect(manifest.optional_permissions).toEqual(['notifications', 'downloads']);
    // a sync server's origin, asked for only when the user connects to it (tests/e2e/sync.e2e.ts)
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*']);
    expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
    // each content script on its own provider's hosts only (declared by hand: lib/mail/hosts.ts)
    expect(manifest.content_scripts).toEqual([
      { matches: ['https://mail.google.com/*'], js: ['gmail-content.js'], run_at: 'document_idle' },
      {
        matches: ['https://outlook.live.com/*', 'https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.cloud.microsoft/*'],
        js: ['outlook-content.js'],
        run_at: 'document_idle',
      },
    ]);
    // the sidebar has a keyboard shortcut, and Chrome accepted it
    expect(manifest.commands._execute_action.suggested_key.default).toBe('Alt+Shift+K');
    const commands = await h.worker.evaluate(() => chrome.commands.getAll());
    expect(commands.find((c: { name: string }) => c.name === '_execute_action')?.shortcut).toBe('Alt+Shift+K');
    expect(await badge(h)).toBe('');
  });

  it('runs the Gmail content script, which sends the open thread to the background', async () => {
    const page = await h.context.newPage();
    await page.goto('https://mail.google.com/mail/u/0/?fixture=e2e/gmail-thread.html#inbox/18fa0000000001');
    const tabId = await tabIdOf(h, 'https://mail.google.com/*');
    const t = await waitFor(async () => (await tabThread(h, tabId))?.snapshot, 'a Gmail snapshot');
    expect(t.provider).toBe('gmail');
    expect(t.subject).toBe('Renewal for next year');
    expect(t.correspondent.email).toBe('dana.client@acme-corp.com');
    await page.close();
  });

  it('runs the Outlook content script, which sends the open thread to the background', async () => {
    const page = await h.context.newPage();
    await page.goto('https://outlook.office.com/mail/inbox/id/AAQkAGI2TG93AAA%3D?fixture=e2e/outlook-thread.html');
    const tabId = await tabIdOf(h, 'https://outlook.office.com/*');
    const t = await waitFor(async () => (await tabThread(h, tabId))?.snapshot, 'an Outlook snapshot');
    expect(t.provider).toBe('outlook');
    expect(t.subject).toBe('Order 4411 delivery');
    expect(t.correspondent.email).toBe('lee.buyer@globex.io');

    // Outlook opens another message with history.pushState, which fires no event. After a
    // stream of changes the watcher spaces its reads 8 s apart; the Navigation API's report of
    // the pushState must still get the new message read at once.
    await page.evaluate(async () => {
      const pane = document.querySelector('[role="main"]')!;
      for (let i = 0; i < 30; i++) {
        pane.setAttribute('title', `tick ${i}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      await new Promise((r) => setTimeout(r, 3000));
      history.pushState(null, '', '/mail/inbox/id/AAQkAGI2TG93BBB%3D');
      const heading = document.querySelector('[role="heading"][aria-level="2"]')!;
      heading.setAttribute('title', 'Order 4412 invoice');
      heading.firstElementChild!.textContent = 'Order 4412 invoice';
    });
    const swapped = Date.now();
    await waitFor(async () => (await tabThread(h, tabId))?.snapshot?.subject === 'Order 4412 invoice', 'the pushState thread', 5000);
    expect(Date.now() - swapped).toBeLessThan(3000);
    await page.close();
  });

  it('opens the side panel page, which reads the database', async () => {
    const panel = await openPanel(h);
    await expect.poll(() => panel.getByTestId('summary').textContent()).toContain('0 clients tracked');
    // a client written straight into IndexedDB (the extension's origin) shows up in the panel
    await panel.evaluate(
      () =>
        new Promise<void>((ok, fail) => {
          const req = indexedDB.open('touchbase');
          req.onsuccess = () => {
            const tx = req.result.transaction('clients', 'readwrite');
            const now = Date.now();
            tx.objectStore('clients').add({
              name: 'Overdue Olga', emails: ['olga@example.org'], tags: [], importantDates: [], notes: '',
              stage: 'client', saleCount: 2, lifetimeValue: 900,
              lastContactAt: now - 60 * 86_400_000, nextDueAt: now - 18 * 86_400_000,
              // the derived moment the repository keeps beside nextDueAt (lib/domain/overdue.ts)
              needsYouAt: now - 18 * 86_400_000,
              createdAt: now - 90 * 86_400_000, updatedAt: now,
            });
            tx.oncomplete = () => ok();
            tx.onerror = () => fail(tx.error);
          };
          req.onerror = () => fail(req.error);
        }),
    );
    await panel.reload();
    await expect.poll(() => panel.getByTestId('summary').textContent()).toContain('1 client tracked');
    await panel.close();
  });

  it('shows 1 on the badge once a client is overdue', async () => {
    // the raw write above bypassed Dexie, so ask for the recount the alarm would do
    const panel = await openPanel(h);
    await panel.evaluate(() => chrome.runtime.sendMessage({ type: 'badge:refresh' }));
    await waitFor(async () => (await badge(h)) === '1', 'the badge to show 1');
    expect(await badge(h)).toBe('1');
    // a message from a page that is not ours, or of an unknown type, is refused
    const reply = await panel.evaluate(() => chrome.runtime.sendMessage({ type: 'db:drop-everything' }));
    expect(reply).toEqual({ ok: false, error: expect.stringContaining('refused message') });
    await panel.close();
  });

  it('runs the content scripts, which send the message list: unread emails from clients in it are recorded', async () => {
    // two clients, written straight into IndexedDB as above (the list never creates one)
    const panel = await openPanel(h);
    await panel.evaluate(
      () =>
        new Promise<void>((ok, fail) => {
          const req = indexedDB.open('touchbase');
          req.onsuccess = () => {
            const tx = req.result.transaction('clients', 'readwrite');
            const now = Date.now();
            for (const [name, email] of [['Lee Buyer', 'lee.buyer@globex.io'], ['Priya Raman', 'priya@initech.example']]) {
              tx.objectStore('clients').add({
                name, emails: [email], tags: [], importantDates: [], notes: '',
                stage: 'client', saleCount: 2, lifetimeValue: 900,
                lastContactAt: now - 10 * 86_400_000, nextDueAt: now + 30 * 86_400_000, needsYouAt: now + 30 * 86_400_000,
                createdAt: now - 90 * 86_400_000, updatedAt: now,
              });
            }
            tx.oncomplete = () => ok();
            tx.onerror = () => fail(tx.error);
          };
          req.onerror = () => fail(req.error);
        }),
    );
    /** the subjects of the list records (lib/db/list-capture.ts) in the history of the client with this address */
    const listRecords = (email: string) =>
      panel.evaluate(
        (email) =>
          new Promise<string[]>((ok, fail) => {
            const req = indexedDB.open('touchbase');
            req.onsuccess = () => {
              const tx = req.result.transaction(['clients', 'histories']);
              const clients = tx.objectStore('clients').getAll();
              const histories = tx.objectStore('histories').getAll();
              tx.oncomplete = () => {
                const id = clients.result.find((c: { emails: string[] }) => c.emails.includes(email))?.id;
                const items = histories.result.find((r: { clientId: number }) => r.clientId === id)?.items ?? [];
                ok(items.filter((t: { messageKey?: string }) => t.messageKey?.startsWith('list:')).map((t: { subject: string }) => t.subject));
                req.result.close();
              };
            };
            req.onerror = () => fail(req.error);
          }),
        email,
      );
    expect(await listRecords('lee.buyer@globex.io')).toEqual([]);
    const gmail = await h.context.newPage();
    await gmail.goto('https://mail.google.com/mail/u/0/?fixture=e2e/gmail-list.html#inbox');
    expect(await waitFor(async () => (await listRecords('lee.buyer@globex.io')).length && listRecords('lee.buyer@globex.io'), 'the Gmail list record')).toEqual([
      'Pallets for March',
    ]);
    const outlook = await h.context.newPage();
    await outlook.goto('https://outlook.office.com/mail/inbox?fixture=e2e/outlook-list.html');
    expect(await waitFor(async () => (await listRecords('priya@initech.example')).length && listRecords('priya@initech.example'), 'the Outlook list record')).toEqual([
      'Training dates, part 2',
    ]);
    await Promise.all([gmail.close(), outlook.close(), panel.close()]);
  });
});
