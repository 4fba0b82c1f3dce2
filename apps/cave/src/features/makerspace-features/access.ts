import { requestJson, useAuthenticatedFetch, useRuntimeConfig, useSession } from '@makrx/spa-kit';
import { useQuery } from '@tanstack/react-query';

interface MyMakerspaces {
  items: Array<{ makerspace: { id: string; slug: string; name: string }; roles: string[] }>;
}

export type FeatureAccess =
  { status: 'loading' } | { status: 'signed-out' } | { status: 'denied' } | { status: 'allowed' };

/**
 * Who manages a makerspace's features (spec 5, "Flag Governance"): its makerspace admins, and
 * super admins and MakrCave admins, who may change any makerspace's. The auth service decides
 * again on every change; this only chooses what to show.
 */
export function useFeatureAccess(slug: string): FeatureAccess {
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
  if (session.status === 'loading') return { status: 'loading' };
  if (session.status === 'signed-out') return { status: 'signed-out' };
  const roles = session.user?.roles ?? [];
  if (roles.includes('super_admin') || (roles.includes('admin') && roles.includes('admin:cave')))
    return { status: 'allowed' };
  if (mine.isPending) return { status: 'loading' };
  const here = mine.data?.items.find((item) => item.makerspace.slug === slug);
  return here?.roles.includes('makerspace_admin') ? { status: 'allowed' } : { status: 'denied' };
}
