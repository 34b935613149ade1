'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Fleet data arrives over live streams; avoid refetch storms when many tabs regain focus.
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // 4xx answers (401, 403, 404, 400) will not improve on retry.
        retry: (failureCount, error) => {
          const status = (error as { status?: number }).status ?? 0;
          if (status >= 400 && status < 500) return false;
          return failureCount < 2;
        },
      },
    },
  });
}

/** One QueryClient per browser tab (created lazily in state so re-renders never replace it). */
export function QueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(makeQueryClient);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
