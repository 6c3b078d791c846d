import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { StatusSummary } from '@/components/panel/StatusSummary';
import { threadReplyStatus } from '@/lib/domain/thread';
import { DEFAULT_SETTINGS } from '@/lib/domain/settings';
import type { Client, ThreadSnapshot } from '@/lib/domain/model';

const NOW = new Date(2026, 10, 22, 12, 0).getTime(); // a Sunday
const H = 3_600_000;
const D = 24 * H;
const endOfDay = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate(), 23, 59, 59, 999).getTime();

function thread(inboundAgoMs: number): ThreadSnapshot {
  return {
    provider: 'gmail', subject: 'Renewal', self: { email: 'me@x.com' }, correspondent: { email: 'dana@acme.com' },
    participants: [{ email: 'me@x.com' }, { email: 'dana@acme.com' }],
    messages: [
      { from: { email: 'me@x.com' }, to: [{ email: 'dana@acme.com' }], sentAt: new Date(NOW - inboundAgoMs - D).toISOString(), direction: 'outbound' },
      { from: { email: 'dana@acme.com' }, to: [{ email: 'me@x.com' }], sentAt: new Date(NOW - inboundAgoMs).toISOString(), direction: 'inbound' },
    ],
  };
}

const client = (over: Partial<Client> = {}): Client => ({
  id: 1, name: 'Dana', emails: ['dana@acme.com'], tags: [], importantDates: [], notes: '', stage: 'client',
  saleCount: 2, lifetimeValue: 100, createdAt: NOW - 100 * D, updatedAt: NOW, lastContactAt: NOW - 3 * 7 * D,
  nextDueAt: endOfDay(new Date(NOW + 21 * D)), ...over,
});

function renderStatus(inboundAgoMs: number | null, c: Client = client(), settings = DEFAULT_SETTINGS) {
  const reply =
    inboundAgoMs === null
      ? ({ state: 'none' } as const)
      : threadReplyStatus('dana@acme.com', thread(inboundAgoMs), [], NOW, settings);
  render(<StatusSummary client={c} reply={reply} now={NOW} settings={settings} />);
}

/** plain clock hours (the working week turned off), so every hour before Sunday noon counts */
const CLOCK = { ...DEFAULT_SETTINGS, workingDaysOnly: false };

describe('reply status, in words', () => {
  it.each([
    [23 * H + 59 * 60_000, /Reply on time: their email has waited 23 hours/],
    [24 * H, /Reply due: their email has waited 1 day/],
    [48 * H, /Reply due: their email has waited 2 days/],
    [48 * H + 60_000, /Reply late: their email has waited 2 days/],
    [5 * D, /Reply late: their email has waited 5 days/],
  ])('an email waiting %i ms reads %s (clock hours)', (ms, words) => {
    renderStatus(ms, client(), CLOCK);
    expect(screen.getByTestId('reply-status')).toHaveTextContent(words);
  });

  it('grades working hours but shows the clock time waited', () => {
    // Friday noon to Sunday noon: 48 clock hours, 12 working hours
    renderStatus(48 * H);
    expect(screen.getByTestId('reply-status')).toHaveTextContent(/Reply on time: their email has waited 2 days/);
  });

  it('says the user is waiting on them, with a nudge after the configured days', () => {
    const snap = thread(10 * D);
    snap.messages.push({ from: { email: 'me@x.com' }, to: [{ email: 'dana@acme.com' }], sentAt: new Date(NOW - 3 * D).toISOString(), direction: 'outbound' });
    render(<StatusSummary client={client()} reply={threadReplyStatus('dana@acme.com', snap, [], NOW, DEFAULT_SETTINGS)} now={NOW} settings={DEFAULT_SETTINGS} />);
    expect(screen.getByTestId('reply-status')).toHaveTextContent('Waiting on them for 3 days: time for a nudge');
  });

  it('counts a logged call after their email as the answer', () => {
    const reply = threadReplyStatus('dana@acme.com', thread(5 * D), [{ kind: 'call', at: NOW - D }], NOW, DEFAULT_SETTINGS);
    expect(reply.state).toBe('waiting-on-them');
  });
});

describe('last contact and cadence, in words', () => {
  it('shows the age in words and the exact date on hover', () => {
    renderStatus(null);
    const time = screen.getByText('21 days ago');
    expect(time.tagName).toBe('TIME');
    expect(time).toHaveAttribute('title', expect.stringMatching(/^Sun 1 Nov 2026, 12:00$/));
  });
  it.each([
    ['on track', client(), 'On track: next in 21 days'],
    ['due soon', client({ nextDueAt: endOfDay(new Date(NOW + 3 * D)) }), 'Due soon: in 3 days'],
    ['due today', client({ nextDueAt: endOfDay(new Date(NOW)) }), 'Due soon: today'],
    ['overdue', client({ nextDueAt: endOfDay(new Date(NOW - 4 * D)) }), 'Overdue by 4 days'],
    ['snoozed', client({ nextDueAt: endOfDay(new Date(NOW - 4 * D)), snoozedUntil: new Date(2026, 11, 3).getTime() }), 'Snoozed until 3 Dec'],
  ])('%s', (_, c, words) => {
    renderStatus(null, c);
    expect(screen.getByTestId('cadence-status')).toHaveTextContent(words);
  });
});
