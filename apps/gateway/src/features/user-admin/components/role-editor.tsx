import type { AssignableRole, AdminUser } from '@makrx/contracts';
import { useSession } from '@makrx/spa-kit';
import { Button } from '@makrx/ui';
import { useId, useRef, useState } from 'react';
import { rolesManagedBy } from '../access';
import { useRoleChange } from '../api';
import { isAssignableRole, roleLabel, rolesLacking, sortRoles } from '../roles';
import { RoleChip } from './role-chip';

/** A user's global roles as chips, each removable, and a picker for the roles they lack. */
export function RoleEditor({ user }: { user: AdminUser }) {
  const change = useRoleChange();
  const [picked, setPicked] = useState<AssignableRole | ''>('');
  const [announcement, setAnnouncement] = useState('');
  const picker = useRef<HTMLSelectElement>(null);
  const pickerId = useId();
  const name = user.displayName;
  const managed = rolesManagedBy(useSession().user);
  const lacking = rolesLacking(user.roles).filter((role) => managed.includes(role));

  const changeRole = (role: AssignableRole, grant: boolean) => {
    if (change.isPending) return;
    setAnnouncement('');
    change.mutate(
      { userId: user.id, role, grant },
      {
        onSuccess: () => {
          setAnnouncement(
            grant
              ? `${name} is now ${roleLabel(role)}.`
              : `${roleLabel(role)} removed from ${name}.`,
          );
          if (grant) setPicked('');
          // The chip's own button is gone; keep focus in this row rather than on the page.
          else picker.current?.focus();
        },
      },
    );
  };

  return (
    <div className="space-y-2">
      {user.roles.length > 0 ? (
        <ul className="flex flex-wrap gap-1.5" aria-label={`Global roles of ${name}`}>
          {sortRoles(user.roles).map((role) => (
            <li key={role}>
              <RoleChip
                role={role}
                userName={name}
                onRemove={
                  isAssignableRole(role) && managed.includes(role)
                    ? () => changeRole(role, false)
                    : undefined
                }
              />
            </li>
          ))}
        </ul>
      ) : (
        <p className="sr-only">No global roles</p>
      )}

      {lacking.length > 0 ? (
        <form
          className="flex gap-1.5"
          onSubmit={(event) => {
            event.preventDefault();
            if (picked) changeRole(picked, true);
          }}
        >
          <label htmlFor={pickerId} className="sr-only">
            Role to give {name}
          </label>
          <select
            ref={picker}
            id={pickerId}
            value={picked}
            onChange={(event) => setPicked(event.target.value as AssignableRole | '')}
            className="h-8 w-32 rounded-lg lg:w-36 border border-ink-300 bg-white px-2 text-sm text-ink-900 shadow-sm"
          >
            <option value="" disabled>
              Add a role…
            </option>
            {lacking.map((role) => (
              <option key={role} value={role}>
                {roleLabel(role)}
              </option>
            ))}
          </select>
          <Button
            type="submit"
            size="sm"
            variant="secondary"
            aria-disabled={!picked || change.isPending || undefined}
          >
            {change.isPending && change.variables.grant ? 'Adding…' : 'Add'}
            <span className="sr-only"> role to {name}</span>
          </Button>
        </form>
      ) : null}

      {change.isError ? (
        <p role="alert" className="text-sm text-red-700">
          Couldn’t {change.variables.grant ? 'add' : 'remove'} {roleLabel(change.variables.role)}:{' '}
          {change.error.message}
        </p>
      ) : null}
      <p role="status" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
