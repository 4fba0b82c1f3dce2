import { ServiceErrorState } from '@makrx/spa-kit';
import { EmptyState, ShieldIcon, Skeleton } from '@makrx/ui';
import { AccountLayout } from '../../features/account/components/account-layout';
import { useActiveSessions } from '../../features/sessions/api';
import { SessionList } from '../../features/sessions/components/session-list';
import { SignOutEverywhere } from '../../features/sessions/components/sign-out-everywhere';

function Sessions() {
  const sessions = useActiveSessions();
  if (sessions.isPending)
    return (
      <div className="grid gap-3" aria-busy="true">
        <Skeleton className="h-28 w-full" />
        <Skeleton className="h-28 w-full" />
      </div>
    );
  if (sessions.isError)
    return (
      <ServiceErrorState
        error={sessions.error}
        subject="your sessions"
        onRetry={() => void sessions.refetch()}
      />
    );
  if (sessions.data.sessions.length === 0)
    return (
      <EmptyState
        icon={<ShieldIcon />}
        title="No other sessions"
        description="Nothing is signed in with your account right now, apart from this tab."
      />
    );
  return <SessionList sessions={sessions.data.sessions} />;
}

export function AccountSessionsPage() {
  return (
    <AccountLayout
      title="Sessions"
      description="Every browser signed in to MakrX.org, MakrCave or MakrX.Store with your account. Sign out any you do not recognise."
    >
      <div className="grid gap-8 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] lg:items-start">
        <section aria-labelledby="signed-in-sessions">
          <h2 id="signed-in-sessions" className="sr-only">
            Signed-in sessions
          </h2>
          <Sessions />
        </section>
        <SignOutEverywhere />
      </div>
    </AccountLayout>
  );
}
