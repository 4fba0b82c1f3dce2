import { ApiError, ServiceErrorState, useDocumentTitle, useRuntimeConfig } from '@makrx/spa-kit';
import {
  ArrowLeftIcon,
  buttonClasses,
  Card,
  Container,
  EmptyState,
  Skeleton,
  UsersIcon,
} from '@makrx/ui';
import { Link, useParams } from 'react-router-dom';
import { useMakerProfile } from '../../features/makers/api';
import {
  editProfilePath,
  MakerProfileView,
} from '../../features/makers/components/maker-profile-view';
import { useOwnHandle } from '../../features/makers/own-profile-api';
import { SavedFlash } from '../../features/makers/components/saved-flash';

function MakerProfileSkeleton() {
  return (
    <div aria-busy="true">
      <span className="sr-only">Loading profile…</span>
      <Card className="overflow-hidden">
        <Skeleton className="h-32 rounded-none sm:h-44" />
        <div className="px-6 pb-8 sm:px-10">
          <Skeleton shape="round" className="-mt-12 size-24 ring-4 ring-white sm:-mt-14" />
          <Skeleton className="mt-5 h-8 w-64" />
          <Skeleton className="mt-3 h-5 w-80 max-w-full" />
          <Skeleton className="mt-5 h-4 w-56" />
        </div>
      </Card>
      <div className="mt-8 space-y-3">
        <Skeleton className="h-5 w-40" />
        <Skeleton className="h-4 w-full max-w-2xl" />
        <Skeleton className="h-4 w-3/4 max-w-xl" />
      </div>
    </div>
  );
}

function MakerNotFound({ handle }: { handle: string }) {
  return (
    <EmptyState
      titleAs="h1"
      icon={<UsersIcon />}
      title="We couldn’t find that maker"
      description={
        <>
          There’s no maker with the handle <span className="font-mono text-ink-800">@{handle}</span>
          . The profile may have been renamed or removed.
        </>
      }
      action={
        <>
          <Link to="/makers" className={buttonClasses()}>
            Browse makers
          </Link>
          <Link to="/" className={buttonClasses({ variant: 'secondary' })}>
            Go to the home page
          </Link>
        </>
      }
    />
  );
}

/** The owner of a private profile, at its address: it is theirs, only hidden from others. */
function OwnPrivateProfile() {
  return (
    <EmptyState
      titleAs="h1"
      icon={<UsersIcon />}
      title="Your profile is private"
      description="Only you can see this page. Make your profile public to be listed among the makers and seen by others."
      action={
        <Link to={editProfilePath} className={buttonClasses()}>
          Edit your profile
        </Link>
      }
    />
  );
}

export function MakerProfilePage() {
  const { handle = '' } = useParams();
  const { caveUrl } = useRuntimeConfig();
  const profile = useMakerProfile(handle);
  const ownHandle = useOwnHandle();
  const isNotFound = profile.error instanceof ApiError && profile.error.isNotFound;
  useDocumentTitle(
    profile.data?.displayName ??
      (isNotFound ? 'Maker not found' : profile.isError ? 'Error' : 'Maker'),
  );

  return (
    <Container className="py-8 sm:py-12">
      <Link
        to="/makers"
        className="mb-6 inline-flex items-center gap-1.5 rounded-md text-sm font-medium text-ink-600 hover:text-ink-950"
      >
        <ArrowLeftIcon className="size-4" />
        All makers
      </Link>
      {profile.isPending ? (
        <MakerProfileSkeleton />
      ) : isNotFound && ownHandle === handle ? (
        <OwnPrivateProfile />
      ) : isNotFound ? (
        <MakerNotFound handle={handle} />
      ) : profile.isError ? (
        <ServiceErrorState
          titleAs="h1"
          error={profile.error}
          subject="this profile"
          onRetry={() => void profile.refetch()}
        />
      ) : (
        <>
          <SavedFlash className="mb-6" />
          <MakerProfileView maker={profile.data} caveUrl={caveUrl} />
        </>
      )}
    </Container>
  );
}
