/**
 * Touchpoints (emails, calls, meetings, notes, sales...) and the client's history. Each
 * write re-derives the client's fields in the same transaction (lib/db/derived.ts).
 * Deleting returns the deleted record so the UI can offer "Undo", which restores it with
 * its original id.
 */
import type { Touchpoint, TouchKind, TouchSource } from './types';
import { TOUCH_KINDS } from './types';
import { db } from './schema';
import { NotFoundError, ValidationError } from './errors';
import { cleanText, toAmount, toTime } from './validate';
import { getSettings } from './settings';
import { historyRange, recomputeClient } from './derived';

export interface TouchpointInput {
  clientId: number;
  kind: TouchKind;
  at?: number | Date | string;
  source?: TouchSource;
  subject?: string;
  summary?: string;
  amount?: number;
  threadKey?: string;
  messageKey?: string;
  templateId?: number;
}

const SOURCES: TouchSource[] = ['detected', 'manual', 'template'];

export function validateTouchpoint(input: TouchpointInput, now: number): Omit<Touchpoint, 'id'> {
  if (!input || typeof input !== 'object') throw new ValidationError('no touchpoint given');
  if (!Number.isInteger(input.clientId) || input.clientId <= 0)
    throw new ValidationError('a touchpoint needs the id of its client');
  if (!TOUCH_KINDS.includes(input.kind)) throw new ValidationError(`unknown kind of touchpoint "${String(input.kind)}"`);
  const source = input.source ?? 'manual';
  if (!SOURCES.includes(source)) throw new ValidationError(`unknown source "${String(source)}"`);
  const tp: Omit<Touchpoint, 'id'> = {
    clientId: input.clientId,
    kind: input.kind,
    source,
    at: input.at === undefined ? now : toTime(input.at, 'the touchpoint date'),
    createdAt: now,
  };
  if (input.kind === 'sale') {
    tp.amount = toAmount(input.amount ?? 0, 'sale amount');
  } else if (input.amount !== undefined) {
    throw new ValidationError(`only a sale has an amount, not a ${input.kind}`);
  }
  const subject = cleanText(input.subject, 'subject', 500);
  if (subject) tp.subject = subject;
  const summary = cleanText(input.summary, 'summary', 5000, { multiline: true });
  if (summary) tp.summary = summary;
  if (input.kind === 'note' && !summary) throw new ValidationError('a note needs text');
  for (const k of ['threadKey', 'messageKey'] as const) {
    const v = input[k];
    if (v === undefined) continue;
    if (typeof v !== 'string' || v.length === 0 || v.length > 600) throw new ValidationError(`${k} is not valid`);
    tp[k] = v;
  }
  if (input.templateId !== undefined) {
    if (!Number.isInteger(input.templateId) || input.templateId <= 0) throw new ValidationError('templateId is not valid');
    tp.templateId = input.templateId;
  }
  return tp;
}

/**
 * Logs one touchpoint. A detected email whose messageKey is already recorded is not
 * recorded twice: the existing touchpoint is returned.
 */
export async function logTouchpoint(input: TouchpointInput, now = Date.now()): Promise<Touchpoint> {
  const tp = validateTouchpoint(input, now);
  return db.transaction('rw', db.clients, db.touchpoints, db.settings, async () => {
    if (!(await db.clients.get(tp.clientId))) throw new NotFoundError(`client ${tp.clientId} does not exist`);
    if (tp.messageKey) {
      const existing = await db.touchpoints.where('messageKey').equals(tp.messageKey).first();
      if (existing) return existing;
    }
    const id = await db.touchpoints.add(tp as Touchpoint);
    await recomputeClient(tp.clientId, await getSettings(), now);
    return { ...tp, id };
  });
}

/** Edits the words of a touchpoint (summary, subject) or its amount/date. */
export async function updateTouchpoint(
  id: number,
  patch: Partial<Pick<TouchpointInput, 'summary' | 'subject' | 'amount' | 'at'>>,
  now = Date.now(),
): Promise<Touchpoint> {
  return db.transaction('rw', db.clients, db.touchpoints, db.settings, async () => {
    const current = await db.touchpoints.get(id);
    if (!current) throw new NotFoundError(`touchpoint ${id} does not exist`);
    const merged = validateTouchpoint({ ...current, ...patch } as TouchpointInput, current.createdAt);
    const next: Touchpoint = { ...merged, id, createdAt: current.createdAt };
    await db.touchpoints.put(next);
    await recomputeClient(current.clientId, await getSettings(), now);
    return next;
  });
}

/** Deletes a touchpoint and returns it, so the caller can offer to undo. */
export async function deleteTouchpoint(id: number, now = Date.now()): Promise<Touchpoint> {
  return db.transaction('rw', db.clients, db.touchpoints, db.settings, async () => {
    const tp = await db.touchpoints.get(id);
    if (!tp) throw new NotFoundError(`touchpoint ${id} does not exist`);
    await db.touchpoints.delete(id);
    await recomputeClient(tp.clientId, await getSettings(), now);
    return tp;
  });
}

/** Puts a deleted touchpoint back, with its original id (the undo of deleteTouchpoint). */
export async function restoreTouchpoint(tp: Touchpoint, now = Date.now()): Promise<Touchpoint> {
  const valid = validateTouchpoint(tp as TouchpointInput, tp.createdAt ?? now);
  return db.transaction('rw', db.clients, db.touchpoints, db.settings, async () => {
    if (!(await db.clients.get(valid.clientId))) throw new NotFoundError(`client ${valid.clientId} does not exist`);
    const restored: Touchpoint = { ...valid, createdAt: tp.createdAt ?? now, ...(tp.id ? { id: tp.id } : {}) };
    const id = await db.touchpoints.put(restored);
    await recomputeClient(valid.clientId, await getSettings(), now);
    return { ...restored, id };
  });
}

/** The client's touchpoints, newest first, through the [clientId+at] index. */
export async function listHistory(clientId: number, limit?: number): Promise<Touchpoint[]> {
  const c = historyRange(clientId).reverse();
  return limit ? c.limit(limit).toArray() : c.toArray();
}
