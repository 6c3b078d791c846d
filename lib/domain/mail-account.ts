/**
 * Which mail service the user writes from, for pages that open a new email outside any
 * mail tab (Insights): Microsoft's consumer domains mean Outlook on the web; anything else
 * is taken for Gmail (Google Workspace accounts use their company's own domain).
 */
import { domainOf, type MailProvider } from './model';

const MICROSOFT = /^(outlook|hotmail|live|msn)\.[a-z.]+$/;

export function providerOfAccount(ownAddresses: readonly string[]): MailProvider {
  const own = ownAddresses[0];
  return own && MICROSOFT.test(domainOf(own)) ? 'outlook' : 'gmail';
}
