/**
 * Whether the browser lets Touchbase read the mail pages. In Firefox (Manifest V3) the user
 * can withdraw an add-on's access to sites in about:addons, and Chrome's "Site access: on
 * click" withholds it: the content scripts then never run, and a panel that only waited for
 * a thread would say "open a thread" beside an open one. So the pages ask the browser which
 * mail hosts Touchbase may not read (`permissions.contains`, again whenever access changes),
 * say so per provider, and offer the browser's own prompt to allow them again
 * (`permissions.request`, which needs the user's click).
 *
 * A browser that cannot answer (an API missing, a test without it) counts as access given:
 * the notice is for a refusal the browser states, never a guess.
 */
import { useCallback, useEffect, useState } from 'react';
import type { MailProvider } from '../domain/model';
import { MAIL_HOSTS } from '../mail/hosts';

export interface MissingAccess {
  provider: MailProvider;
  /** the hosts of this provider Touchbase may not read */
  hosts: string[];
}

type PermissionsApi = {
  contains(p: { origins: string[] }): Promise<boolean>;
  request(p: { origins: string[] }): Promise<boolean>;
  onAdded?: { addListener(f: () => void): void; removeListener(f: () => void): void };
  onRemoved?: { addListener(f: () => void): void; removeListener(f: () => void): void };
};

const permissions = () => (browser as unknown as { permissions?: PermissionsApi }).permissions;
const pattern = (host: string) => `https://${host}/*`;

/** The mail hosts the browser says Touchbase may not read, by provider (empty when all are allowed). */
export async function missingMailAccess(): Promise<MissingAccess[]> {
  const api = permissions();
  if (!api) return [];
  const out: MissingAccess[] = [];
  for (const provider of Object.keys(MAIL_HOSTS) as MailProvider[]) {
    const hosts: string[] = [];
    for (const host of MAIL_HOSTS[provider]) {
      let allowed = true;
      try {
        allowed = (await api.contains({ origins: [pattern(host)] })) !== false;
      } catch {
        // no answer: not a refusal
      }
      if (!allowed) hosts.push(host);
    }
    if (hosts.length) out.push({ provider, hosts });
  }
  return out;
}

/** Shows the browser's prompt to allow the hosts in `missing`; true when the user allowed them. */
export async function requestMailAccess(missing: MissingAccess[]): Promise<boolean> {
  const api = permissions();
  if (!api) return false;
  return (await api.request({ origins: missing.flatMap((m) => m.hosts.map(pattern)) })) === true;
}

/** The missing access, live: it changes when the user allows or withdraws a site. */
export function useMailAccess(): { missing: MissingAccess[]; allow(): Promise<boolean> } {
  const [missing, setMissing] = useState<MissingAccess[]>([]);
  useEffect(() => {
    let alive = true;
    const check = () => void missingMailAccess().then((m) => alive && setMissing(m));
    check();
    const api = permissions();
    const events = [api?.onAdded, api?.onRemoved].filter((e) => {
      try {
        e?.addListener(check);
        return !!e;
      } catch {
        return false; // a browser without the event: checked once, as the page opens
      }
    });
    return () => {
      alive = false;
      for (const e of events) e!.removeListener(check);
    };
  }, []);
  const allow = useCallback(async () => {
    const granted = await requestMailAccess(missing);
    if (granted) setMissing(await missingMailAccess());
    return granted;
  }, [missing]);
  return { missing, allow };
}
