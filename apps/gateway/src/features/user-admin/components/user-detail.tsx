import type { AdminUserDetail } from '@makrx/contracts';
import { ApiError, ServiceErrorState } from '@makrx/spa-kit';
import { Avatar, Badge, buttonClasses, EmptyState, Skeleton } from '@makrx/ui';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useAdminUserDetail } from '../api';
import { makerspaceRoleLabels } from '../roles';
import { formatDateTime } from '../time-labels';
import { AccountStatusBadge } from './account-status-badge';
import { LastSignIn } from './last-sign-in';
import { LockControl } from './lock-control';
import { RoleEditor } from './role-editor';

function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section
      aria-label={title}
      className="rounded-2xl border border-ink-200 bg-white p-5 shadow-card sm:p-6"
    >
      <h2 className="text-base font-semibold text-ink-950">{title}</h2>
      <div className="mt-3">{children}</div>
    </section>
  );
}

function Makerspaces({ detail }: { detail: AdminUserDetail }) {
  if (detail.makerspaces === null)
    return (
      <p className="text-sm text-ink-600">
        MakrCave could not be asked just now; reload the page to try again.
      </p>
    );
  if (detail.makerspaces.length === 0)
    return <p className="text-sm text-ink-600">Not a member of any makerspace.</p>;
  return (
    <ul className="divide-y divide-ink-100">
      {detail.makerspaces.map((membership) => (
        <li key={membership.makerspace.id} className="flex flex-wrap items-center gap-2 py-2">
          <span className="font-medium text-ink-900">{membership.makerspace.name}</span>
          {membership.roles.map((role) => (
            <Badge key={role} tone={role === 'makerspace_admin' ? 'info' : 'neutral'}>
              {makerspaceRoleLabels[role] ?? role}
            </Badge>
          ))}
        </li>
      ))}
    </ul>
  );
}

function RecentActivity({ detail }: { detail: AdminUserDetail }) {
  if (detail.recentActivity.length === 0)
    return <p className="text-sm text-ink-600">Nothing recorded yet.</p>;
  return (
    <ol className="space-y-2">
      {detail.recentActivity.map((entry) => (
        <li
          key={entry.id}
          className="rounded-xl bg-ink-50 px-3 py-2 text-sm ring-1 ring-ink-100 ring-inset"
        >
          <span className="font-mono text-xs font-semibold text-ink-900">{entry.action}</span>{' '}
          <span className="text-ink-700">
            {entry.entityName ?? entry.entityType.replace(/_/g, ' ')}
          </span>
          <span className="block text-xs text-ink-600">
            by {entry.actorName ?? (entry.actorId ? 'a removed account' : 'the system')} ·{' '}
            <time dateTime={entry.occurredAt}>{formatDateTime(new Date(entry.occurredAt))}</time>
          </span>
        </li>
      ))}
    </ol>
  );
}

/** One user: who they are, their roles everywhere, their lock, and what happened lately. */
export function UserDetail({ userId, backTo }: { userId: string; backTo: string }) {
  const detail = useAdminUserDetail(userId);
  if (detail.isPending)
    return (
      <div aria-busy="true" className="space-y-4">
        <span className="sr-only">Loading the user…</span>
        <Skeleton className="h-28 rounded-2xl" />
        <Skeleton className="h-40 rounded-2xl" />
      </div>
    );
  if (detail.isError) {
    if (detail.error instanceof ApiError && [400, 404].includes(detail.error.status))
      return (
        <EmptyState
          title="No such user"
          description="The account may have been deleted, or the link is incomplete."
          action={
            <Link to={backTo} className={buttonClasses({ variant: 'secondary' })}>
              All users
            </Link>
          }
        />
      );
    return (
      <ServiceErrorState
        error={detail.error}
        subject="this user"
        onRetry={() => void detail.refetch()}
      />
    );
  }
  const { user } = detail.data;
  const now = new Date(detail.dataUpdatedAt);
  return (
    <div className="space-y-6">
      <Link to={backTo} className="text-sm font-medium text-accent-700 hover:text-accent-800">
        ← All users
      </Link>
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="flex items-start gap-4">
          <Avatar name={user.displayName} size="lg" />
          <div className="min-w-0">
            <h1 className="text-2xl font-semibold text-ink-950">{user.displayName}</h1>
            <p className="wrap-anywhere text-ink-600">{user.email}</p>
            <p className="text-sm text-ink-500">
              {user.username} · joined {formatDateTime(new Date(user.createdAt))}
            </p>
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <AccountStatusBadge lockedUntil={user.lockedUntil} now={now} />
          <LockControl user={user} />
        </div>
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <Panel title="Global roles">
          <RoleEditor user={user} />
          <p className="mt-3 text-sm text-ink-600">
            Last sign-in: <LastSignIn at={user.lastSignInAt} now={now} />
          </p>
        </Panel>
        <Panel title="Makerspaces">
          <Makerspaces detail={detail.data} />
        </Panel>
      </div>
      <Panel title="Recent activity">
        <RecentActivity detail={detail.data} />
      </Panel>
    </div>
  );
}
