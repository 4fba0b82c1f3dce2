import { Button, Card, ConfirmDialog } from '@makrx/ui';
import { useState } from 'react';
import { useSignOutEverywhere } from '../api';

/** Where the gateway shows itself signed out once its own session has ended. */
const SIGNED_OUT_PATH = '/auth/signed-out';

/**
 * Ends every session, this one included: refresh tokens are revoked (MakrX.org and MakrCave
 * tabs are signed out at their next refresh) and MakrX.Store is told at once.
 */
export function SignOutEverywhere() {
  const everywhere = useSignOutEverywhere();
  const [asking, setAsking] = useState(false);
  return (
    <Card className="flex flex-col gap-4 border-red-200 p-5">
      <div>
        <h2 className="text-base font-semibold text-ink-950">Sign out everywhere</h2>
        <p className="mt-1 text-sm text-ink-700">
          Lost a phone, or signed in on a shared computer? End every session, this one too.
        </p>
      </div>
      <Button variant="danger" className="self-start" onClick={() => setAsking(true)}>
        Sign out everywhere
      </Button>
      <ConfirmDialog
        open={asking}
        title="Sign out everywhere?"
        confirmLabel="Sign out everywhere"
        pendingLabel="Signing out…"
        tone="danger"
        pending={everywhere.isPending}
        error={everywhere.isError ? everywhere.error.message : undefined}
        onCancel={() => {
          everywhere.reset();
          setAsking(false);
        }}
        onConfirm={() =>
          everywhere.mutate(undefined, {
            // A full load: the tab's revoked refresh token then signs it out as well.
            onSuccess: () => window.location.assign(SIGNED_OUT_PATH),
          })
        }
      >
        Every browser signed in to MakrX.org, MakrCave or MakrX.Store with your account is signed
        out, including this one. You will need your password to sign in again.
      </ConfirmDialog>
    </Card>
  );
}
