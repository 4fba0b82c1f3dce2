import type {
  InviteCreate,
  MakerspaceInvite,
  MakerspaceInviteList,
  MakerspaceMember,
  MakerspaceMemberList,
  MakerspaceRoleName,
} from '@makrx/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCaveApi } from '../../cave-api';

/** Member management names the makerspace by id. */
const spaceById = (makerspaceId: string) => `/makerspaces/${makerspaceId}`;
const membersKey = (makerspaceId: string) => ['members', makerspaceId] as const;

export function useMembers(makerspaceId: string) {
  const api = useCaveApi();
  return useQuery({
    queryKey: [...membersKey(makerspaceId), 'people'],
    queryFn: ({ signal }) =>
      api<MakerspaceMemberList>(`${spaceById(makerspaceId)}/members`, { signal }),
    select: (list) => list.items,
  });
}

export function useInvites(makerspaceId: string) {
  const api = useCaveApi();
  return useQuery({
    queryKey: [...membersKey(makerspaceId), 'invites'],
    queryFn: ({ signal }) =>
      api<MakerspaceInviteList>(`${spaceById(makerspaceId)}/invites`, { signal }),
    select: (list) => list.items,
  });
}

export type MemberChange =
  | { kind: 'role'; role: MakerspaceRoleName }
  | { kind: 'suspend' }
  | { kind: 'reinstate' }
  | { kind: 'remove' };

/** Promote, demote, suspend, reinstate or remove one member. */
export function useMemberChange(makerspaceId: string) {
  const api = useCaveApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, change }: { userId: string; change: MemberChange }) => {
      const base = `${spaceById(makerspaceId)}/members/${userId}`;
      switch (change.kind) {
        case 'role':
          return api<MakerspaceMember | null>(`${base}/role`, {
            method: 'PUT',
            body: { role: change.role },
          });
        case 'remove':
          return api<MakerspaceMember | null>(base, { method: 'DELETE' });
        default:
          return api<MakerspaceMember | null>(`${base}/${change.kind}`, { method: 'POST' });
      }
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: membersKey(makerspaceId) }),
        // Changing one's own role changes what this person may see.
        queryClient.invalidateQueries({ queryKey: ['me', 'makerspaces'] }),
      ]),
  });
}

export function useInviteActions(makerspaceId: string) {
  const api = useCaveApi();
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: membersKey(makerspaceId) });
  const invitePath = (inviteId: string, action: 'resend' | 'revoke') =>
    `${spaceById(makerspaceId)}/invites/${inviteId}/${action}`;
  return {
    invite: useMutation({
      mutationFn: (invite: InviteCreate) =>
        api<MakerspaceInvite>(`${spaceById(makerspaceId)}/invites`, {
          method: 'POST',
          body: invite,
        }),
      onSuccess,
    }),
    resend: useMutation({
      mutationFn: (inviteId: string) =>
        api<MakerspaceInvite>(invitePath(inviteId, 'resend'), { method: 'POST' }),
      onSuccess,
    }),
    revoke: useMutation({
      mutationFn: (inviteId: string) =>
        api<MakerspaceInvite>(invitePath(inviteId, 'revoke'), { method: 'POST' }),
      onSuccess,
    }),
  };
}
