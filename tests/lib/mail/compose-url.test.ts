import { describe, expect, it } from 'vitest';
import { composeUrl, gmailComposeUrl, outlookComposeUrl } from '@/lib/mail/compose-url';

const f = { to: 'dana@acme.com', subject: 'Quick question & more', body: 'Hi Dana,\n\nHow am I doing?' };

describe('compose URLs', () => {
  it('Gmail: view=cm with to, su and body encoded', () => {
    const u = new URL(gmailComposeUrl(f));
    expect(u.origin + u.pathname).toBe('https://mail.google.com/mail/u/0/');
    expect(Object.fromEntries(u.searchParams)).toEqual({ view: 'cm', fs: '1', to: f.to, su: f.subject, body: f.body });
  });
  it('Gmail: the account of the page the user is in (/u/1/ is the second account)', () => {
    expect(new URL(composeUrl('gmail', f, 'https://mail.google.com/mail/u/1/#inbox/FMfcgz')).pathname).toBe('/mail/u/1/');
    expect(new URL(composeUrl('gmail', f, 'https://mail.google.com/mail/u/12?tab=rm')).pathname).toBe('/mail/u/12/');
    expect(new URL(composeUrl('gmail', f, 'https://mail.google.com/mail/#inbox')).pathname).toBe('/mail/u/0/');
    // an address that only looks like Gmail's names no account
    expect(new URL(composeUrl('gmail', f, 'https://evil.example/mail/u/3/')).pathname).toBe('/mail/u/0/');
    expect(new URL(composeUrl('gmail', f)).pathname).toBe('/mail/u/0/');
  });
  it('Outlook: the deeplink of the host the user is on', () => {
    const work = new URL(composeUrl('outlook', f, 'https://outlook.office365.com/mail/inbox'));
    expect(work.host).toBe('outlook.office365.com');
    expect(work.pathname).toBe('/mail/deeplink/compose');
    expect(work.searchParams.get('to')).toBe(f.to);
    expect(work.searchParams.get('body')).toBe(f.body);
    expect(new URL(outlookComposeUrl(f, 'outlook.live.com')).pathname).toBe('/mail/0/deeplink/compose');
    // an unexpected page host never becomes the compose host
    expect(new URL(composeUrl('outlook', f, 'https://evil.example/mail')).host).toBe('outlook.office.com');
  });
});
