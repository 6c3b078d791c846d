/**
 * Putting a follow-up into the mail page: into the open reply box (lib/mail/compose.ts,
 * injected on demand with `scripting.executeScript`, so the content scripts that run all
 * day do not carry it), or as a new email through the provider's compose URL. Either way
 * the background is told which template went into which tab, so the email is credited to
 * it once it is seen sent.
 */
import type { MailProvider } from '../domain/model';
import { composeUrl } from '../mail/compose-url';
import { insertReplyText, type InsertResult } from '../mail/compose';
import { GMAIL_COMPOSE } from '../mail/gmail-selectors';
import { OUTLOOK_COMPOSE } from '../mail/outlook-selectors';
import { trySend } from '../messages/send';

export type InsertOutcome = 'inserted' | 'no-reply-box' | 'not-inserted' | 'page-unreachable';

/** Inserts `text` into the tab's open reply; `template` says which template, for which client. */
export async function insertIntoReply(
  tabId: number,
  provider: MailProvider | undefined,
  text: string,
  template?: { templateId: number; clientId: number },
): Promise<InsertOutcome> {
  try {
    const chain = [...(provider === 'outlook' ? OUTLOOK_COMPOSE : GMAIL_COMPOSE).replyBox];
    const [injection] = await browser.scripting.executeScript({ target: { tabId }, func: insertReplyText, args: [text, chain] });
    const reply = injection?.result as InsertResult | undefined;
    if (reply?.ok) {
      if (template) await trySend({ type: 'template:used', tabId, ...template });
      return 'inserted';
    }
    return reply?.error === 'no-reply-box' ? 'no-reply-box' : 'not-inserted';
  } catch {
    return 'page-unreachable';
  }
}

/** Opens a new email to `to` in a new tab; `tabId` is the mail tab the template was used for. */
export async function openNewEmail(
  provider: MailProvider,
  fields: { to: string; subject: string; body: string },
  opts: { pageUrl?: string; tabId?: number | null; template?: { templateId: number; clientId: number } } = {},
): Promise<void> {
  await browser.tabs.create({ url: composeUrl(provider, fields, opts.pageUrl) });
  if (opts.tabId != null && opts.template) await trySend({ type: 'template:used', tabId: opts.tabId, ...opts.template });
}
