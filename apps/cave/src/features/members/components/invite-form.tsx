import { makerspaceRole, type MakerspaceRoleName } from '@makrx/contracts';
import { Button, Card, FormField, inputClasses } from '@makrx/ui';
import { useRef, useState } from 'react';
import { roleLabels } from '../../memberships/roles';
import { useInviteActions } from '../api';

/** Invites an email with a role; the service mails the link, which works once for 24 hours. */
export function InviteForm({ makerspaceId, space }: { makerspaceId: string; space: string }) {
  const { invite } = useInviteActions(makerspaceId);
  const [sent, setSent] = useState('');
  const form = useRef<HTMLFormElement>(null);
  return (
    <Card className="p-5 sm:p-6">
      <h2 id="invite-heading" className="text-lg font-semibold text-ink-950">
        Invite someone
      </h2>
      <p className="mt-1 text-sm text-ink-600">
        {space} is invite-only. The link we mail works once, for 24 hours.
      </p>
      <form
        ref={form}
        aria-labelledby="invite-heading"
        className="mt-4 grid gap-4 sm:grid-cols-[minmax(0,1fr)_12rem_auto] sm:items-end"
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          const email = String(data.get('email') ?? '').trim();
          setSent('');
          invite.mutate(
            { email, role: String(data.get('role')) as MakerspaceRoleName },
            {
              onSuccess: (created) => {
                setSent(`Invite sent to ${created.email}.`);
                form.current?.reset();
              },
            },
          );
        }}
      >
        <FormField label="Email address">
          {(field) => (
            <input
              {...field}
              name="email"
              type="email"
              required
              autoComplete="off"
              maxLength={254}
              placeholder="maker@example.com"
              className={inputClasses}
            />
          )}
        </FormField>
        <FormField label="Role">
          {(field) => (
            <select {...field} name="role" defaultValue="member" className={inputClasses}>
              {makerspaceRole.options.map((role) => (
                <option key={role} value={role}>
                  {roleLabels[role]}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <Button type="submit" disabled={invite.isPending}>
          {invite.isPending ? 'Sending…' : 'Send invite'}
        </Button>
      </form>
      {invite.isError ? (
        <p role="alert" className="mt-3 text-sm text-red-700">
          {invite.error.message}
        </p>
      ) : null}
      <p role="status" className={sent ? 'mt-3 text-sm font-medium text-emerald-800' : 'sr-only'}>
        {sent}
      </p>
    </Card>
  );
}
