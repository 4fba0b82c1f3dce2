import { Badge } from '@makrx/ui';
import { accountStatusOf } from '../account-status';
import { formatDateTime } from '../time-labels';

export function AccountStatusBadge({
  lockedUntil,
  now,
}: {
  lockedUntil: string | null;
  now: Date;
}) {
  const status = accountStatusOf(lockedUntil, now);
  if (status.kind === 'active') {
    return (
      <Badge tone="success" dot>
        Active
      </Badge>
    );
  }
  return (
    <div>
      <Badge tone={status.kind === 'locked-by-admin' ? 'danger' : 'warning'} dot>
        Locked
      </Badge>
      <p className="mt-1.5 text-xs leading-5 text-ink-600">
        {status.kind === 'locked-by-admin' ? (
          'by an administrator'
        ) : (
          <>
            until <time dateTime={status.until.toISOString()}>{formatDateTime(status.until)}</time>,
            after failed sign-ins
          </>
        )}
      </p>
    </div>
  );
}
