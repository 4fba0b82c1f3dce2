import { makerspaceRole, type MakerspaceMember, type MakerspaceRoleName } from '@makrx/contracts';
import { Avatar, Badge, Button, ConfirmDialog, inputClasses } from '@makrx/ui';
import { useId, useState } from 'react';
import { leadingRole, roleLabels } from '../../memberships/roles';
import { useMemberChange, type MemberChange } from '../api';

interface Pending {
  change: MemberChange;
  title: string;
  body: string;
  confirm: string;
  danger?: boolean;
}

function pendingFor(member: MakerspaceMember, change: MemberChange, space: string): Pending {
  const name = member.displayName;
  switch (change.kind) {
    case 'role':
      return {
        change,
        title: `Make ${name} ${change.role === 'makerspace_admin' ? 'an admin' : `a ${roleLabels[change.role].toLowerCase()}`}?`,
        body:
          change.role === 'makerspace_admin'
            ? `${name} will manage ${space}: its members, invites and machines.`
            : `${name} will be a ${roleLabels[change.role].toLowerCase()} of ${space}.`,
        confirm: 'Change role',
      };
    case 'suspend':
      return {
        change,
        title: `Suspend ${name}?`,
        body: `${name} keeps the membership but can do nothing in ${space} until reinstated.`,
        confirm: 'Suspend',
        danger: true,
      };
    case 'reinstate':
      return {
        change,
        title: `Reinstate ${name}?`,
        body: `${name} gets back their role in ${space}.`,
        confirm: 'Reinstate',
      };
    case 'remove':
      return {
        change,
        title: `Remove ${name} from ${space}?`,
        body: `${name} loses access at once. Coming back takes a new invite.`,
        confirm: 'Remove',
        danger: true,
      };
  }
}

function MemberRow({
  member,
  makerspaceId,
  space,
  isSelf,
}: {
  member: MakerspaceMember;
  makerspaceId: string;
  space: string;
  isSelf: boolean;
}) {
  const change = useMemberChange(makerspaceId);
  const [pending, setPending] = useState<Pending | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const roleId = useId();
  const role = leadingRole(member.roles) ?? 'member';
  const suspended = member.status === 'suspended';
  const ask = (next: MemberChange) => {
    change.reset();
    setPending(pendingFor(member, next, space));
  };

  return (
    <li className="grid gap-3 p-4 md:grid-cols-[minmax(0,1fr)_11rem_6.5rem_11rem] md:items-center md:gap-4 md:px-5">
      <div className="flex min-w-0 items-center gap-3">
        <Avatar name={member.displayName} size="sm" />
        <div className="min-w-0">
          <p className="truncate font-semibold text-ink-950">
            {member.displayName}
            {isSelf ? <span className="ml-2 text-xs font-medium text-ink-500">(you)</span> : null}
          </p>
          <p className="truncate text-sm text-ink-600">{member.email}</p>
        </div>
      </div>
      <div>
        <label htmlFor={roleId} className="sr-only">
          Role of {member.displayName}
        </label>
        <select
          id={roleId}
          className={`${inputClasses} h-9`}
          value={role}
          disabled={suspended}
          onChange={(event) =>
            ask({ kind: 'role', role: event.target.value as MakerspaceRoleName })
          }
        >
          {makerspaceRole.options.map((option) => (
            <option key={option} value={option}>
              {roleLabels[option]}
            </option>
          ))}
        </select>
      </div>
      <div className="flex items-center justify-between gap-2 md:contents">
        <div>
          <Badge tone={suspended ? 'warning' : 'success'} dot>
            {suspended ? 'Suspended' : 'Active'}
          </Badge>
        </div>
        <div className="flex flex-wrap gap-1 md:justify-end">
          <Button
            size="sm"
            variant="ghost"
            onClick={() => ask({ kind: suspended ? 'reinstate' : 'suspend' })}
          >
            {suspended ? 'Reinstate' : 'Suspend'}
            <span className="sr-only"> {member.displayName}</span>
          </Button>
          <Button
            size="sm"
            variant="ghost"
            className="text-red-700 hover:bg-red-50 hover:text-red-800"
            onClick={() => ask({ kind: 'remove' })}
          >
            Remove<span className="sr-only"> {member.displayName}</span>
          </Button>
        </div>
      </div>
      <p role="status" className="sr-only">
        {announcement}
      </p>
      <ConfirmDialog
        open={pending !== null}
        tone={pending?.danger ? 'danger' : 'primary'}
        title={pending?.title ?? ''}
        confirmLabel={pending?.confirm ?? ''}
        pendingLabel="Saving…"
        pending={change.isPending}
        error={change.error?.message}
        onCancel={() => setPending(null)}
        onConfirm={() => {
          if (!pending) return;
          change.mutate(
            { userId: member.userId, change: pending.change },
            {
              onSuccess: () => {
                setAnnouncement(`${pending.confirm}: done for ${member.displayName}.`);
                setPending(null);
              },
            },
          );
        }}
      >
        {pending?.body}
      </ConfirmDialog>
    </li>
  );
}

export function MemberList({
  members,
  makerspaceId,
  space,
  selfEmail,
}: {
  members: MakerspaceMember[];
  makerspaceId: string;
  space: string;
  selfEmail?: string;
}) {
  return (
    <div className="rounded-2xl border border-ink-200 bg-white shadow-card">
      <div
        aria-hidden="true"
        className="hidden grid-cols-[minmax(0,1fr)_11rem_6.5rem_11rem] gap-4 border-b border-ink-200 bg-ink-50 px-5 py-3 text-xs font-semibold tracking-wide text-ink-600 uppercase md:grid rounded-t-2xl"
      >
        <span>Member</span>
        <span>Role</span>
        <span>Status</span>
        <span className="text-right">Actions</span>
      </div>
      <ul aria-label={`Members of ${space}`} className="divide-y divide-ink-100">
        {members.map((member) => (
          <MemberRow
            key={member.userId}
            member={member}
            makerspaceId={makerspaceId}
            space={space}
            isSelf={member.email === selfEmail}
          />
        ))}
      </ul>
    </div>
  );
}
