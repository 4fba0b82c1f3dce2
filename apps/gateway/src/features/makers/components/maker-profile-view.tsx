import type { MakerProfile, MakerProfileDetail } from '@makrx/contracts';
import {
  Badge,
  buttonClasses,
  CalendarIcon,
  Card,
  CoverArt,
  LightbulbIcon,
  MapPinIcon,
  SparkIcon,
} from '@makrx/ui';
import { FollowMakerButton } from '../../community/components/follow-maker-button';
import { Link } from 'react-router-dom';
import { useMakerProjects } from '../api';
import { useOwnHandle } from '../own-profile-api';
import { firstNameOf, hasSharedNothing, linkDisplay } from '../presentation';
import { MakerAvatar } from './maker-avatar';
import { MakerMakerspaces } from './maker-makerspaces';
import { AchievementList, MakerProjects } from './maker-highlights';
import { SharedPurchases } from './shared-purchases';
import { SkillList } from './skill-list';

const joinedFormat = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric' });

/** The edit page's path, where the account menu also leads. */
export const editProfilePath = '/account/profile';

/** The city of a "City, Country" location; empty when the maker gave none. */
function cityOf(location: string): string {
  return location.split(',')[0]?.trim() ?? '';
}

export interface MakerProfileViewProps {
  /** The profile; its makerspaces are null when MakrCave did not answer (none are shown then). */
  maker: MakerProfileDetail;
  /** Where the makerspace directory lives, to suggest spaces in the maker's city. */
  caveUrl: string;
}

