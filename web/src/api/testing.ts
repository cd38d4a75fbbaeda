import { vi } from 'vitest';

// Test helpers for the web's API calls: the network is outside the system under test.

export type Call = { url: string; init: RequestInit };

/** Stands in for the server: answers every fetch with `respond`, and keeps the calls made. */
export function stubServer(respond: (call: Call) => Response): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      const call = { url, init };
      calls.push(call);
      return respond(call);
    }),
  );
  return calls;
}

/** The headers a call sent. */
export const headersOf = (call: Call | undefined) => (call?.init.headers ?? {}) as Record<string, string>;
