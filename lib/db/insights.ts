/**
 * The data of the Insights page: whole-portfolio reads (every client, and every history's
 * digest, once: lib/domain/digest.ts says why not the histories), computed by the pure rules
 * of lib/domain/insights. The benchmark times this function.
 */
import { getSettings } from './settings';
import { listTemplates } from './templates';
import { allDigests } from './history';
import { touchpointsOfDigests, type InsightsTouchpoint } from '../domain/digest';
import { db } from './schema';
import { pareto, portfolio, replySpeed, retention, scoresOverTime, secondSale, templateStats, topReferrers } from '../domain/insights';
import { REPLY_KINDS } from '../domain/response';
import { isOverdue } from '../domain/overdue';

const REPLY_OR_INBOUND = new Set<string>(['email-in', ...REPLY_KINDS]);

/**
 * The touchpoints each insight reads, from one pass over every client's history (each
 * client's in time order; the computations group by client or period themselves).
 */
export function splitForInsights<T extends InsightsTouchpoint>(all: T[]) {
  const sales: T[] = [];
  const replies: T[] = [];
  const fromTemplates: T[] = [];
  const referrals: T[] = [];
  const scores: T[] = [];
  for (const t of all) {
    if (t.kind === 'sale') sales.push(t);
    else if (t.kind === 'referral') referrals.push(t);
    else if (t.kind === 'score') scores.push(t);
    if (REPLY_OR_INBOUND.has(t.kind)) replies.push(t);
    if (t.templateId !== undefined && t.templateId > 0) fromTemplates.push(t);
  }
  return { sales, replies, fromTemplates, referrals, scores };
}

export async function loadInsights(now = Date.now()) {
  const [clients, settings, templates, digests] = await Promise.all([
    db.clients.toArray(),
    getSettings(),
    listTemplates(),
    allDigests(),
  ]);
  const { sales, replies, fromTemplates, referrals, scores } = splitForInsights(touchpointsOfDigests(digests));
  return {
    now,
    settings,
    portfolio: portfolio(clients, now, settings),
    overdueClients: clients
      .filter((c) => isOverdue(c, now, settings))
      .sort((a, b) => (a.nextDueAt ?? 0) - (b.nextDueAt ?? 0)),
    pareto: pareto(clients),
    currentKeyIds: clients.filter((c) => c.keyAccount).map((c) => c.id!),
    quarters: retention(sales, clients, now, 'quarter', 8),
    years: retention(sales, clients, now, 'year', 3),
    secondSale: secondSale(sales, now, settings.secondSaleWindowDays),
    referrers: topReferrers(referrals, clients),
    scores: scoresOverTime(scores, now, 'quarter', 8),
    replies: replySpeed(replies, settings),
    templates: templateStats(templates, [...fromTemplates, ...replies.filter((t) => t.kind === 'email-in')]),
  };
}

export type Insights = Awaited<ReturnType<typeof loadInsights>>;
