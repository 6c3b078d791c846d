/**
 * The one list of mail hosts Touchbase touches. The manifest's host permissions and its
 * content scripts (wxt.config.ts) and the background's sender check
 * (lib/messages/protocol.ts) are all made from it, so a host added here is added
 * everywhere at once, and a host cannot be in the manifest but refused as untrusted.
 */
import type { MailProvider } from '../domain/model';

export const MAIL_HOSTS: Readonly<Record<MailProvider, readonly string[]>> = {
  gmail: ['mail.google.com'],
  outlook: ['outlook.live.com', 'outlook.office.com', 'outlook.office365.com', 'outlook.cloud.microsoft'],
};

/** Match patterns (`https://host/*`) of a provider's hosts, or of all of them. */
export function mailMatches(provider?: MailProvider): string[] {
  const hosts = provider ? MAIL_HOSTS[provider] : [...MAIL_HOSTS.gmail, ...MAIL_HOSTS.outlook];
  return hosts.map((h) => `https://${h}/*`);
}

/** The provider a page of this host belongs to, or undefined for any other host. */
export function providerOfHost(host: string): MailProvider | undefined {
  return (Object.keys(MAIL_HOSTS) as MailProvider[]).find((p) => MAIL_HOSTS[p].includes(host));
}

/**
 * The manifest's `content_scripts`: each provider's script (`entrypoints/<provider>-content.ts`,
 * which WXT builds as an unlisted script to `<provider>-content.js`) on that provider's hosts
 * only, once the page is idle. Declared here rather than by WXT's `defineContentScript`, whose
 * context would add ~2.6 KB to each script (lib/mail/context.ts says why it is not needed).
 */
export function contentScripts(): { matches: string[]; js: string[]; run_at: 'document_idle' }[] {
  return (Object.keys(MAIL_HOSTS) as MailProvider[]).map((p) => ({ matches: mailMatches(p), js: [`${p}-content.js`], run_at: 'document_idle' }));
}
