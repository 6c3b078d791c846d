/**
 * Status at a glance: last contact and cadence, and the reply status of the open thread.
 * Each status has a colour AND words (and an icon), never colour alone.
 */
import type { Client, Settings } from '@/lib/domain/model';
import { cadenceStatus, inSecondSaleWindow, secondSaleWindowEnd } from '@/lib/domain/cadence';
import { isDormant } from '@/lib/domain/dormant';
import type { ReplyStatus } from '@/lib/domain/response';
import { ago, daysWord, exactDate, shortDate, waited } from './words';

export function cadenceWords(client: Pick<Client, 'nextDueAt' | 'snoozedUntil'>, now: number, settings: Settings) {
  const s = cadenceStatus(client, now, settings);
  if (!s) return null;
  switch (s.state) {
    case 'snoozed':
      return { tone: 'muted', icon: '⏸', text: `Snoozed until ${shortDate(s.until)}` };
    case 'overdue':
      return { tone: 'bad', icon: '⚠', text: `Overdue by ${daysWord(s.daysOverdue)}` };
    case 'due-soon':
      return {
        tone: 'warn',
        icon: '◔',
        text: s.daysUntilDue === 0 ? 'Due soon: today' : `Due soon: in ${daysWord(s.daysUntilDue)}`,
      };
    default:
      return { tone: 'good', icon: '✓', text: `On track: next in ${daysWord(s.daysUntilDue)}` };
  }
}

export function replyWords(r: ReplyStatus) {
  if (r.state === 'awaiting-you') {
    const text = { 'on-time': 'on time', due: 'due', late: 'late' }[r.level];
    const tone = { 'on-time': 'good', due: 'warn', late: 'bad' }[r.level];
    const icon = { 'on-time': '✓', due: '◔', late: '⚠' }[r.level];
    return { tone, icon, text: `Reply ${text}: their email has waited ${waited(r.waitedMs)}`, since: r.since };
  }
  if (r.state === 'waiting-on-them') {
    return {
      tone: r.nudge ? 'warn' : 'muted',
      icon: r.nudge ? '↻' : '…',
      text: `Waiting on them for ${waited(r.waitedMs)}${r.nudge ? ': time for a nudge' : ''}`,
      since: r.since,
    };
  }
  return null;
}

export function StatusSummary(props: {
  client?: Client | null;
  reply: ReplyStatus;
  now: number;
  settings: Settings;
}) {
  const { client, reply, now, settings } = props;
  const cadence = client ? cadenceWords(client, now, settings) : null;
  const r = replyWords(reply);
  const aim = client && inSecondSaleWindow(client, now, settings) ? secondSaleWindowEnd(client.firstSaleAt!, settings) : null;
  return (
    <section aria-label="Status" className="status">
      {client ? (
        <p className="status-row">
          <span className="status-label">Last contact</span>{' '}
          {client.lastContactAt !== undefined ? (
            <time dateTime={new Date(client.lastContactAt).toISOString()} title={exactDate(client.lastContactAt)}>
              {ago(client.lastContactAt, now)}
            </time>
          ) : (
            <span>never</span>
          )}
        </p>
      ) : null}
      {cadence ? (
        <p className={`pill tone-${cadence.tone}`} data-testid="cadence-status">
          <span aria-hidden="true">{cadence.icon}</span> {cadence.text}
        </p>
      ) : null}
      {aim !== null ? (
        <p className="pill tone-good" data-testid="aim" title="After a first sale, the cadence aims at the second sale">
          <span aria-hidden="true">➚</span> Aim: second sale (until {shortDate(aim)})
        </p>
      ) : null}
      {client && isDormant(client, now) ? (
        <p className="pill tone-warn" data-testid="dormant">
          <span aria-hidden="true">☾</span> Dormant: no sale {client.lastSaleAt === undefined ? 'lately' : `since ${shortDate(client.lastSaleAt)} ${new Date(client.lastSaleAt).getFullYear()}`}
        </p>
      ) : null}
      {r ? (
        <p className={`pill tone-${r.tone}`} data-testid="reply-status" title={`Since ${exactDate(r.since)}`}>
          <span aria-hidden="true">{r.icon}</span> {r.text}
        </p>
      ) : null}
    </section>
  );
}
