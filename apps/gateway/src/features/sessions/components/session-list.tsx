import type { ActiveSession } from '@makrx/contracts';
import { useSession } from '@makrx/spa-kit';
import { Badge, Button, Card, ConfirmDialog } from '@makrx/ui';
import { useState } from 'react';
import { useEndSession } from '../api';
import { appsOf, deviceOf, inDisplayOrder, timeAgo } from '../session-presentation';

function SessionCard({
  session,
  now,
  onSignOut,
}: {
  session: ActiveSession;
  now: Date;
  onSignOut: () => void;
}) {
  const device = deviceOf(session.userAgent);
  const apps = appsOf(session);
  return (
    <Card className="flex flex-col gap-4 p-5 sm:flex-row sm:items-start sm:justify-between">
      <div className="min-w-0">
        <div className="flex flex-wrap items-center gap-2">
          <h3 className="text-base font-semibold text-ink-950">{device.label}</h3>
          {session.current ? (
            <Badge tone="success" dot>
              This device
            </Badge>
          ) : null}
        </div>
        <dl className="mt-2 grid gap-1 text-sm text-ink-700">
          <div className="flex flex-wrap gap-x-1">
            <dt className="text-ink-500">Signed in</dt>
            <dd>
              <time
                dateTime={session.signedInAt}
                title={new Date(session.signedInAt).toLocaleString()}
              >
                {timeAgo(session.signedInAt, now)}
              </time>
            </dd>
            <dt className="text-ink-500">· last active</dt>
            <dd>
              <time
                dateTime={session.lastActiveAt}
                title={new Date(session.lastActiveAt).toLocaleString()}
              >
                {timeAgo(session.lastActiveAt, now)}
              </time>
            </dd>
          </div>
          <div className="flex flex-wrap gap-x-1">
            <dt className="text-ink-500">Network address</dt>
            <dd className="font-mono text-[13px] break-all">
              {session.ipAddress ?? 'not recorded'}
            </dd>
          </div>
          {apps.length > 0 ? (
            <div className="flex flex-wrap gap-x-1">
              <dt className="text-ink-500">Signed in to</dt>
              <dd>{apps.join(', ')}</dd>
            </div>
          ) : null}
        </dl>
      </div>
      <Button variant="secondary" size="sm" className="self-start" onClick={onSignOut}>
        {session.current ? 'Sign out here' : 'Sign out'}
      </Button>
    </Card>
  );
}

/** Each signed-in session, with a way to end it; this device's ends like the header's sign-out. */
export function SessionList({ sessions }: { sessions: ActiveSession[] }) {
  const { signOut } = useSession();
  const endSession = useEndSession();
  const [ending, setEnding] = useState<ActiveSession | undefined>();
  const now = new Date();
  return (
    <>
      <ul className="grid gap-3" aria-label="Signed-in sessions">
        {inDisplayOrder(sessions).map((session) => (
          <li key={session.id}>
            <SessionCard
              session={session}
              now={now}
              onSignOut={() => (session.current ? signOut() : setEnding(session))}
            />
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={ending !== undefined}
        title="Sign out this session?"
        confirmLabel="Sign out"
        pendingLabel="Signing out…"
        tone="danger"
        pending={endSession.isPending}
        error={endSession.isError ? endSession.error.message : undefined}
        onCancel={() => {
          endSession.reset();
          setEnding(undefined);
        }}
        onConfirm={() =>
          endSession.mutate(ending!.id, {
            onSuccess: () => setEnding(undefined),
          })
        }
      >
        {ending
          ? `${deviceOf(ending.userAgent).label} will be signed out of every MakrX app. Whoever uses it will need your password to sign in again.`
          : null}
      </ConfirmDialog>
    </>
  );
}
