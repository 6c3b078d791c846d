/**
 * Every query key of the extension's pages, in one place. Each starts with DB_QUERY_ROOT, so
 * any database change, in this page or another context, refreshes them all
 * (./query-client.ts), and a write invalidates them all at once (./write.ts).
 */
export const DB_QUERY_ROOT = 'db';

export const keys = {
  all: [DB_QUERY_ROOT] as const,
  clientCount: [DB_QUERY_ROOT, 'clients', 'count'] as const,
  overdueCount: [DB_QUERY_ROOT, 'clients', 'overdue-count'] as const,
  clientsByEmail: [DB_QUERY_ROOT, 'clients', 'by-email'] as const,
  clientByEmail: (email: string) => [DB_QUERY_ROOT, 'clients', 'by-email', email] as const,
  clientsById: [DB_QUERY_ROOT, 'clients', 'by-id'] as const,
  client: (id: number) => [DB_QUERY_ROOT, 'clients', 'by-id', id] as const,
  search: (q: string) => [DB_QUERY_ROOT, 'clients', 'search', q] as const,
  history: (clientId: number) => [DB_QUERY_ROOT, 'history', clientId] as const,
  today: (now: number | 'live', limit: number | 'all') => [DB_QUERY_ROOT, 'today', now, limit] as const,
  settings: [DB_QUERY_ROOT, 'settings'] as const,
  templates: [DB_QUERY_ROOT, 'templates'] as const,
  insights: (now: number | 'live') => [DB_QUERY_ROOT, 'insights', now] as const,
  changedElsewhere: (clientId: number) => [DB_QUERY_ROOT, 'sync', 'changed-elsewhere', clientId] as const,
};