function MakerLinks({ maker }: { maker: MakerProfile }) {
  return (
    <section aria-labelledby="links-heading">
      <h2 id="links-heading" className="text-lg font-semibold text-ink-950">
        Links
      </h2>
      <ul className="mt-3 space-y-2">
        {maker.links.map((link) => (
          <li key={link.url} className="text-sm">
            <a
              href={link.url}
              rel="nofollow ugc noopener noreferrer"
              target="_blank"
              className="rounded-sm font-semibold text-accent-700 underline underline-offset-2 hover:text-accent-900"
            >
              {link.label}
            </a>
            <span className="ml-2 wrap-anywhere text-ink-500">{linkDisplay(link.url)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A profile with nothing of the maker's own in it reads as one sentence, not empty headings. */
function NothingShared({ firstName, isOwner }: { firstName: string; isOwner: boolean }) {
  return (
    <div className="flex items-start gap-3 rounded-2xl border border-dashed border-ink-300 bg-ink-50/60 p-6 text-ink-700">
      <LightbulbIcon className="mt-0.5 size-5 shrink-0 text-ink-400" />
      <div>
        <p className="font-medium text-ink-900">
          {isOwner
            ? 'You haven’t shared anything yet.'
            : `${firstName} hasn’t shared anything yet.`}
        </p>
        <p className="mt-1 text-sm">
          {isOwner
            ? 'Add a few words about what you make, your skills and where to find your work.'
            : `When ${firstName} writes about their work or shares a project, it will show up here.`}
        </p>
        {isOwner ? (
          <Link to={editProfilePath} className={buttonClasses({ className: 'mt-4' })}>
            Edit profile
          </Link>
        ) : null}
      </div>
    </div>
  );
}

export function MakerProfileView({ maker, caveUrl }: MakerProfileViewProps) {
  const city = cityOf(maker.location);
  const firstName = firstNameOf(maker.displayName);
  const isOwner = useOwnHandle() === maker.handle;
  const projects = useMakerProjects(maker.userId);
  const hasProjects = maker.featuredProjects.length > 0 || (projects.data?.items.length ?? 0) > 0;
  const nothing = hasSharedNothing(maker) && !projects.isPending && !hasProjects;

  return (
    <article>
      <Card className="overflow-hidden">
        <CoverArt seed={maker.handle} className="h-32 sm:h-44" />
        <div className="px-6 pb-8 sm:px-10">
          <div className="flex items-end justify-between gap-4">
            <MakerAvatar
              name={maker.displayName}
              avatar={maker.avatar}
              size="xl"
              className="relative -mt-12 ring-4 ring-white shadow-lift sm:-mt-14"
            />
            {isOwner ? (
              <Link to={editProfilePath} className={buttonClasses({ variant: 'secondary' })}>
                Edit profile
              </Link>
            ) : null}
          </div>
          <div className="mt-4 flex flex-wrap items-center gap-x-3 gap-y-2">
            <h1 className="text-3xl font-bold tracking-tight text-ink-950 sm:text-4xl">
              {maker.displayName}
            </h1>
            {maker.featured ? (
              <Badge tone="accent">
                <SparkIcon className="size-3.5" />
                Featured maker
              </Badge>
            ) : null}
          </div>
          {maker.headline ? <p className="mt-2 text-lg text-ink-700">{maker.headline}</p> : null}
          <div className="mt-4">
            <FollowMakerButton handle={maker.handle} displayName={maker.displayName} />
          </div>
          <dl className="mt-4 flex flex-wrap gap-x-6 gap-y-2 text-sm text-ink-600">
            {maker.location ? (
              <div className="flex items-center gap-1.5">
                <dt>
                  <MapPinIcon className="size-4 text-ink-500" />
                  <span className="sr-only">Location</span>
                </dt>
                <dd>{maker.location}</dd>
              </div>
            ) : null}
            <div className="flex items-center gap-1.5">
              <dt>
                <CalendarIcon className="size-4 text-ink-500" />
                <span className="sr-only">Member since</span>
              </dt>
              <dd>
                Joined{' '}
                <time dateTime={maker.joinedAt}>
                  {joinedFormat.format(new Date(maker.joinedAt))}
                </time>
              </dd>
            </div>
            <div className="flex items-center gap-1.5">
              <dt className="sr-only">Handle</dt>
              <dd className="font-mono text-ink-600">@{maker.handle}</dd>
            </div>
          </dl>
        </div>
      </Card>

      <div className="mt-8 grid gap-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="space-y-10">
          {nothing ? <NothingShared firstName={firstName} isOwner={isOwner} /> : null}
          {maker.bio ? (
            <section aria-labelledby="about-heading">
              <h2 id="about-heading" className="text-lg font-semibold text-ink-950">
                About {firstName}
              </h2>
              <div
                className="prose-bio mt-3 max-w-prose space-y-3 text-base leading-7 text-ink-700 [&_a]:font-semibold [&_a]:text-accent-700 [&_a]:underline [&_blockquote]:border-l-4 [&_blockquote]:border-ink-200 [&_blockquote]:pl-4 [&_code]:rounded [&_code]:bg-ink-100 [&_code]:px-1 [&_ol]:list-decimal [&_ol]:pl-6 [&_ul]:list-disc [&_ul]:pl-6"
                // Rendered from Markdown and sanitized by the service (profiles/bio.ts).
                dangerouslySetInnerHTML={{ __html: maker.bioHtml }}
              />
            </section>
          ) : null}
          {maker.skills.length > 0 ? (
            <section aria-labelledby="skills-heading">
              <h2 id="skills-heading" className="text-lg font-semibold text-ink-950">
                Skills
              </h2>
              <div className="mt-3">
                <SkillList skills={maker.skills} />
              </div>
            </section>
          ) : null}
          {maker.links.length > 0 ? <MakerLinks maker={maker} /> : null}
          {hasProjects || projects.isPending ? (
            <MakerProjects maker={maker} caveUrl={caveUrl} />
          ) : null}
        </div>

        <aside aria-labelledby="nearby-heading" data-portal="cave" className="space-y-6">
          {maker.makerspaces?.length ? (
            <Card className="p-6">
              <MakerMakerspaces makerspaces={maker.makerspaces} caveUrl={caveUrl} />
            </Card>
          ) : null}
          {maker.achievements.length > 0 ? (
            <Card className="p-6">
              <AchievementList maker={maker} />
            </Card>
          ) : null}
          <SharedPurchases handle={maker.handle} firstName={firstName} />
          <Card className="bg-gradient-to-br from-accent-50 to-white p-6">
            <h2 id="nearby-heading" className="text-base font-semibold text-ink-950">
              {city ? `Make near ${city}` : 'Make something yourself'}
            </h2>
            <p className="mt-2 text-sm leading-6 text-ink-700">
              {city
                ? `Find makerspaces in ${city} with the machines ${firstName} works with, and book time on them in MakrCave.`
                : `Find a makerspace with the machines ${firstName} works with, and book time on them in MakrCave.`}
            </p>
            <a
              href={city ? `${caveUrl}/?city=${encodeURIComponent(city)}` : `${caveUrl}/`}
              className={buttonClasses({ className: 'mt-5 w-full' })}
            >
              {city ? `Makerspaces in ${city}` : 'Find a makerspace'}
            </a>
          </Card>
        </aside>
      </div>
    </article>
  );
}
