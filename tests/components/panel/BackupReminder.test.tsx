import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { BackupReminder } from '@/components/panel/BackupReminder';
import { DEFAULT_SETTINGS } from '@/lib/domain/settings';

const NOW = new Date(2026, 10, 22).getTime();
const DAY = 86_400_000;

describe('BackupReminder', () => {
  it('stays quiet with no clients, or a backup within 30 days', () => {
    const { container, rerender } = render(<BackupReminder settings={DEFAULT_SETTINGS} clientCount={0} now={NOW} />);
    expect(container).toBeEmptyDOMElement();
    rerender(<BackupReminder settings={{ ...DEFAULT_SETTINGS, lastBackupAt: NOW - 30 * DAY }} clientCount={5} now={NOW} />);
    expect(container).toBeEmptyDOMElement();
  });
  it('reminds after 30 days, or when there never was a backup', () => {
    const { rerender } = render(<BackupReminder settings={{ ...DEFAULT_SETTINGS, lastBackupAt: NOW - 31 * DAY }} clientCount={5} now={NOW} />);
    expect(screen.getByRole('note')).toHaveTextContent('No backup for over a month.');
    expect(screen.getByRole('button', { name: 'Back up now' })).toBeInTheDocument();
    rerender(<BackupReminder settings={DEFAULT_SETTINGS} clientCount={5} now={NOW} />);
    expect(screen.getByRole('note')).toHaveTextContent('Your clients are not backed up yet.');
  });
  it('does not greet a new user with a chore: no reminder before the fifth client when there never was a backup', () => {
    const { container, rerender } = render(<BackupReminder settings={DEFAULT_SETTINGS} clientCount={4} now={NOW} />);
    expect(container).toBeEmptyDOMElement();
    // an old backup still counts, however few clients there are
    rerender(<BackupReminder settings={{ ...DEFAULT_SETTINGS, lastBackupAt: NOW - 40 * DAY }} clientCount={1} now={NOW} />);
    expect(screen.getByRole('note')).toHaveTextContent('No backup for over a month.');
  });
});
