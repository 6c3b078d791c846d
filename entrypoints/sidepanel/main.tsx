import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { createQueryClient } from '@/lib/ui/query-client';
import { SidePanel } from '@/components/SidePanel';

const queryClient = createQueryClient();
const tabParam = new URLSearchParams(location.search).get('tabId');
const fixedTabId = tabParam !== null && /^\d+$/.test(tabParam) ? Number(tabParam) : null;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <SidePanel fixedTabId={fixedTabId} />
    </QueryClientProvider>
  </StrictMode>,
);
