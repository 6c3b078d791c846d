/** The data of the Insights page: whole-portfolio reads, computed by lib/domain/insights. */
import { useQuery } from '@tanstack/react-query';
import { db } from './db/schema';
import { getSettings } from './db/settings';
import { listTemplates } from './db/templates';
import { pareto, portfolio, replySpeed, retention, templateStats } from './domain/insights';
import { REPLY_KINDS } from './domain/response';
import { isOverdue } from './domain/overdue';
import { DB_QUERY_ROOT } from './query-client';

export async function loadInsights(now = Date.now()) {
  const [clients, settings, templates, sales, replies, fromTemplates] = await Promise.all([
    db.clients.toArray(),
    getSettings(),
    listTemplates(),
    db.touchpoints.where('kind').equals('sale').toArray(),
    db.touchpoints.where('kind').anyOf(['email-in', ...REPLY_KINDS]).toArray(),
    db.touchpoints.where('templateId').above(0).toArray(),
  ]);
  return {
    now,
    settings,
    portfolio: portfolio(clients, now, settings),
    overdueClients: clients
      .filter((c) => isOverdue(c, now, settings))
      .sort((a, b) => (a.nextDueAt ?? 0) - (b.nextDueAt ?? 0)),
    pareto: pareto(clients),
    currentKeyIds: clients.filter((c) => c.keyAccount).map((c) => c.id!),
    quarters: retention(sales, now, 'quarter', 8),
    years: retention(sales, now, 'year', 3),
    replies: replySpeed(replies),
    templates: templateStats(templates, [...fromTemplates, ...replies.filter((t) => t.kind === 'email-in')]),
  };
}

export type Insights = Awaited<ReturnType<typeof loadInsights>>;

export function useInsights(now?: number) {
  return useQuery({ queryKey: [DB_QUERY_ROOT, 'insights', now ?? 'live'], queryFn: () => loadInsights(now) });
}
