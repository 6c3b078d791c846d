import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { createQueryClient } from '@/lib/ui/query-client';
import { InsightsPage } from '@/components/insights/InsightsPage';
import '@/components/insights/insights.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={createQueryClient()}>
      <InsightsPage />
    </QueryClientProvider>
  </StrictMode>,
);
