import { Card, CheckIcon, Skeleton } from '@makrx/ui';
import { Link } from 'react-router-dom';
import { useMyAchievements } from '../api';

const earnedFormat = new Intl.DateTimeFormat('en', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

/** The signed-in maker's milestones, as their MakrX.org profile shows them. */
export function AchievementsCard({ profileUrl }: { profileUrl: string }) {
  const achievements = useMyAchievements();
  const items = [...(achievements.data?.items ?? [])].reverse();
  return (
    <Card className="p-5">
      <h2 className="text-base font-semibold text-ink-950">Your achievements</h2>
      {achievements.isPending ? (
        <div aria-busy="true" className="mt-3 space-y-2">
          <Skeleton className="h-5 w-48" />
          <Skeleton className="h-5 w-40" />
        </div>
      ) : achievements.isError ? (
        <p className="mt-2 text-sm text-ink-600">Your achievements could not be loaded just now.</p>
      ) : items.length === 0 ? (
        <p className="mt-2 text-sm text-ink-600">
          Book a machine, pass a training or complete a project: each milestone shows here and on
          your MakrX.org profile.
        </p>
      ) : (
        <ul className="mt-3 space-y-2">
          {items.slice(0, 6).map((item) => (
            <li key={item.key} className="flex items-start gap-2.5 text-sm">
              <CheckIcon className="mt-0.5 size-4 shrink-0 text-accent-600" />
              <span>
                {item.project ? (
                  <Link
                    to={`/projects/${encodeURIComponent(item.project.slug)}`}
                    className="font-medium text-ink-900 hover:underline"
                  >
                    {item.title}
                  </Link>
                ) : (
                  <span className="font-medium text-ink-900">{item.title}</span>
                )}
                <span className="block text-xs text-ink-500">
                  {earnedFormat.format(new Date(item.earnedAt))}
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
      <a
        href={profileUrl}
        className="mt-4 inline-block text-sm font-medium text-accent-700 hover:underline"
      >
        See your MakrX.org profile
      </a>
    </Card>
  );
}
