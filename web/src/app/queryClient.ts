import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/client';

/** Retries only what may heal by itself (network, 5xx); a 4xx answer will not change on a retry. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => {
          if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
          return failureCount < 2;
        },
        refetchOnWindowFocus: false,
        staleTime: 30_000,
      },
      mutations: { retry: false },
    },
  });
}
