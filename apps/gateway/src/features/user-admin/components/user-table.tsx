import type { AdminUserRow } from '@makrx/contracts';
import { useSession } from '@makrx/spa-kit';
import { cx } from '@makrx/ui';
import type { ReactNode } from 'react';
import { canLockAccounts } from '../access';
import { AccountStatusBadge } from './account-status-badge';
import { LastSignIn } from './last-sign-in';
import { membershipLine } from '../roles';
import { LockControl } from './lock-control';
import { RoleEditor } from './role-editor';
import { UserIdentity } from './user-identity';

const columnHeader =
  'px-3 py-3 lg:px-4 text-left text-xs font-semibold tracking-wide whitespace-nowrap text-ink-600 uppercase';
/** Below md a row is a card, and each cell a labelled line of it. The username column shows only
 * on the widest screens: the makerspaces need its room, and the user's page names it. */
const cellLayout =
  'px-3 py-4 align-top lg:px-4 max-md:flex max-md:gap-4 max-md:border-t max-md:border-ink-100 max-md:px-0 max-md:py-3';

function Cell({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <td className={cx(cellLayout, className)}>
      {/* The column header names the cell for assistive technology; this is the card's copy. */}
      <span
        aria-hidden="true"
        className="w-24 shrink-0 pt-1 text-xs font-medium text-ink-500 md:hidden"
      >
        {label}
      </span>
      <div className="min-w-0 flex-1">{children}</div>
    </td>
  );
}

/** The user's makerspaces and roles there, one line each; a dash when MakrCave was not reached. */
function Makerspaces({ user: { displayName, makerspaces } }: { user: AdminUserRow }) {
  if (makerspaces === null)
    return (
      <span className="text-sm text-ink-500">
        <span aria-hidden="true">—</span>
        <span className="sr-only">Not loaded</span>
      </span>
    );
  if (makerspaces.length === 0) return <span className="text-sm text-ink-500">None</span>;
  return (
    <ul aria-label={`Makerspaces of ${displayName}`} className="space-y-1 text-sm text-ink-800">
      {makerspaces.map((membership) => (
        <li key={membership.makerspace.id} className="wrap-break-word">
          {membershipLine(membership)}
        </li>
      ))}
    </ul>
  );
}

function UserRow({
  user,
  isSelf,
  now,
  mayLock,
}: {
  user: AdminUserRow;
  isSelf: boolean;
  now: Date;
  mayLock: boolean;
}) {
  return (
    <tr className="max-md:block max-md:rounded-2xl max-md:border max-md:border-ink-200 max-md:bg-white max-md:px-4 max-md:pt-4 max-md:pb-1 max-md:shadow-card">
      <th
        scope="row"
        className="px-3 py-4 text-left align-top font-normal max-md:block max-md:p-0 max-md:pb-3 md:min-w-48 lg:min-w-60 lg:px-4"
      >
        <UserIdentity user={user} isSelf={isSelf} />
      </th>
      <Cell label="Username" className="text-sm text-ink-700 md:hidden 2xl:table-cell">
        <span className="wrap-break-word">{user.username}</span>
      </Cell>
      <Cell label="Global roles">
        <RoleEditor user={user} />
      </Cell>
      <Cell label="Makerspaces" className="md:min-w-44">
        <Makerspaces user={user} />
      </Cell>
      <Cell label="Status">
        <AccountStatusBadge lockedUntil={user.lockedUntil} now={now} />
      </Cell>
      <Cell label="Last sign-in" className="text-sm whitespace-nowrap">
        <LastSignIn at={user.lastSignInAt} now={now} />
      </Cell>
      {mayLock ? (
        <Cell label="Account" className="md:text-right">
          <LockControl user={user} />
        </Cell>
      ) : null}
    </tr>
  );
}

export interface UserTableProps {
  users: AdminUserRow[];
  caption: string;
  /** When the list was fetched: "5 minutes ago" counts from here. */
  now: Date;
  /** The signed-in super admin's email, to mark their own row. */
  selfEmail: string | undefined;
  /** Showing the previous results while the next ones load. */
  stale: boolean;
}

export function UserTable({ users, caption, now, selfEmail, stale }: UserTableProps) {
  const isSelf = (user: AdminUserRow) =>
    selfEmail !== undefined && user.email.toLowerCase() === selfEmail.toLowerCase();
  // Locks are the super admin's; a domain admin's table has no column for them.
  const mayLock = canLockAccounts(useSession().user);
  return (
    <div className="md:overflow-hidden md:rounded-2xl md:border md:border-ink-200 md:bg-white md:shadow-card">
      <table
        aria-busy={stale || undefined}
        className={cx(
          'w-full max-md:block',
          stale && 'opacity-60 transition-opacity motion-reduce:transition-none',
        )}
      >
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-ink-200 bg-ink-50 max-md:sr-only">
          <tr>
            <th scope="col" className={columnHeader}>
              User
            </th>
            <th scope="col" className={cx(columnHeader, 'md:hidden 2xl:table-cell')}>
              Username
            </th>
            <th scope="col" className={columnHeader}>
              Global roles
            </th>
            <th scope="col" className={columnHeader}>
              Makerspaces
            </th>
            <th scope="col" className={columnHeader}>
              Status
            </th>
            <th scope="col" className={columnHeader}>
              Last sign-in
            </th>
            {mayLock ? (
              <th scope="col" className={cx(columnHeader, 'text-right')}>
                Account
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="max-md:block max-md:space-y-4 md:divide-y md:divide-ink-100">
          {users.map((user) => (
            <UserRow key={user.id} user={user} isSelf={isSelf(user)} now={now} mayLock={mayLock} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
