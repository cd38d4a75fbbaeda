import { apiFetch, setCsrfToken } from '../../api/client';

export type SessionUser = {
  id: string;
  username: string;
  displayName: string;
  mustChangePassword: boolean;
};

export type RoleAssignment = {
  role: string;
  roleName: { zh: string; en: string };
  scopePath: string;
  scopeName: string | null;
};

/** Body of `GET /api/v1/auth/me` and of a successful login. */
export type Session = {
  user: SessionUser;
  assignments: RoleAssignment[];
  permissions: string[];
  csrfToken: string;
};

export const sessionQueryKey = ['iam', 'session'] as const;

export async function fetchSession(signal?: AbortSignal): Promise<Session> {
  const session = await apiFetch<Session>('/api/v1/auth/me', { signal });
  setCsrfToken(session.csrfToken);
  return session;
}

export async function login(input: { username: string; password: string }): Promise<Session> {
  const session = await apiFetch<Session>('/api/v1/auth/login', { method: 'POST', body: input });
  setCsrfToken(session.csrfToken);
  return session;
}

export async function logout(): Promise<void> {
  try {
    await apiFetch<void>('/api/v1/auth/logout', { method: 'POST' });
  } finally {
    setCsrfToken(undefined);
  }
}

export async function changePassword(input: { currentPassword: string; newPassword: string }): Promise<void> {
  await apiFetch<void>('/api/v1/auth/password', { method: 'POST', body: input });
}
