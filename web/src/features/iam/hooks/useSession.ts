import { createContext, useContext } from 'react';
import type { Session } from '../api';

/** Filled by `RequireAuth` once `/api/v1/auth/me` has answered. */
export const SessionContext = createContext<Session | undefined>(undefined);

/** The signed-in user's session; only for components rendered inside `RequireAuth`. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() is only available inside <RequireAuth>');
  return session;
}

export function useHasPermission(permission: string | null): boolean {
  const session = useSession();
  return permission === null || session.permissions.includes(permission);
}
