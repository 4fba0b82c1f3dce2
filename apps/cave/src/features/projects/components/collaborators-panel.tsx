import type { CollaboratorRole } from '@makrx/contracts';
import { ApiError } from '@makrx/spa-kit';
import { Badge, Button, Card, FormField, inputClasses, Skeleton, UsersIcon } from '@makrx/ui';
import { useCollaboratorActions, useCollaborators } from '../api';

const refusalOf = (error: unknown) =>
  error instanceof ApiError && error.code === 'SERVICE_UNREACHABLE'
    ? 'MakrCave could not be reached, so nothing changed. Try again in a moment.'
    : error instanceof Error
      ? error.message
      : 'That did not work. Try again in a moment.';

const roleOptions: { value: CollaboratorRole; label: string }[] = [
  { value: 'editor', label: 'Editor — changes the project, its photos and parts' },
  { value: 'viewer', label: 'Viewer — sees it, even while it is private' },
];

/** The owner's list of who collaborates on a project: invite by handle, change, remove. */
export function CollaboratorsPanel({ slug }: { slug: string }) {
  const people = useCollaborators(slug);
  const { invite, changeRole, remove } = useCollaboratorActions(slug);
  const failed = invite.error ?? changeRole.error ?? remove.error;
  const busy = invite.isPending || changeRole.isPending || remove.isPending;
  return (
    <section aria-labelledby="collaborators-heading">
      <h2 id="collaborators-heading" className="text-xl font-semibold text-ink-950">
        Collaborators
      </h2>
      <Card className="mt-4 p-5 sm:p-6">
        {people.isPending ? (
          <Skeleton className="h-16" />
        ) : people.isError ? (
          <p role="alert" className="text-sm text-red-700">
            {refusalOf(people.error)}
          </p>
        ) : people.data.items.length === 0 ? (
          <p className="flex items-center gap-2 text-sm text-ink-600">
            <UsersIcon className="size-4 text-ink-500" aria-hidden="true" />
            Just you so far. Invite makers by their MakrX handle.
          </p>
        ) : (
          <ul aria-label="People on this project" className="divide-y divide-ink-100">
            {people.data.items.map((person) => (
              <li key={person.handle} className="flex flex-wrap items-center gap-3 py-3">
                <div className="min-w-0 flex-1">
                  <p className="font-medium text-ink-900">{person.displayName}</p>
                  <p className="text-sm text-ink-600">@{person.handle}</p>
                </div>
                {person.status === 'invited' ? <Badge tone="warning">Invited</Badge> : null}
                <label className="sr-only" htmlFor={`role-${person.handle}`}>
                  Role of {person.displayName}
                </label>
                <div className="w-32">
                  <select
                    id={`role-${person.handle}`}
                    value={person.role}
                    disabled={busy}
                    onChange={(event) =>
                      changeRole.mutate({
                        handle: person.handle,
                        role: event.target.value as CollaboratorRole,
                      })
                    }
                    className={inputClasses}
                  >
                    <option value="editor">Editor</option>
                    <option value="viewer">Viewer</option>
                  </select>
                </div>
                <Button
                  variant="ghost"
                  size="sm"
                  disabled={busy}
                  onClick={() => remove.mutate(person.handle)}
                  aria-label={`Remove ${person.displayName}`}
                >
                  Remove
                </Button>
              </li>
            ))}
          </ul>
        )}
        <form
          aria-label="Invite a collaborator"
          className="mt-5 grid gap-4 border-t border-ink-100 pt-5 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
          onSubmit={(event) => {
            event.preventDefault();
            const form = event.currentTarget;
            const data = new FormData(form);
            invite.mutate(
              {
                handle: String(data.get('handle') ?? '')
                  .trim()
                  .replace(/^@/, ''),
                role: String(data.get('role')) as CollaboratorRole,
              },
              { onSuccess: () => form.reset() },
            );
          }}
        >
          <FormField label="Handle">
            {(field) => (
              <input
                {...field}
                name="handle"
                required
                maxLength={80}
                autoComplete="off"
                autoCapitalize="none"
                spellCheck={false}
                placeholder="ananya-rao"
                className={inputClasses}
              />
            )}
          </FormField>
          <FormField label="Role">
            {(field) => (
              <select {...field} name="role" defaultValue="editor" className={inputClasses}>
                {roleOptions.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <Button type="submit" disabled={busy}>
            Invite
          </Button>
        </form>
        {failed ? (
          <p role="alert" className="mt-3 text-sm text-red-700">
            {refusalOf(failed)}
          </p>
        ) : null}
      </Card>
    </section>
  );
}
