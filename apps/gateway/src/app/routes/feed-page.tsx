import { ServiceErrorState, SignedInOnly, useDocumentTitle, useFlag } from '@makrx/spa-kit';
import {
  Button,
  buttonClasses,
  Card,
  Container,
  EmptyState,
  SectionHeader,
  Skeleton,
  UsersIcon,
} from '@makrx/ui';
import { Link } from 'react-router-dom';
import { useFeed } from '../../features/community/api';
import { FeedList } from '../../features/community/components/feed-list';
import { FollowingPanel } from '../../features/community/components/following-panel';
import { SuggestedMakers } from '../../features/community/components/suggested-makers';
import { useFeaturedMakers } from '../../features/makers/api';

function FeedSkeleton() {
  return (
    <div className="space-y-4" aria-busy="true">
      <span className="sr-only">Loading your feed…</span>
      {[0, 1, 2].map((key) => (
        <Card key={key} className="p-6">
          <div className="flex gap-3">
            <Skeleton shape="round" className="size-8" />
            <div className="flex-1 space-y-2">
              <Skeleton className="h-4 w-1/2" />
              <Skeleton className="h-3 w-24" />
            </div>
          </div>
          <Skeleton className="mt-4 h-5 w-2/3" />
          <Skeleton className="mt-2 h-4 w-full" />
        </Card>
      ))}
    </div>
  );
}

function EmptyFeed() {
  const featured = useFeaturedMakers();
  return (
    <EmptyState
      icon={<UsersIcon />}
      title="Your feed is empty"
      description="Follow makers and makerspaces, and their new public projects, completed builds and achievements appear here. A few makers to start with:"
      action={
        featured.data && featured.data.items.length > 0 ? (
          <SuggestedMakers makers={featured.data.items} />
        ) : (
          <Link to="/makers" className={buttonClasses()}>
            Browse makers
          </Link>
        )
      }
    />
  );
}

function Feed() {
  const feed = useFeed();
  if (feed.isPending) return <FeedSkeleton />;
  if (feed.isError)
    return (
      <ServiceErrorState
        error={feed.error}
        subject="your feed"
        onRetry={() => void feed.refetch()}
      />
    );
  const items = feed.data.pages.flatMap((page) => page.items);
  if (items.length === 0) return <EmptyFeed />;
  return (
    <>
      <FeedList items={items} />
      {feed.hasNextPage ? (
        <div className="mt-6 flex justify-center">
          <Button
            variant="secondary"
            disabled={feed.isFetchingNextPage}
            onClick={() => void feed.fetchNextPage()}
          >
            {feed.isFetchingNextPage ? 'Loading…' : 'Show older activity'}
          </Button>
        </div>
      ) : (
        <p className="mt-6 text-center text-sm text-ink-500">You’re all caught up.</p>
      )}
    </>
  );
}

/** The signed-in maker's feed of whom they follow (ENABLE_COMMUNITY_FEATURES). */
export function FeedPage() {
  useDocumentTitle('Your feed');
  const communityOn = useFlag('ENABLE_COMMUNITY_FEATURES', true);

  return (
    <div className="bg-ink-50/60">
      <Container className="py-10 sm:py-14">
        {!communityOn ? (
          <EmptyState
            titleAs="h1"
            icon={<UsersIcon />}
            title="The community is turned off for now"
            description="Follows and the feed will be back soon. Until then, browse the makers directory."
            action={
              <Link to="/makers" className={buttonClasses()}>
                Browse makers
              </Link>
            }
          />
        ) : (
          <SignedInOnly
            icon={<UsersIcon />}
            title="Sign in to see your feed"
            description="Follow makers and makerspaces, and see what they build, in one place."
          >
            <>
              <SectionHeader
                titleAs="h1"
                eyebrow="Community"
                title="Your feed"
                description="New public projects, completed builds and achievements from the makers and makerspaces you follow."
              />
              <div className="mt-8 grid gap-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
                <section aria-label="Feed">
                  <Feed />
                </section>
                <aside aria-label="Whom you follow">
                  <FollowingPanel />
                </aside>
              </div>
            </>
          </SignedInOnly>
        )}
      </Container>
    </div>
  );
}
