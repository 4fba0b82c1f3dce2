import type { AdminUser } from '@makrx/contracts';
import { useSession } from '@makrx/spa-kit';
import { Button, ConfirmDialog, LockIcon, UnlockIcon } from '@makrx/ui';
import { useState } from 'react';
import { canLockAccounts } from '../access';
import { useLockChange } from '../api';

type Intent = 'lock' | 'unlock';

/** Lock or unlock an account (super admins only), each after a confirm step that says what will happen. */
export function LockControl({ user }: { user: AdminUser }) {
  const { user: admin } = useSession();
  return canLockAccounts(admin) ? <AccountLock user={user} /> : null;
}

function AccountLock({ user }: { user: AdminUser }) {
  const change = useLockChange();
  // What the open dialog asks, held apart from the user's state, which flips on the refetch
  // just before the dialog closes.
  const [intent, setIntent] = useState<Intent | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const name = user.displayName;
  const locked = user.lockedUntil !== null;

  const confirm = (action: Intent) =>
    change.mutate(
      { userId: user.id, lock: action === 'lock' },
      {
        onSuccess: () => {
          setIntent(null);
          setAnnouncement(
            action === 'lock'
              ? `${name}’s account is locked and signed out everywhere.`
              : `${name}’s account is unlocked.`,
          );
        },
      },
    );

  return (
    <>
      <Button
        size="sm"
        variant="secondary"
        onClick={() => {
          change.reset();
          setAnnouncement('');
          setIntent(locked ? 'unlock' : 'lock');
        }}
      >
        {locked ? <UnlockIcon /> : <LockIcon />}
        {locked ? 'Unlock' : 'Lock'}
        <span className="sr-only"> {name}</span>
      </Button>
      <ConfirmDialog
        open={intent !== null}
        tone={intent === 'lock' ? 'danger' : 'primary'}
        title={intent === 'lock' ? `Lock ${name}’s account?` : `Unlock ${name}’s account?`}
        confirmLabel={intent === 'lock' ? 'Lock account' : 'Unlock account'}
        pendingLabel={intent === 'lock' ? 'Locking…' : 'Unlocking…'}
        pending={change.isPending}
        error={change.error?.message}
        onConfirm={() => intent && confirm(intent)}
        onCancel={() => setIntent(null)}
      >
        {intent === 'lock' ? (
          <>
            {name} ({user.email}) will be{' '}
            <strong className="text-ink-900">signed out everywhere</strong> — MakrX.org, MakrCave
            and MakrX.Store — right away, and can’t sign in again until an administrator unlocks the
            account.
          </>
        ) : (
          <>
            {name} ({user.email}) will be able to sign in again straight away, and any failed
            sign-ins are forgotten.
          </>
        )}
      </ConfirmDialog>
      <p role="status" className="sr-only">
        {announcement}
      </p>
    </>
  );
}
