import { Button, Card, UsersIcon } from '@makrx/ui';
import { Link } from 'react-router-dom';
import { roleLabels, useAnswerInvitation, useProjectInvitations } from '../api';
import { projectPaths } from '../paths';

/** Invitations to others' projects, waiting for an answer; nothing while there are none. */
export function InvitationsList() {
  const invitations = useProjectInvitations(true);
  const answer = useAnswerInvitation();
  const items = invitations.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="invitations-heading" className="mb-10">
      <h2 id="invitations-heading" className="text-lg font-semibold text-ink-950">
        Invitations
      </h2>
      <ul className="mt-3 space-y-3">
        {items.map((invitation) => (
          <li key={invitation.project.slug}>
            <Card className="flex flex-wrap items-center gap-4 p-4">
              <UsersIcon className="size-5 text-accent-700" aria-hidden="true" />
              <p className="min-w-0 flex-1 text-sm text-ink-800">
                {invitation.invitedBy?.displayName ?? 'A maker'} invited you to{' '}
                <Link
                  to={projectPaths.project(invitation.project.slug)}
                  className="font-semibold text-accent-700 hover:text-accent-900"
                >
                  {invitation.project.title}
                </Link>{' '}
                as {roleLabels[invitation.role].toLowerCase()}.
              </p>
              <div className="flex gap-2">
                <Button
                  size="sm"
                  disabled={answer.isPending}
                  onClick={() => answer.mutate({ slug: invitation.project.slug, accept: true })}
                  aria-label={`Accept the invitation to ${invitation.project.title}`}
                >
                  Accept
                </Button>
                <Button
                  size="sm"
                  variant="secondary"
                  disabled={answer.isPending}
                  onClick={() => answer.mutate({ slug: invitation.project.slug, accept: false })}
                  aria-label={`Decline the invitation to ${invitation.project.title}`}
                >
                  Decline
                </Button>
              </div>
            </Card>
          </li>
        ))}
      </ul>
      {answer.error ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {answer.error.message}
        </p>
      ) : null}
    </section>
  );
}
