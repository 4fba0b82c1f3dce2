import type { MakerspaceMembership } from '@makrx/contracts';
import { Badge, BuildingIcon, buttonClasses, Card, CoverArt, Skeleton } from '@makrx/ui';
import { Link } from 'react-router-dom';
import { paths } from '../../../paths';
import { abilitiesOf, leadingRole, roleLabels } from '../roles';

function MakerspaceLinks({ membership }: { membership: MakerspaceMembership }) {
  const { slug, name } = membership.makerspace;
  const abilities = abilitiesOf([], membership.roles);
  const links = [
    { href: paths.equipment(slug), label: 'Equipment' },
    ...(abilities.manageMembers ? [{ href: paths.members(slug), label: 'Members' }] : []),
  ];
  return (
    <ul className="mt-4 flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label={`${name} sections`}>
      {links.map((link) => (
        <li key={link.href}>
          <Link
            to={link.href}
            className="relative z-10 font-medium text-accent-700 hover:text-accent-900"
          >
            {link.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}

function MembershipCard({ membership }: { membership: MakerspaceMembership }) {
  const { slug, name } = membership.makerspace;
  const role = leadingRole(membership.roles);
  return (
    <Card interactive className="flex h-full overflow-hidden">
      <CoverArt seed={slug} icon={<BuildingIcon />} className="w-20 shrink-0 sm:w-24" />
      <div className="min-w-0 flex-1 p-4 sm:p-5">
        {role ? (
          <Badge tone={role === 'member' ? 'neutral' : 'accent'}>
            <span className="sr-only">Your role: </span>
            {roleLabels[role]}
          </Badge>
        ) : null}
        <h3 className="mt-2 text-base font-semibold text-ink-950">
          <Link
            to={paths.makerspace(slug)}
            className="after:absolute after:inset-0 after:rounded-2xl focus-visible:outline-none"
          >
            {name}
          </Link>
        </h3>
        <MakerspaceLinks membership={membership} />
      </div>
    </Card>
  );
}

/**
 * The cave's home for people who belong somewhere: their makerspaces and their role in each;
 * with "New makerspace" for those who may open one (`mayOpen`).
 */
export function MyMakerspaces({
  memberships,
  mayOpen = false,
}: {
  memberships: MakerspaceMembership[];
  mayOpen?: boolean;
}) {
  return (
    <section aria-labelledby="my-makerspaces-heading" className="mb-12">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="my-makerspaces-heading" className="text-xl font-semibold text-ink-950">
            My makerspaces
          </h2>
          <p className="mt-1 text-sm text-ink-600">
            Where you belong, and your role in each. Open one to see its machines and book time.
          </p>
        </div>
        {mayOpen ? (
          <Link to={paths.newMakerspace} className={buttonClasses({ variant: 'secondary' })}>
            <BuildingIcon />
            New makerspace
          </Link>
        ) : null}
      </div>
      {memberships.length === 0 ? (
        <p className="mt-5 rounded-2xl border border-dashed border-ink-300 bg-ink-50 p-5 text-sm text-ink-600">
          You run MakrCave but belong to no makerspace yet. Those you open are listed here, with you
          as their admin.
        </p>
      ) : (
        <ul className="mt-5 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {memberships.map((membership) => (
            <li key={membership.makerspace.id}>
              <MembershipCard membership={membership} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function MyMakerspacesSkeleton() {
  return (
    <div aria-busy="true" className="mb-12">
      <span className="sr-only">Loading your makerspaces…</span>
      <Skeleton className="h-6 w-48" />
      <div className="mt-5 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Skeleton className="h-32 rounded-2xl" />
        <Skeleton className="h-32 rounded-2xl" />
      </div>
    </div>
  );
}
