import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { createQueryClient } from '@/lib/ui/query-client';
import { OptionsPage } from '@/components/options/OptionsPage';

const queryClient = createQueryClient();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <OptionsPage />
    </QueryClientProvider>
  </StrictMode>,
);
