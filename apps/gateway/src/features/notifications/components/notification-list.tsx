import type { Notification } from '@makrx/contracts';
import { pageFromSearch, ServiceErrorState } from '@makrx/spa-kit';
import { Badge, BellIcon, Button, cx, EmptyState, Pagination, Skeleton } from '@makrx/ui';
import { useSearchParams } from 'react-router-dom';
import { useMarkRead, useNotifications } from '../api';

const appNames: Record<Notification['source'], string> = {
  auth: 'MakrX.org',
  cave: 'MakrCave',
  store: 'MakrX.Store',
};
const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function NotificationItem({ item }: { item: Notification }) {
  const markRead = useMarkRead();
  const unread = item.readAt === null;
  return (
    <li
      className={cx(
        'flex flex-col gap-3 px-4 py-4 sm:flex-row sm:items-start sm:px-5',
        unread && 'bg-accent-50/60',
      )}
    >
      <span
        aria-hidden="true"
        className={cx(
          'mt-2 hidden size-2 shrink-0 rounded-full sm:block',
          unread ? 'bg-accent-600' : 'bg-ink-200',
        )}
      />
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-center gap-2">
          <span className={cx('text-ink-950', unread ? 'font-semibold' : 'font-medium')}>
            {item.link ? (
              <a href={item.link} className="hover:underline">
                {item.title}
              </a>
            ) : (
              item.title
            )}
          </span>
          <Badge tone="neutral">{appNames[item.source]}</Badge>
          {unread ? <Badge tone="accent">Unread</Badge> : null}
        </p>
        {item.body ? <p className="mt-1 text-sm text-ink-700">{item.body}</p> : null}
        <p className="mt-1 text-xs text-ink-600">
          <time dateTime={item.createdAt}>{when.format(new Date(item.createdAt))}</time>
        </p>
      </div>
      {unread ? (
        <Button
          variant="ghost"
          size="sm"
          disabled={markRead.isPending}
          onClick={() => markRead.mutate(item.id)}
          aria-label={`Mark “${item.title}” read`}
        >
          Mark read
        </Button>
      ) : null}
    </li>
  );
}

/** The signed-in user's notifications, newest first, page by page (`?page=`). */
export function NotificationList({ basePath }: { basePath: string }) {
  const [searchParams] = useSearchParams();
  const page = pageFromSearch(searchParams);
  const list = useNotifications(page);
  const markAll = useMarkRead();

  if (list.isPending) return <Skeleton className="h-48 w-full" />;
  if (list.isError)
    return (
      <ServiceErrorState
        error={list.error}
        subject="your notifications"
        onRetry={() => void list.refetch()}
      />
    );
  const { items, totalPages } = list.data;
  if (items.length === 0)
    return (
      <EmptyState
        icon={<BellIcon />}
        title="No notifications yet"
        description="When something happens to your account, your orders or your makerspaces, you’ll find it here."
      />
    );
  return (
    <div className="space-y-4">
      {items.some((item) => item.readAt === null) ? (
        <div className="flex justify-end">
          <Button
            variant="secondary"
            size="sm"
            disabled={markAll.isPending}
            onClick={() => markAll.mutate('all')}
          >
            Mark all read
          </Button>
        </div>
      ) : null}
      <ul className="divide-y divide-ink-100 overflow-hidden rounded-2xl border border-ink-200 bg-white shadow-card">
        {items.map((item) => (
          <NotificationItem key={item.id} item={item} />
        ))}
      </ul>
      <Pagination
        page={page}
        totalPages={totalPages}
        hrefFor={(target) => (target > 1 ? `${basePath}?page=${target}` : basePath)}
        label="Notification pages"
      />
    </div>
  );
}
