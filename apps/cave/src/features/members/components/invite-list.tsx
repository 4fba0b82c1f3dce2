import type { MakerspaceInvite } from '@makrx/contracts';
import { Badge, Button, ConfirmDialog } from '@makrx/ui';
import { useState } from 'react';
import { roleLabels } from '../../memberships/roles';
import { useInviteActions } from '../api';
import { expiryText, inviteStatusDisplay, isOpenInvite } from '../presentation';

function InviteRow({
  invite,
  makerspaceId,
  now,
}: {
  invite: MakerspaceInvite;
  makerspaceId: string;
  now: Date;
}) {
  const { resend, revoke } = useInviteActions(makerspaceId);
  const [confirmRevoke, setConfirmRevoke] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const status = inviteStatusDisplay[invite.status];
  const open = isOpenInvite(invite);
  return (
    <li className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between sm:px-5">
      <div className="min-w-0">
        <p className="truncate font-medium text-ink-950">{invite.email}</p>
        <p className="mt-0.5 flex flex-wrap items-center gap-2 text-sm text-ink-600">
          <span>{roleLabels[invite.role]}</span>
          <Badge tone={status.tone}>{status.label}</Badge>
          {invite.status === 'pending' ? <span>{expiryText(invite.expiresAt, now)}</span> : null}
        </p>
        {resend.isError ? (
          <p role="alert" className="mt-1 text-sm text-red-700">
            {resend.error.message}
          </p>
        ) : null}
        <p role="status" className="sr-only">
          {announcement}
        </p>
      </div>
      {open ? (
        <div className="flex shrink-0 gap-2">
          <Button
            size="sm"
            variant="secondary"
            disabled={resend.isPending}
            onClick={() =>
              resend.mutate(invite.id, {
                onSuccess: () =>
                  setAnnouncement(`A new invite link was mailed to ${invite.email}.`),
              })
            }
          >
            {resend.isPending ? 'Sending…' : 'Resend'}
            <span className="sr-only"> the invite to {invite.email}</span>
          </Button>
          <Button
            size="sm"
            variant="ghost"
            onClick={() => {
              revoke.reset();
              setConfirmRevoke(true);
            }}
          >
            Revoke<span className="sr-only"> the invite to {invite.email}</span>
          </Button>
        </div>
      ) : null}
      <ConfirmDialog
        open={confirmRevoke}
        tone="danger"
        title={`Revoke the invite to ${invite.email}?`}
        confirmLabel="Revoke invite"
        pendingLabel="Revoking…"
        pending={revoke.isPending}
        error={revoke.error?.message}
        onCancel={() => setConfirmRevoke(false)}
        onConfirm={() =>
          revoke.mutate(invite.id, {
            onSuccess: () => {
              setConfirmRevoke(false);
              setAnnouncement(`The invite to ${invite.email} was revoked.`);
            },
          })
        }
      >
        The link stops working at once. You can invite the address again later.
      </ConfirmDialog>
    </li>
  );
}

export function InviteList({
  invites,
  makerspaceId,
  now,
}: {
  invites: MakerspaceInvite[];
  makerspaceId: string;
  now: Date;
}) {
  return (
    <ul
      aria-label="Invites"
      className="divide-y divide-ink-100 rounded-2xl border border-ink-200 bg-white shadow-card"
    >
      {invites.map((invite) => (
        <InviteRow key={invite.id} invite={invite} makerspaceId={makerspaceId} now={now} />
      ))}
    </ul>
  );
}
