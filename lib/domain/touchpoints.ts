/**
 * A touchpoint as the user (or a page reader) gives it: checked before anything is stored.
 * Pure, so logging, capturing a thread and restoring a backup refuse the same things.
 */
import { LIMITS, TOUCH_KINDS, TOUCH_SOURCES, type Touchpoint, type TouchKind, type TouchSource } from './model';
import { cleanText, inField, refused, refusedAt, toAmount, toTime, ValidationError, type TimeInput } from './validate';

export interface TouchpointInput {
  clientId: number;
  kind: TouchKind;
  at?: TimeInput;
  source?: TouchSource;
  subject?: string;
  summary?: string;
  amount?: number;
  threadKey?: string;
  messageKey?: string;
  templateId?: number;
  /** only an email from the client: marked as needing no reply */
  noReplyNeeded?: boolean;
  /** a `score` only (required there): the client's 0-10 answer to "How'm I doing?" */
  score?: number;
  /** a `referral` only: the client the referred person became */
  referredClientId?: number;
}

/**
 * The touchpoint to store (without its id), or a ValidationError naming what is wrong and,
 * as its `field`, where ("summary", "noReplyNeeded").
 */
export function validateTouchpoint(input: TouchpointInput, now: number): Omit<Touchpoint, 'id'> {
  if (!input || typeof input !== 'object') throw new ValidationError('no touchpoint given');
  if (!Number.isInteger(input.clientId) || input.clientId <= 0)
    throw refusedAt('clientId', 'a touchpoint needs the id of its client');
  if (!TOUCH_KINDS.includes(input.kind)) throw refusedAt('kind', `unknown kind of touchpoint "${String(input.kind)}"`);
  const source = input.source ?? 'manual';
  if (!TOUCH_SOURCES.includes(source)) throw refusedAt('source', `unknown source "${String(source)}"`);
  const tp: Omit<Touchpoint, 'id'> = {
    clientId: input.clientId,
    kind: input.kind,
    source,
    at: input.at === undefined ? now : inField('at', () => toTime(input.at, 'the touchpoint date')),
    createdAt: now,
  };
  if (input.kind === 'sale') {
    tp.amount = inField('amount', () => toAmount(input.amount ?? 0, 'sale amount'));
  } else if (input.amount !== undefined) {
    throw refusedAt('amount', `only a sale has an amount, not a ${input.kind}`);
  }
  const subject = inField('subject', () => cleanText(input.subject, 'subject', LIMITS.subject));
  if (subject) tp.subject = subject;
  const summary = inField('summary', () => cleanText(input.summary, 'summary', LIMITS.summary, { multiline: true }));
  if (summary) tp.summary = summary;
  if (input.kind === 'note' && !summary) throw refusedAt('summary', 'a note needs text');
  if (input.kind === 'score') {
    const v = input.score;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 10)
      throw refusedAt('score', 'a satisfaction score is a whole number from 0 to 10');
    tp.score = v;
  } else if (input.score !== undefined) {
    throw new ValidationError(`only a satisfaction score has a score, not a ${input.kind}`);
  }
  if (input.referredClientId !== undefined) {
    if (input.kind !== 'referral') throw new ValidationError(`only a referral names a referred client, not a ${input.kind}`);
    if (!Number.isInteger(input.referredClientId) || input.referredClientId <= 0)
      throw refusedAt('referredClientId', 'the referred client is not valid');
    if (input.referredClientId === input.clientId) throw new ValidationError('a client cannot refer themselves');
    tp.referredClientId = input.referredClientId;
  }
  if (input.kind === 'referral' && !subject && !summary && tp.referredClientId === undefined)
    throw new ValidationError('a referral needs the name of the person referred');
  for (const k of ['threadKey', 'messageKey'] as const) {
    const v = input[k];
    if (v === undefined) continue;
    if (typeof v !== 'string' || v.length === 0 || v.length > LIMITS.key) throw refused(k, 'is not valid', k);
    tp[k] = v;
  }
  if (input.templateId !== undefined) {
    if (!Number.isInteger(input.templateId) || input.templateId <= 0)
      throw refused('templateId', 'is not valid', 'templateId');
    tp.templateId = input.templateId;
  }
  if (input.noReplyNeeded !== undefined && input.noReplyNeeded !== false) {
    if (input.noReplyNeeded !== true || input.kind !== 'email-in')
      throw refusedAt('noReplyNeeded', 'only an email from the client can be marked as needing no reply');
    tp.noReplyNeeded = true;
  }
  return tp;
}
