/**
 * Where to send someone after signing in or out: a path on this app, never another origin
 * (an open redirect) and never the sign-in routes themselves (a loop). Anything else is '/'.
 */
export function safeReturnTo(candidate: string | null | undefined, origin: string): string {
  if (!candidate?.startsWith('/') || candidate.startsWith('//') || candidate.includes('\\')) {
    return '/';
  }
  let url: URL;
  try {
    url = new URL(candidate, origin);
  } catch {
    return '/';
  }
  if (url.origin !== new URL(origin).origin) return '/';
  if (url.pathname === '/auth' || url.pathname.startsWith('/auth/')) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
