/**
 * Sync between the user's browsers through their own CouchDB (issue #19): off until they
 * connect; the passphrase encrypts everything before it leaves the browser, so the server
 * holds nothing it can read. The password and passphrase fields are never filled back in.
 */
import { useState, type FormEvent } from 'react';
import { formatDistanceToNowStrict } from 'date-fns';
import type { SyncStatus } from '@/lib/messages/protocol';
import { useSyncActions, useSyncStatus } from '@/lib/ui/sync';
import { errorText } from '@/lib/ui/errors';
import { Outcome, type OutcomeMessage } from '../Outcome';

const STATE_WORDS: Record<SyncStatus['state'], string> = {
  off: 'Off: nothing is sent anywhere.',
  connecting: 'Connecting…',
  syncing: 'Syncing…',
  idle: 'Connected, up to date.',
  offline: 'Connected, but the server cannot be reached: changes wait here and go when it is back.',
  error: 'Connected, with a problem:',
};

const NO_SECRETS = { unlock: '', current: '', next: '' };

export function statusLine(s: SyncStatus, now = Date.now()): string {
  const parts = [STATE_WORDS[s.state]];
  if (s.state !== 'off' && s.lastSyncedAt) parts.push(now - s.lastSyncedAt < 60_000 ? 'Last synced just now.' : `Last synced ${formatDistanceToNowStrict(s.lastSyncedAt)} ago.`);
  if (s.state !== 'off' && s.pending > 0) parts.push(`${s.pending} ${s.pending === 1 ? 'client' : 'clients'} waiting to be sent.`);
  if (s.error) parts.push(s.state === 'off' ? `Last try: ${s.error}` : s.error);
  return parts.join(' ');
}

export function SyncSection() {
  const { data: status } = useSyncStatus();
  const actions = useSyncActions();
  const [form, setForm] = useState({ url: '', database: 'touchbase', user: '', password: '', passphrase: '' });
  const [secret, setSecret] = useState(NO_SECRETS);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<OutcomeMessage>(null);
  const connected = !!status && status.state !== 'off';

  const run = (what: Promise<SyncStatus>, ok: (s: SyncStatus) => string, failed: string) => {
    setBusy(true);
    setOutcome(null);
    void what.then(
      (s) => setOutcome({ kind: 'ok', text: ok(s) }),
      (e) => setOutcome({ kind: 'error', text: `${failed}: ${errorText(e)}` }),
    ).finally(() => setBusy(false));
  };

  const connect = (e: FormEvent) => {
    e.preventDefault();
    const { passphrase, ...config } = form;
    // the permission request inside: first thing in the gesture
    run(
      actions.connect(config, passphrase).then((s) => {
        // kept by the background now; a refused try keeps them in the form to correct
        setForm((f) => ({ ...f, password: '', passphrase: '' }));
        return s;
      }),
      () => 'Connected: this browser’s clients and the server’s are merged, and changes now sync both ways.',
      'Not connected',
    );
  };

  const field = (key: keyof typeof form, label: string, type = 'text', hint?: string) => (
    <label className="field">
      {label}
      <input
        type={type}
        value={form[key]}
        required
        autoComplete={type === 'password' ? 'off' : undefined}
        spellCheck={false}
        aria-describedby={hint ? `sync-${key}-hint` : undefined}
        onChange={(e) => setForm((f) => ({ ...f, [key]: e.target.value }))}
      />
      {hint && <span id={`sync-${key}-hint`} className="muted">{hint}</span>}
    </label>
  );

  return (
    <section aria-labelledby="sync-heading">
      <h2 id="sync-heading">Sync</h2>
      <p>
        Keep the same clients in all your browsers through your own CouchDB server. Everything is encrypted here with
        your passphrase before it is sent: the server stores only what it cannot read.
      </p>
      <p role="status" aria-live="polite">{status ? statusLine(status) : 'Looking…'}</p>
      {connected ? (
        <>
          <p className="muted">
            {status.server}, database {status.database}, as {status.user}.
          </p>
          {status.locked ? (
            <form
              aria-label="Give the new passphrase"
              onSubmit={(e) => {
                e.preventDefault();
                run(actions.unlock(secret.unlock).then((s) => (setSecret(NO_SECRETS), s)), () => 'Unlocked: syncing again.', 'Still locked');
              }}
            >
              <label className="field">
                New passphrase
                <input type="password" required autoComplete="off" value={secret.unlock} onChange={(e) => setSecret((x) => ({ ...x, unlock: e.target.value }))} />
              </label>
              <button type="submit" disabled={busy}>
                Unlock
              </button>
            </form>
          ) : null}
          <div className="row">
            <button type="button" disabled={busy} onClick={() => run(actions.syncNow(), () => 'Synced.', 'Not synced')}>
              Sync now
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() => run(actions.disconnect(), () => 'Disconnected: your clients stay in this browser; nothing more is sent.', 'Not disconnected')}
            >
              Disconnect
            </button>
          </div>
          <details>
            <summary>Change the passphrase</summary>
            <form
              aria-label="Change the passphrase"
              onSubmit={(e) => {
                e.preventDefault();
                run(
                  actions.changePassphrase(secret.current, secret.next).then((s) => (setSecret(NO_SECRETS), s)),
                  () => 'Passphrase changed: everything on the server is encrypted with the new one. Give it on your other browsers when they ask.',
                  'Not changed',
                );
              }}
            >
              <label className="field">
                Current passphrase
                <input type="password" required autoComplete="off" value={secret.current} onChange={(e) => setSecret((x) => ({ ...x, current: e.target.value }))} />
              </label>
              <label className="field">
                New passphrase
                <input type="password" required minLength={8} autoComplete="off" value={secret.next} onChange={(e) => setSecret((x) => ({ ...x, next: e.target.value }))} />
              </label>
              <button type="submit" disabled={busy}>
                Change passphrase
              </button>
            </form>
          </details>
        </>
      ) : (
        <form onSubmit={connect} aria-label="Connect to a sync server">
          {field('url', 'Server URL', 'url', 'For example https://couch.example.com (http:// only for a server on this computer).')}
          {field('database', 'Database')}
          {field('user', 'User name')}
          {field('password', 'Password', 'password')}
          {field('passphrase', 'Passphrase', 'password', 'The same on every browser; at least 8 characters. Without it nobody can read your clients, and they cannot be recovered either.')}
          <button type="submit" disabled={busy}>
            Connect
          </button>
        </form>
      )}
      <Outcome message={outcome} keep />
    </section>
  );
}
