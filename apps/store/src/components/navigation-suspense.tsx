import { headers } from 'next/headers';
import { Suspense, type ReactNode } from 'react';

/**
 * Browsers label every request with Fetch Metadata: a document load is mode "navigate",
 * while the router's fetch of the next page during a client-side navigation is not.
 */
async function isClientSideNavigation(): Promise<boolean> {
  const mode = (await headers()).get('sec-fetch-mode');
  return mode !== null && mode !== 'navigate';
}

/**
 * The page's loading state, shown while a client-side navigation waits for the store service.
 *
 * A document request renders in one piece instead of streaming a skeleton first (which is
 * what a route's loading.tsx would do), for two reasons: React swaps streamed content in
 * with a script, so a browser without JavaScript would be left looking at the skeleton;
 * and once streaming starts the status is fixed at 200, so an unknown product could no
 * longer answer 404, nor a failing service 500.
 */
export async function NavigationSuspense({
  fallback,
  children,
}: {
  fallback: ReactNode;
  children: ReactNode;
}) {
  if (!(await isClientSideNavigation())) return children;
  return <Suspense fallback={fallback}>{children}</Suspense>;
}
