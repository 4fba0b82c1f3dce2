import { ServiceErrorState, useDocumentTitle, useSession } from '@makrx/spa-kit';
import { EmptyState, Skeleton, UsersIcon } from '@makrx/ui';
import { useParams } from 'react-router-dom';
import { useInvites, useMembers } from '../../features/members/api';
import { InviteForm } from '../../features/members/components/invite-form';
import { InviteList } from '../../features/members/components/invite-list';
import { MemberList } from '../../features/members/components/member-list';
import { isOpenInvite } from '../../features/members/presentation';
import { useMakerspace } from '../../features/makerspaces/api';
import { MakerspaceGate } from '../../features/memberships/components/makerspace-gate';
import { MakerspaceFrame } from '../makerspace-frame';

const listLoading = (what: string) => (
  <div aria-busy="true" className="space-y-2">
    <span className="sr-only">Loading {what}…</span>
    <Skeleton className="h-16 rounded-2xl" />
    <Skeleton className="h-16 rounded-2xl" />
  </div>
);

function Members({ makerspaceId, space }: { makerspaceId: string; space: string }) {
  const members = useMembers(makerspaceId);
  const { user } = useSession();
  if (members.isPending) return listLoading('members');
  if (members.isError)
    return (
      <ServiceErrorState
        error={members.error}
        subject="the members"
        onRetry={() => void members.refetch()}
      />
    );
  if (members.data.length === 0)
    return (
      <EmptyState
        icon={<UsersIcon />}
        title="No members yet"
        description="Invite the first ones above."
      />
    );
  return (
    <MemberList
      members={members.data}
      makerspaceId={makerspaceId}
      space={space}
      selfEmail={user?.email}
    />
  );
}

function Invites({ makerspaceId }: { makerspaceId: string }) {
  const invites = useInvites(makerspaceId);
  if (invites.isPending) return listLoading('invites');
  if (invites.isError)
    return (
      <ServiceErrorState
        error={invites.error}
        subject="the invites"
        onRetry={() => void invites.refetch()}
      />
    );
  const open = invites.data.filter(isOpenInvite);
  if (open.length === 0)
    return (
      <p className="rounded-2xl border border-dashed border-ink-300 bg-ink-50 p-5 text-sm text-ink-600">
        No invites waiting. Accepted and revoked ones leave this list.
      </p>
    );
  return (
    <InviteList invites={open} makerspaceId={makerspaceId} now={new Date(invites.dataUpdatedAt)} />
  );
}

/** A makerspace's members and invites, for its admins (Member → Admin → Removed). */
export function MembersPage() {
  const { slug = '' } = useParams();
  const makerspace = useMakerspace(slug);
  const space = makerspace.data;
  useDocumentTitle(space ? `Members · ${space.name}` : 'Members');
  return (
    <MakerspaceFrame
      slug={slug}
      title="Members"
      description="Invite people, change their roles, suspend or remove them. Every change is recorded and the person is told."
    >
      <MakerspaceGate slug={slug} needs="manageMembers" audience="the makerspace’s admins">
        {space ? (
          <div className="space-y-10">
            <InviteForm makerspaceId={space.id} space={space.name} />
            <section aria-labelledby="pending-invites-heading">
              <h2 id="pending-invites-heading" className="text-xl font-semibold text-ink-950">
                Pending invites
              </h2>
              <div className="mt-4">
                <Invites makerspaceId={space.id} />
              </div>
            </section>
            <section aria-labelledby="members-heading">
              <h2 id="members-heading" className="text-xl font-semibold text-ink-950">
                Members
              </h2>
              <div className="mt-4">
                <Members makerspaceId={space.id} space={space.name} />
              </div>
            </section>
          </div>
        ) : (
          listLoading('the makerspace')
        )}
      </MakerspaceGate>
    </MakerspaceFrame>
  );
}
