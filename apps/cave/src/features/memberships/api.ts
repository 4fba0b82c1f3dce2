import type { MakerspaceMembershipList } from '@makrx/contracts';
import { requestJson, useAuthenticatedFetch, useRuntimeConfig, useSession } from '@makrx/spa-kit';
import { useQuery } from '@tanstack/react-query';
import { abilitiesOf, mayOpenMakerspaces, noAbilities, type MakerspaceAbilities } from './roles';

export const myMakerspacesKey = ['me', 'makerspaces'] as const;

/** The signed-in person's makerspaces and their roles in each; nothing is asked for a guest. */
export function useMyMakerspaces() {
  const session = useSession();
  const { caveApiUrl } = useRuntimeConfig();
  const send = useAuthenticatedFetch();
  return useQuery({
    queryKey: myMakerspacesKey,
    queryFn: ({ signal }) =>
      requestJson<MakerspaceMembershipList>(send, caveApiUrl, '/api/v1/me/makerspaces', {
        signal,
      }),
    enabled: session.status === 'signed-in',
    staleTime: 60_000,
  });
}

export type MakerspaceAccess =
  { status: 'loading' } | { status: 'signed-out' } | ({ status: 'known' } & MakerspaceAbilities);

/** What the signed-in person may do in the makerspace `slug`, once their roles are known. */
export function useMakerspaceAccess(slug: string): MakerspaceAccess {
  const session = useSession();
  const mine = useMyMakerspaces();
  if (session.status === 'loading') return { status: 'loading' };
  if (session.status === 'signed-out') return { status: 'signed-out' };
  if (mine.isPending) return { status: 'loading' };
  const here = mine.data?.items.find((item) => item.makerspace.slug === slug);
  const realmRoles = session.user?.roles ?? [];
  const abilities = mine.isError ? noAbilities : abilitiesOf(realmRoles, here?.roles ?? []);
  return { status: 'known', ...abilities };
}

/** Whether the signed-in person may open a new makerspace (`makerspaces:create`). */
export function useMayOpenMakerspaces(): boolean {
  const session = useSession();
  return session.status === 'signed-in' && mayOpenMakerspaces(session.user?.roles ?? []);
}
