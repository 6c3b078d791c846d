/**
 * Backup and restore on the options page. Export writes one file with everything;
 * restore reads a file, checks all of it, shows what it would do (counts, new versus
 * existing) and only then replaces or merges, in one transaction.
 */
import { useRef, useState } from 'react';
import { formatDistanceStrict } from 'date-fns';
import {
  readBackupFile, requestDownloads, useExportBackup, useRestoreBackup, type ReadBackup, type RestoreMode,
} from '@/lib/ui/backup';
import { useSettings, useUpdateSettings } from '@/lib/ui/settings';
import type { AutoBackup } from '@/lib/domain/model';
import { errorText } from '@/lib/ui/errors';
import { Outcome } from '../Outcome';

export const AUTO_REFUSED =
  'Automatic backups stay off: the browser did not allow Touchbase to save files to Downloads. Choose again and pick “Allow” to turn them on.';

const AUTO_WORDS: Record<AutoBackup, string> = { off: 'Off', weekly: 'Every week', daily: 'Every day' };

export function BackupSection() {
  const { data: settings } = useSettings();
  const updateSettings = useUpdateSettings();
  const exportBackup = useExportBackup();
  const restoreBackup = useRestoreBackup();
  const fileInput = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState<ReadBackup | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const last = settings?.lastBackupAt;

  const doExport = async () => {
    setBusy(true);
    try {
      const b = await exportBackup.mutateAsync();
      setMessage({ kind: 'ok', text: `Backup saved: ${b.counts.clients} clients, ${b.counts.touchpoints} touchpoints.` });
    } catch (e) {
      setMessage({ kind: 'error', text: `The backup failed: ${errorText(e)}` });
    } finally {
      setBusy(false);
    }
  };

  const saveAuto = async (value: AutoBackup) => {
    try {
      await updateSettings.mutateAsync({ autoBackup: value });
      setMessage({
        kind: 'ok',
        text: value === 'off' ? 'Automatic backups are off.' : `Automatic backups are on: ${AUTO_WORDS[value].toLowerCase()}, into Downloads/Touchbase (the newest four kept).`,
      });
    } catch (e) {
      setMessage({ kind: 'error', text: `Not saved: ${errorText(e)}` });
    }
  };

  const changeAuto = (value: AutoBackup) => {
    if (value === 'off') {
      void saveAuto('off');
      return;
    }
    // first thing in the click: the browser allows the request only during the user's gesture
    let asked: Promise<boolean>;
    try {
      asked = requestDownloads();
    } catch (e) {
      asked = Promise.reject(e);
    }
    void asked.then(
      (granted) => (granted ? saveAuto(value) : setMessage({ kind: 'error', text: AUTO_REFUSED })),
      (e) => setMessage({ kind: 'error', text: `Automatic backups stay off: ${errorText(e)}` }),
    );
  };

  const onFile = async (file: File | undefined) => {
    setPending(null);
    setMessage(null);
    if (!file) return;
    try {
      setPending(await readBackupFile(file));
    } catch (e) {
      setMessage({ kind: 'error', text: `${file.name}: ${errorText(e)} Nothing was changed.` });
    } finally {
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  const restore = async (mode: RestoreMode) => {
    if (!pending) return;
    setBusy(true);
    try {
      const plan = await restoreBackup.mutateAsync({ backup: pending.backup, mode });
      setPending(null);
      setMessage({
        kind: 'ok',
        text:
          mode === 'replace'
            ? `Restored: ${plan.clients.total} clients and ${plan.touchpoints.total} touchpoints.`
            : `Merged: ${plan.clients.new} new clients, ${plan.touchpoints.new} new touchpoints.`,
      });
    } catch (e) {
      setMessage({ kind: 'error', text: `The restore failed and nothing was changed: ${errorText(e)}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="backup-heading" className="options-section">
      <h2 id="backup-heading">Backup</h2>
      <p data-testid="last-backup">
        {last ? `Last backup: ${formatDistanceStrict(last, Date.now())} ago (${new Date(last).toLocaleDateString()}).` : 'Never backed up.'}{' '}
        <span className="muted">Your clients live only in this browser: keep a copy somewhere safe.</span>
      </p>
      <div className="row">
        <button type="button" onClick={() => void doExport()} disabled={busy}>
          Export backup
        </button>
        <button type="button" onClick={() => fileInput.current?.click()} disabled={busy}>
          Restore backup
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          aria-label="Backup file to restore"
          hidden
          onChange={(e) => void onFile(e.target.files?.[0])}
        />
      </div>
      <label className="row">
        Back up automatically:{' '}
        <select
          value={settings?.autoBackup ?? 'off'}
          disabled={!settings}
          onChange={(e) => changeAuto(e.target.value as AutoBackup)}
        >
          {(Object.keys(AUTO_WORDS) as AutoBackup[]).map((k) => (
            <option key={k} value={k}>
              {AUTO_WORDS[k]}
            </option>
          ))}
        </select>
      </label>
      {settings && settings.autoBackup !== 'off' ? (
        <p className="muted" data-testid="auto-backup">
          A backup file is saved {settings.autoBackup === 'daily' ? 'every day' : 'every week'} into Downloads/Touchbase; the newest
          four are kept.
        </p>
      ) : null}
      {pending ? (
        <div className="plan" role="region" aria-label="What the restore will do">
          <p>
            <strong>{pending.fileName}</strong>, made {new Date(pending.backup.exportedAt).toLocaleString()}:{' '}
            {pending.backup.counts.clients} clients, {pending.backup.counts.touchpoints} touchpoints,{' '}
            {pending.backup.counts.templates} templates.
          </p>
          <ul>
            <li>
              <strong>Replace</strong>: your current {pending.replace.removed.clients} clients and{' '}
              {pending.replace.removed.touchpoints} touchpoints are replaced by the backup’s.
            </li>
            <li>
              <strong>Merge</strong>: {pending.merge.clients.new} new clients, {pending.merge.clients.existing} already here
              (matched by address); {pending.merge.touchpoints.new} new touchpoints, {pending.merge.touchpoints.duplicate}{' '}
              already here.
            </li>
          </ul>
          <div className="row">
            <button type="button" onClick={() => void restore('replace')} disabled={busy}>
              Replace everything
            </button>
            <button type="button" onClick={() => void restore('merge')} disabled={busy}>
              Merge
            </button>
            <button type="button" onClick={() => setPending(null)}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
      <Outcome message={message} />
    </section>
  );
}
