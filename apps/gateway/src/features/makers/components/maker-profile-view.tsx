import type { MakerProfile } from '@makrx/contracts';
import {
  Avatar,
  Badge,
  buttonClasses,
  CalendarIcon,
  Card,
  CoverArt,
  MapPinIcon,
  SparkIcon,
} from '@makrx/ui';
import { FollowMakerButton } from '../../community/components/follow-maker-button';
import { AchievementList, MakerProjects } from './maker-highlights';
import { SkillList } from './skill-list';

const joinedFormat = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric' });

/** The city of a "City, Country" location; empty when the maker gave none. */
function cityOf(location: string): string {
  return location.split(',')[0]?.trim() ?? '';
}

export interface MakerProfileViewProps {
  maker: MakerProfile;
  /** Where the makerspace directory lives, to suggest spaces in the maker's city. */
  caveUrl: string;
}

export function MakerProfileView({ maker, caveUrl }: MakerProfileViewProps) {
  const city = cityOf(maker.location);
  const firstName = maker.displayName.split(' ')[0] ?? maker.displayName;

  return (
    <article>
      <Card className="overflow-hidden">
        <CoverArt seed={maker.handle} className="h-32 sm:h-44" />
        <div className="px-6 pb-8 sm:px-10">
          <Avatar
            name={maker.displayName}
            size="xl"
            className="relative -mt-12 ring-4 shadow-lift sm:-mt-14"
          />
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
          <p className="mt-2 text-lg text-ink-700">{maker.headline}</p>
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
        <section aria-labelledby="about-heading">
          <h2 id="about-heading" className="text-lg font-semibold text-ink-950">
            About {firstName}
          </h2>
          {maker.bio ? (
            <p className="mt-3 max-w-prose text-base leading-7 text-ink-700">{maker.bio}</p>
          ) : (
            <p className="mt-3 text-sm text-ink-600">
              {firstName} hasn’t written about themselves yet.
            </p>
          )}
          <h2 className="mt-10 text-lg font-semibold text-ink-950">Skills</h2>
          <div className="mt-3">
            {maker.skills.length > 0 ? (
              <SkillList skills={maker.skills} />
            ) : (
              <p className="text-sm text-ink-600">{firstName} hasn’t listed any skills yet.</p>
            )}
          </div>
          <div className="mt-10">
            <MakerProjects maker={maker} caveUrl={caveUrl} />
          </div>
        </section>

        <aside aria-labelledby="nearby-heading" data-portal="cave" className="space-y-6">
          <Card className="p-6">
            <AchievementList maker={maker} />
          </Card>
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
