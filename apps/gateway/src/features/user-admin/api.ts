import type { AdminUser, AdminUserDetail, AdminUserPage, AssignableRole } from '@makrx/contracts';
import {
  requestJson,
  useAuthenticatedFetch,
  useRuntimeConfig,
  type JsonRequest,
} from '@makrx/spa-kit';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

export const USERS_PAGE_SIZE = 20;

const userAdminKey = ['user-admin'] as const;

type AdminApi = <T>(path: string, request?: JsonRequest) => Promise<T>;

/** The auth service's user administration API, called with the signed-in user's token. */
function useAdminApi(): AdminApi {
  const { authApiUrl } = useRuntimeConfig();
  const send = useAuthenticatedFetch();
  return useCallback(
    <T>(path: string, request?: JsonRequest) =>
      requestJson<T>(send, authApiUrl, `/api/v1/admin/users${path}`, request),
    [send, authApiUrl],
  );
}

export function useAdminUsers(query: string, page: number) {
  const api = useAdminApi();
  return useQuery({
    queryKey: [...userAdminKey, 'users', { query, page }],
    queryFn: ({ signal }) =>
      api<AdminUserPage>('', { params: { q: query, page, pageSize: USERS_PAGE_SIZE }, signal }),
    placeholderData: keepPreviousData,
  });
}

/**
 * A change to one user. Nothing is patched in place: the list is fetched again before the
 * change counts as done, so the page shows what the server holds, refusals included.
 */
function useUserChange<Change>(send: (api: AdminApi, change: Change) => Promise<AdminUser>) {
  const api = useAdminApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: Change) => send(api, change),
    onSettled: () => queryClient.invalidateQueries({ queryKey: userAdminKey }),
  });
}

export interface RoleChange {
  userId: string;
  role: AssignableRole;
  grant: boolean;
}

export function useRoleChange() {
  return useUserChange<RoleChange>((api, { userId, role, grant }) =>
    api(`/${userId}/roles/${encodeURIComponent(role)}`, { method: grant ? 'PUT' : 'DELETE' }),
  );
}

export interface LockChange {
  userId: string;
  lock: boolean;
}

export function useLockChange() {
  return useUserChange<LockChange>((api, { userId, lock }) =>
    api(`/${userId}/${lock ? 'lock' : 'unlock'}`, { method: 'POST' }),
  );
}

/** One user's page: account, makerspaces (from MakrCave) and recent activity. */
export function useAdminUserDetail(userId: string) {
  const api = useAdminApi();
  return useQuery({
    queryKey: [...userAdminKey, 'user', userId],
    queryFn: ({ signal }) => api<AdminUserDetail>(`/${encodeURIComponent(userId)}`, { signal }),
  });
}
