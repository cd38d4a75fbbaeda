/**
 * Where to go after login. Only same-site paths are followed, so a crafted link such as
 * `/login?next=//evil.example` cannot send an official to another site after signing in.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next === '/login' || next.startsWith('/login?') || next.startsWith('/login/')) return '/';
  return next;
}

/** The login URL that brings the user back to `location` afterwards. */
export function loginPath(location: { pathname: string; search?: string; hash?: string }): string {
  const here = `${location.pathname}${location.search ?? ''}${location.hash ?? ''}`;
  const next = safeNextPath(here);
  return next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
}
