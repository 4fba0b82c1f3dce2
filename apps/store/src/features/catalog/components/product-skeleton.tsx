import { Container, Skeleton } from '@makrx/ui';

/** The product page's shape while it loads. */
export function ProductSkeleton() {
  return (
    <Container className="pt-6 pb-16 sm:pt-8 sm:pb-20">
      <div aria-busy="true" aria-live="polite">
        <p className="sr-only">Loading product…</p>
        <Skeleton className="h-4 w-64 max-w-full" />
        <div className="mt-6 grid gap-8 lg:mt-8 lg:grid-cols-2 lg:gap-14">
          <Skeleton className="aspect-square rounded-3xl" />
          <div>
            <Skeleton className="h-4 w-24" />
            <Skeleton className="mt-4 h-10 w-4/5" />
            <Skeleton className="mt-3 h-10 w-1/2" />
            <Skeleton className="mt-6 h-5 w-full" />
            <Skeleton className="mt-2 h-5 w-2/3" />
            <Skeleton className="mt-8 h-44 rounded-2xl" />
            <div className="mt-7 grid grid-cols-2 gap-3">
              {Array.from({ length: 4 }, (_, index) => (
                <Skeleton key={index} className="h-16 rounded-xl" />
              ))}
            </div>
          </div>
        </div>
      </div>
    </Container>
  );
}
