import { Container, Skeleton } from '@makrx/ui';

export function ProductCardSkeleton() {
  return (
    <div>
      <Skeleton className="aspect-square rounded-2xl" />
      <Skeleton className="mt-4 h-3 w-1/3" />
      <Skeleton className="mt-2 h-4 w-4/5" />
      <div className="mt-4 flex justify-between">
        <Skeleton className="h-5 w-16" />
        <Skeleton className="h-4 w-14" />
      </div>
    </div>
  );
}

/** The catalog's shape while it loads, so nothing jumps when the products arrive. */
export function CatalogSkeleton() {
  return (
    <div aria-busy="true" aria-live="polite">
      <p className="sr-only">Loading products…</p>
      <section className="border-b border-ink-200 bg-gradient-to-b from-accent-50/70 to-white">
        <Container className="py-8 sm:py-10">
          <Skeleton className="h-4 w-32" />
          <Skeleton className="mt-5 h-9 w-72 max-w-full" />
          <Skeleton className="mt-4 h-4 w-[28rem] max-w-full" />
        </Container>
      </section>
      <Container className="grid gap-8 py-8 lg:grid-cols-[220px_1fr] lg:gap-12 lg:py-12">
        <div className="flex gap-2 overflow-hidden lg:flex-col">
          {Array.from({ length: 7 }, (_, index) => (
            <Skeleton
              key={index}
              className="h-9 w-28 shrink-0 rounded-full lg:w-full lg:rounded-lg"
            />
          ))}
        </div>
        <div>
          <div className="mb-6 flex items-center justify-between">
            <Skeleton className="h-4 w-24" />
            <Skeleton className="h-10 w-48" />
          </div>
          <div className="grid grid-cols-2 gap-x-4 gap-y-9 sm:gap-x-6 md:grid-cols-3">
            {Array.from({ length: 6 }, (_, index) => (
              <ProductCardSkeleton key={index} />
            ))}
          </div>
        </div>
      </Container>
    </div>
  );
}
