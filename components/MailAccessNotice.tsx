/**
 * Says when the browser does not let Touchbase read a mail site (lib/ui/mail-access.ts says
 * when that happens), and offers the browser's prompt to allow it again.
 */
import { useState } from 'react';
import type { MailProvider } from '@/lib/domain/model';
import { useMailAccess } from '@/lib/ui/mail-access';

const NAMES: Record<MailProvider, string> = { gmail: 'Gmail', outlook: 'Outlook' };

export function MailAccessNotice() {
  const { missing, allow } = useMailAccess();
  const [outcome, setOutcome] = useState<'allowed' | 'refused' | null>(null);
  if (!missing.length) {
    return outcome === 'allowed' ? (
      <p role="status" className="access-notice">
        Allowed. Reload your open mail tabs so Touchbase reads them.
      </p>
    ) : null;
  }
  const names = missing.map((m) => NAMES[m.provider]).join(' and ');
  return (
    <div role="alert" className="access-notice">
      <p>
        Your browser does not let Touchbase read {names} (
        {missing.flatMap((m) => m.hosts).join(', ')}), so it cannot see who your threads there are with. Nothing else
        is affected: your clients are all here.
      </p>
      <button
        type="button"
        onClick={() => void allow().then((ok) => setOutcome(ok ? 'allowed' : 'refused'), () => setOutcome('refused'))}
      >
        Allow Touchbase on {names}
      </button>
      {outcome === 'refused' ? (
        <p className="error">Not allowed. You can allow it later here, or in the browser’s settings for Touchbase.</p>
      ) : null}
    </div>
  );
}
