import type { FeedItem } from '@makrx/contracts';

/** What happened, as the feed says it after the maker's name. */
export function activityVerb(item: Pick<FeedItem, 'kind'>): string {
  switch (item.kind) {
    case 'project.published':
      return 'shared a new project';
    case 'project.completed':
      return 'completed a project';
    case 'achievement.earned':
      return 'earned an achievement';
  }
}

/** Why the item is in the reader's feed, when it is not simply a maker they follow. */
export function activityReason(item: Pick<FeedItem, 'via' | 'makerspace'>): string | null {
  if (item.via === 'makerspace' && item.makerspace?.name)
    return `At ${item.makerspace.name}, which you follow`;
  if (item.makerspace?.name) return `At ${item.makerspace.name}`;
  return null;
}

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** "3 hours ago", "yesterday", "just now": how long ago `iso` was, seen from `now`. */
export function timeAgo(iso: string, now: Date = new Date()): string {
  const seconds = Math.round((new Date(iso).getTime() - now.getTime()) / 1000);
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return 'just now';
}

/** "12 followers", "1 follower", "No followers yet". */
export function followerCount(count: number): string {
  if (count === 0) return 'No followers yet';
  return `${count} ${count === 1 ? 'follower' : 'followers'}`;
}

/** The full link of a MakrCave page the feed names by its path (`/projects/<slug>`). */
export function caveLink(caveUrl: string, link: string | null): string | null {
  if (!link?.startsWith('/')) return null;
  return `${caveUrl.replace(/\/$/, '')}${link}`;
}

const roleNames = {
  makerspace_admin: 'Admin',
  service_provider: 'Service provider',
  member: 'Member',
} as const;

/** A member's roles in words, the most responsible first. */
export function roleLabels(roles: readonly (keyof typeof roleNames)[]): string[] {
  const order = Object.keys(roleNames) as (keyof typeof roleNames)[];
  return order.filter((role) => roles.includes(role)).map((role) => roleNames[role]);
}
