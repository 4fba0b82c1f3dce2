import { requestJson, useAuthenticatedFetch, useRuntimeConfig, useSession } from '@makrx/spa-kit';
import { useQuery } from '@tanstack/react-query';

interface MyMakerspaces {
  items: Array<{ makerspace: { slug: string }; roles: string[] }>;
}

/**
 * Whether to offer the makerspace's analytics (the matrix's "Analytics dashboard"): super
 * admins, MakrCave admins, and its makerspace admins and service providers. The cave decides
 * again on every request; this only chooses whether to show the link.
 */
export function useAnalyticsAccess(slug: string): boolean {
  const session = useSession();
  const { caveApiUrl } = useRuntimeConfig();
  const send = useAuthenticatedFetch();
  const signedIn = session.status === 'signed-in';
  const mine = useQuery({
    queryKey: ['me', 'makerspaces'],
    queryFn: ({ signal }) =>
      requestJson<MyMakerspaces>(send, caveApiUrl, '/api/v1/me/makerspaces', { signal }),
    enabled: signedIn,
    staleTime: 60_000,
  });
  if (!signedIn) return false;
  const roles = session.user?.roles ?? [];
  if (roles.includes('super_admin') || (roles.includes('admin') && roles.includes('admin:cave')))
    return true;
  const here = mine.data?.items.find((item) => item.makerspace.slug === slug);
  return (
    here?.roles.some((role) => role === 'makerspace_admin' || role === 'service_provider') ?? false
  );
}
