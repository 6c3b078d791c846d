import { describe, expect, it } from 'vitest';
import { composeUrl, gmailComposeUrl, outlookComposeUrl } from '@/lib/mail/compose-url';

const f = { to: 'dana@acme.com', subject: 'Quick question & more', body: 'Hi Dana,\n\nHow am I doing?' };

describe('compose URLs', () => {
  it('Gmail: view=cm with to, su and body encoded', () => {
    const u = new URL(gmailComposeUrl(f));
    expect(u.origin + u.pathname).toBe('https://mail.google.com/mail/');
    expect(Object.fromEntries(u.searchParams)).toEqual({ view: 'cm', fs: '1', to: f.to, su: f.subject, body: f.body });
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
