import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { createQueryClient } from '@/lib/ui/query-client';
import { SidePanel } from '@/components/SidePanel';
import { viewFromSearch } from '@/lib/ui/panel-view';

const queryClient = createQueryClient();
const tabParam = new URLSearchParams(location.search).get('tabId');
const fixedTabId = tabParam !== null && /^\d+$/.test(tabParam) ? Number(tabParam) : null;
// ?view=today: a click on a reminder opened the panel in a tab, to show Today
const initialView = viewFromSearch(location.search);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <SidePanel fixedTabId={fixedTabId} initialView={initialView} />
    </QueryClientProvider>
  </StrictMode>,
);
