import type { AdminUser } from '@makrx/contracts';
import { Avatar, Badge } from '@makrx/ui';
import { Link } from 'react-router-dom';

export function UserIdentity({ user, isSelf }: { user: AdminUser; isSelf: boolean }) {
  return (
    <div className="flex items-start gap-3">
      <Avatar name={user.displayName} size="sm" className="mt-0.5" />
      <div className="min-w-0 text-sm">
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1 font-semibold text-ink-950">
          <Link to={`/admin/users/${user.id}`} className="hover:text-accent-700 hover:underline">
            {user.displayName}
          </Link>
          {isSelf ? <Badge tone="accent">You</Badge> : null}
        </p>
        <p className="wrap-anywhere text-ink-600 lg:wrap-break-word">{user.email}</p>
        {/* Between md and lg the username column is left out to make room; it shows here. */}
        <p className="hidden text-ink-500 md:block lg:hidden">{user.username}</p>
        {user.emailVerified ? null : (
          <p className="mt-0.5 text-xs text-amber-800">Email address not verified</p>
        )}
      </div>
    </div>
  );
}
