/**
 * Compose-by-URL for each provider, so a follow-up can open as a new email with the
 * recipient, subject and body filled in (every value URL-encoded; nothing else is sent).
 */
import type { MailProvider } from '../domain/model';
import { MAIL_HOSTS } from './hosts';

export interface ComposeFields {
  to: string;
  subject: string;
  body: string;
}

/**
 * Gmail's compose window for the account of the page (`/mail/u/1/` is the second account
 * signed in): a user signed in to two Google accounts writes from the one they are in.
 */
export function gmailComposeUrl(f: ComposeFields, account = 0): string {
  const q = new URLSearchParams({ view: 'cm', fs: '1', to: f.to, su: f.subject, body: f.body });
  return `https://mail.google.com/mail/u/${account}/?${q.toString()}`;
}

/** The account number of a Gmail page's address (`/mail/u/<n>/`), 0 when it names none. */
export function gmailAccountOf(pageUrl: string | undefined): number {
  const m = /^https:\/\/mail\.google\.com\/mail\/u\/(\d{1,2})(?:\/|$|\?|#)/.exec(pageUrl ?? '');
  return m ? Number(m[1]) : 0;
}

/** Work or school accounts live on outlook.office.com; personal ones on outlook.live.com. */
export function outlookComposeUrl(f: ComposeFields, host = 'outlook.office.com'): string {
  const q = new URLSearchParams({ to: f.to, subject: f.subject, body: f.body });
  const path = host === 'outlook.live.com' ? '/mail/0/deeplink/compose' : '/mail/deeplink/compose';
  return `https://${host}${path}?${q.toString()}`;
}

export function composeUrl(provider: MailProvider, f: ComposeFields, pageUrl?: string): string {
  if (provider === 'gmail') return gmailComposeUrl(f, gmailAccountOf(pageUrl));
  let host = 'outlook.office.com';
  try {
    const h = pageUrl ? new URL(pageUrl).host : '';
    if (MAIL_HOSTS.outlook.includes(h)) host = h;
  } catch {
    /* keep the default host */
  }
  return outlookComposeUrl(f, host);
}
