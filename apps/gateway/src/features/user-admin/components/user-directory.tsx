import { ApiError, ServiceErrorState, useSession } from '@makrx/spa-kit';
import {
  Button,
  buttonClasses,
  cx,
  EmptyState,
  Pagination,
  SearchIcon,
  UsersIcon,
} from '@makrx/ui';
import { Link } from 'react-router-dom';
import { useAdminUsers } from '../api';
import { makerspacesMissing } from '../roles';
import { OnlySuperAdmins, SignInToManageUsers } from './access-states';
import { UserTable } from './user-table';
import { UserTableSkeleton } from './user-table-skeleton';

export interface UserDirectoryProps {
  query: string;
  page: number;
  hrefForPage: (page: number) => string;
  onClearSearch: () => void;
}

const countOf = (total: number) => `${total} ${total === 1 ? 'user' : 'users'}`;

function summaryOf(query: string, total: number, page: number, totalPages: number): string {
  if (total === 0) return query ? `No users match “${query}”` : 'No users';
  const found = query
    ? `${countOf(total)} ${total === 1 ? 'matches' : 'match'} “${query}”`
    : countOf(total);
  return totalPages > 1 ? `${found} · page ${page} of ${totalPages}` : found;
}

function NoUsers({ query, page, hrefForPage, onClearSearch }: UserDirectoryProps) {
  if (page > 1) {
    return (
      <EmptyState
        icon={<UsersIcon />}
        title="No users on this page"
        description="This page is past the end of the list."
        action={
          <Link to={hrefForPage(1)} className={buttonClasses({ variant: 'secondary' })}>
            Go to the first page
          </Link>
        }
      />
    );
  }
  if (!query) return <EmptyState icon={<UsersIcon />} title="No users yet" />;
  return (
    <EmptyState
      icon={<SearchIcon />}
      title={`No users match “${query}”`}
      description="Try part of a name, an email address or a username."
      action={
        <Button variant="secondary" onClick={onClearSearch}>
          Clear search
        </Button>
      }
    />
  );
}

function DirectoryContent({
  users,
  ...props
}: UserDirectoryProps & { users: ReturnType<typeof useAdminUsers> }) {
  const session = useSession();
  if (users.isPending) return <UserTableSkeleton />;
  if (users.isError) {
    const { error } = users;
    if (error instanceof ApiError && error.status === 401) {
      return <SignInToManageUsers titleAs="h2" onSignIn={session.signIn} />;
    }
    if (error instanceof ApiError && error.status === 403) {
      return <OnlySuperAdmins titleAs="h2" user={session.user} />;
    }
    return <ServiceErrorState error={error} subject="users" onRetry={() => void users.refetch()} />;
  }
  const { items, total, totalPages } = users.data;
  if (items.length === 0) return <NoUsers {...props} />;
  return (
    <>
      {makerspacesMissing(items) ? (
        <p
          role="note"
          className="mb-4 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200 ring-inset"
        >
          Makerspace roles could not be loaded from MakrCave just now; reload the page to try again.
        </p>
      ) : null}
      <UserTable
        users={items}
        caption={`Users: ${summaryOf(props.query, total, props.page, totalPages)}`}
        now={new Date(users.dataUpdatedAt)}
        selfEmail={session.user?.email}
        stale={users.isPlaceholderData}
      />
      <Pagination
        className="mt-8"
        page={props.page}
        totalPages={totalPages}
        hrefFor={props.hrefForPage}
        label="User list pages"
      />
    </>
  );
}

export function UserDirectory(props: UserDirectoryProps) {
  const users = useAdminUsers(props.query, props.page);
  const found = users.data;
  const summary = found
    ? summaryOf(props.query, found.total, props.page, found.totalPages)
    : users.isPending
      ? 'Loading users…'
      : '';
  return (
    <>
      {/* One live region for the whole list, so every new result is announced. */}
      <p
        role="status"
        className={cx('mb-4 text-sm text-ink-600', !found?.items.length && 'sr-only')}
      >
        {summary}
      </p>
      <DirectoryContent users={users} {...props} />
    </>
  );
}
