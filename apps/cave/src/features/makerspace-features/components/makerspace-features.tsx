import { ApiError, ServiceErrorState, useSession } from '@makrx/spa-kit';
import { Button, EmptyState, LockIcon, ShieldIcon, Skeleton } from '@makrx/ui';
import { useMakerspaceAccess } from '../../memberships/api';
import { useMakerspaceFlags } from '../api';
import { FeatureCard } from './feature-card';

export interface MakerspaceFeaturesProps {
  space: { id: string; slug: string; name: string };
}

function SignInToManage({ name }: { name: string }) {
  const session = useSession();
  return (
    <EmptyState
      icon={<LockIcon />}
      title="Sign in to manage this makerspace’s features"
      description={`Features of ${name} are managed by its makerspace admins. Sign in, and you’ll come straight back here.`}
      action={<Button onClick={session.signIn}>Sign in</Button>}
    />
  );
}

function OnlyMakerspaceAdmins({ name }: { name: string }) {
  const { user } = useSession();
  return (
    <EmptyState
      icon={<ShieldIcon />}
      title={`Only admins of ${name} can manage its features`}
      description={
        <>
          {user ? (
            <>
              You’re signed in as{' '}
              <strong className="font-semibold text-ink-900">{user.name}</strong> ({user.email}
              ).{' '}
            </>
          ) : null}
          Ask one of the makerspace’s admins if a feature should be switched on or off.
        </>
      }
    />
  );
}

function FeatureList({ space }: MakerspaceFeaturesProps) {
  const flags = useMakerspaceFlags();
  if (flags.isPending)
    return (
      <div aria-busy="true" className="space-y-4">
        <span className="sr-only">Loading features…</span>
        <Skeleton className="h-52 rounded-2xl" />
        <Skeleton className="h-52 rounded-2xl" />
      </div>
    );
  if (flags.isError) {
    if (flags.error instanceof ApiError && flags.error.status === 403)
      return <OnlyMakerspaceAdmins name={space.name} />;
    return (
      <ServiceErrorState
        error={flags.error}
        subject="the features"
        onRetry={() => void flags.refetch()}
      />
    );
  }
  if (flags.data.length === 0)
    return (
      <EmptyState
        title="No features to manage yet"
        description="MakrX hasn’t made any feature switchable per makerspace."
      />
    );
  return (
    <div className="space-y-4">
      {flags.data.map((flag) => (
        <FeatureCard key={flag.key} flag={flag} space={space} />
      ))}
    </div>
  );
}

/** The makerspace-scoped features of one makerspace, for the people who run it. */
export function MakerspaceFeatures({ space }: MakerspaceFeaturesProps) {
  const access = useMakerspaceAccess(space.slug);
  if (access.status === 'loading')
    return (
      <p role="status" className="py-16 text-center text-ink-600">
        Checking your account…
      </p>
    );
  if (access.status === 'signed-out') return <SignInToManage name={space.name} />;
  if (!access.manageFeatures) return <OnlyMakerspaceAdmins name={space.name} />;
  return <FeatureList space={space} />;
}
