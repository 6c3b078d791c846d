import { useClientCount, useOverdueCount, useTabThread } from '@/lib/queries';

/** Placeholder panel of the foundation: proves the panel reads the database and the tab's thread. */
export function SidePanel({ fixedTabId }: { fixedTabId: number | null }) {
  const clients = useClientCount();
  const overdue = useOverdueCount();
  const { thread } = useTabThread(fixedTabId);
  const who = thread?.snapshot?.correspondent;
  return (
    <main>
      <h1>Touchbase</h1>
      <p data-testid="summary">
        {clients.data === undefined
          ? 'Loading…'
          : `${clients.data} client${clients.data === 1 ? '' : 's'} tracked · ${overdue.data ?? 0} need you now`}
      </p>
      {who ? <p data-testid="correspondent">{who.name ? `${who.name} <${who.email}>` : who.email}</p> : null}
    </main>
  );
}
