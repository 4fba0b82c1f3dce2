import {
  ApiError,
  ServiceErrorState,
  SignedInOnly,
  useDocumentTitle,
  useFlag,
  useSession,
} from '@makrx/spa-kit';
import {
  ArrowLeftIcon,
  buttonClasses,
  Card,
  Container,
  EmptyState,
  SectionHeader,
  Skeleton,
  UsersIcon,
} from '@makrx/ui';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useMakerspaceMembers } from '../../features/community/api';
import { MembersDirectory } from '../../features/community/components/members-directory';

const filters = [
  { value: undefined, label: 'Everyone' },
  { value: 'makerspace_admin', label: 'Admins' },
  { value: 'service_provider', label: 'Service providers' },
  { value: 'member', label: 'Members' },
] as const;

function RoleFilters({ role }: { role: string | undefined }) {
  return (
    <nav aria-label="Filter by role" className="mt-6 mb-8 flex flex-wrap gap-2">
      {filters.map((filter) => {
        const active = (filter.value ?? undefined) === role;
        return (
          <Link
            key={filter.label}
            to={filter.value ? `?role=${filter.value}` : '?'}
            aria-current={active ? 'page' : undefined}
            className={buttonClasses({ variant: active ? 'primary' : 'secondary', size: 'sm' })}
          >
            {filter.label}
          </Link>
        );
      })}
    </nav>
  );
}

function Directory({ slug, role }: { slug: string; role: string | undefined }) {
  const members = useMakerspaceMembers(slug, role);
  useDocumentTitle(members.data ? `Members of ${members.data.makerspace.name}` : 'Members');
  return (
    <>
      <SectionHeader
        titleAs="h1"
        eyebrow="Members directory"
        title={members.data?.makerspace.name ?? 'Who makes here'}
        description="Members who chose a public MakrX.org profile. Those who keep theirs private are counted, not named."
      />
      <RoleFilters role={role} />
      <DirectoryBody members={members} role={role} />
    </>
  );
}

function DirectoryBody({
  members,
  role,
}: {
  members: ReturnType<typeof useMakerspaceMembers>;
  role: string | undefined;
}) {
  if (members.isPending)
    return (
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-busy="true">
        <span className="sr-only">Loading members…</span>
        {[0, 1, 2].map((key) => (
          <Card key={key} className="p-5">
            <Skeleton className="h-5 w-1/2" />
            <Skeleton className="mt-2 h-4 w-2/3" />
          </Card>
        ))}
      </div>
    );
  if (members.error instanceof ApiError && members.error.isNotFound)
    return (
      <EmptyState
        icon={<UsersIcon />}
        title="You can’t see this directory"
        description="A makerspace’s members directory is for its own members. Check the link, or ask its admins to invite you."
        action={
          <Link to="/feed" className={buttonClasses()}>
            Back to your feed
          </Link>
        }
      />
    );
  if (members.isError)
    return (
      <ServiceErrorState
        error={members.error}
        subject="the members directory"
        onRetry={() => void members.refetch()}
      />
    );
  return (
    <>
      {members.data.items.length === 0 ? (
        <EmptyState
          icon={<UsersIcon />}
          title={role ? 'Nobody with that role shows a public profile' : 'No public profiles yet'}
          description={
            members.data.privateMembers > 0
              ? `${members.data.privateMembers} ${members.data.privateMembers === 1 ? 'member keeps their' : 'members keep their'} profile private.`
              : 'Members appear here once they make their MakrX.org profile public.'
          }
        />
      ) : (
        <MembersDirectory directory={members.data} />
      )}
    </>
  );
}

/** A makerspace's members directory for its own people (spec section 7, community members). */
export function MakerspaceMembersPage() {
  const { slug = '' } = useParams();
  const [searchParams] = useSearchParams();
  const role = searchParams.get('role') ?? undefined;
  const communityOn = useFlag('ENABLE_COMMUNITY_FEATURES', true);
  const session = useSession();

  return (
    <Container className="py-10 sm:py-14">
      <Link
        to={session.status === 'signed-in' ? '/feed' : '/makers'}
        className="mb-6 inline-flex items-center gap-1.5 rounded-md text-sm font-medium text-ink-600 hover:text-ink-950"
      >
        <ArrowLeftIcon className="size-4" />
        {/* A guest has no feed: the makers directory is theirs to go back to. */}
        {session.status === 'signed-in' ? 'Your feed' : 'All makers'}
      </Link>
      {!communityOn ? (
        <EmptyState
          titleAs="h1"
          icon={<UsersIcon />}
          title="The community is turned off for now"
          description="Members directories will be back soon."
        />
      ) : (
        <SignedInOnly
          icon={<UsersIcon />}
          title="Sign in to see the members"
          description="A makerspace’s members directory is for its own members."
        >
          <Directory slug={slug} role={role} />
        </SignedInOnly>
      )}
    </Container>
  );
}
