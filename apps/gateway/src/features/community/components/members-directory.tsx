import type { CommunityMembers } from '@makrx/contracts';
import { Avatar, Badge, Card, LockIcon } from '@makrx/ui';
import { Link } from 'react-router-dom';
import { roleLabels } from '../presentation';

const joined = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric' });

/** A makerspace's members with public profiles; the private ones counted, never named. */
export function MembersDirectory({ directory }: { directory: CommunityMembers }) {
  const { items, privateMembers } = directory;
  return (
    <>
      <p className="mb-6 text-sm text-ink-600" aria-live="polite">
        {items.length} {items.length === 1 ? 'member' : 'members'} with a public profile
      </p>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {items.map((member) => (
          <li key={member.userId}>
            <Card interactive className="flex h-full flex-col p-5">
              <div className="flex items-start gap-3">
                <Avatar name={member.displayName} size="md" />
                <div className="min-w-0">
                  <h2 className="text-base font-semibold text-ink-950">
                    <Link
                      to={`/makers/${member.handle}`}
                      className="rounded-sm after:absolute after:inset-0 after:rounded-2xl focus-visible:outline-none"
                    >
                      {member.displayName}
                    </Link>
                  </h2>
                  <p className="text-sm text-ink-600">{member.headline || `@${member.handle}`}</p>
                </div>
              </div>
              <div className="mt-auto flex flex-wrap items-center gap-2 pt-4">
                {roleLabels(member.roles).map((label) => (
                  <Badge key={label} tone={label === 'Member' ? 'neutral' : 'accent'}>
                    {label}
                  </Badge>
                ))}
                <span className="text-xs text-ink-500">
                  since {joined.format(new Date(member.joinedAt))}
                </span>
              </div>
            </Card>
          </li>
        ))}
      </ul>
      {privateMembers > 0 ? (
        <p className="mt-6 flex items-center gap-2 text-sm text-ink-600">
          <LockIcon className="size-4 text-ink-500" />
          {privateMembers === 1
            ? 'One more member keeps their profile private.'
            : `${privateMembers} more members keep their profiles private.`}
        </p>
      ) : null}
    </>
  );
}
