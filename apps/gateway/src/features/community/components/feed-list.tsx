import type { FeedItem } from '@makrx/contracts';
import { useRuntimeConfig } from '@makrx/spa-kit';
import {
  ArrowUpRightIcon,
  Avatar,
  Badge,
  Card,
  CheckIcon,
  LightbulbIcon,
  SparkIcon,
} from '@makrx/ui';
import { Link } from 'react-router-dom';
import { activityReason, activityVerb, caveLink, timeAgo } from '../presentation';

const kindIcons = {
  'project.published': <LightbulbIcon className="size-3.5" />,
  'project.completed': <CheckIcon className="size-3.5" />,
  'achievement.earned': <SparkIcon className="size-3.5" />,
};

const kindLabels = {
  'project.published': 'New project',
  'project.completed': 'Completed',
  'achievement.earned': 'Achievement',
};

function FeedEntry({ item }: { item: FeedItem }) {
  const { caveUrl } = useRuntimeConfig();
  const href = caveLink(caveUrl, item.link);
  const reason = activityReason(item);
  return (
    <li>
      <Card className="p-5 sm:p-6">
        <article aria-label={`${item.maker.displayName} ${activityVerb(item)}: ${item.title}`}>
          <div className="flex items-start gap-3">
            <Avatar name={item.maker.displayName} size="sm" />
            <div className="min-w-0 flex-1">
              <p className="text-sm text-ink-700">
                <Link
                  to={`/makers/${item.maker.handle}`}
                  className="font-semibold text-ink-950 hover:underline"
                >
                  {item.maker.displayName}
                </Link>{' '}
                {activityVerb(item)}
              </p>
              <p className="mt-0.5 text-xs text-ink-500">
                <time dateTime={item.occurredAt}>{timeAgo(item.occurredAt)}</time>
                {reason ? <> · {reason}</> : null}
              </p>
            </div>
            <Badge tone={item.kind === 'project.published' ? 'accent' : 'neutral'}>
              {kindIcons[item.kind]}
              {kindLabels[item.kind]}
            </Badge>
          </div>
          <div className="mt-4 sm:pl-11">
            <h3 className="text-base font-semibold break-words text-ink-950">
              {href ? (
                <a href={href} className="inline-flex items-center gap-1 hover:underline">
                  {item.title}
                  <ArrowUpRightIcon className="size-4 shrink-0 text-ink-500" />
                </a>
              ) : (
                item.title
              )}
            </h3>
            {item.summary ? (
              <p className="mt-1 text-sm leading-6 break-words text-ink-700">{item.summary}</p>
            ) : null}
          </div>
        </article>
      </Card>
    </li>
  );
}

export function FeedList({ items }: { items: FeedItem[] }) {
  return (
    <ul className="space-y-4" aria-label="Activity of makers and makerspaces you follow">
      {items.map((item) => (
        <FeedEntry key={item.id} item={item} />
      ))}
    </ul>
  );
}
