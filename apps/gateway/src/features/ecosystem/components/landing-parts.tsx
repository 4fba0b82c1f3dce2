import { ArrowRightIcon, Skeleton } from '@makrx/ui';
import { Suspense, useEffect, useRef, useState, type ReactNode } from 'react';

/*
 * What the landing's sections show before their own chunk arrives: placeholders, the "see all"
 * links, and the trigger that fetches a section's chunk once the visitor nears it.
 */

export function CardGridSkeleton({ count, label }: { count: number; label: string }) {
  return (
    <div aria-busy="true" className="grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
      <span className="sr-only">Loading {label}</span>
      {Array.from({ length: count }, (_, index) => (
        <div key={index} className="rounded-2xl border border-ink-200 bg-white p-4">
          <Skeleton className="h-32 rounded-xl" />
          <Skeleton className="mt-4 h-5 w-2/3" />
          <Skeleton className="mt-2 h-4 w-1/2" />
        </div>
      ))}
    </div>
  );
}

export const seeAllClasses =
  'inline-flex items-center gap-1.5 rounded-md text-sm font-semibold text-accent-700 hover:text-accent-900';

export function SeeAll({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a href={href} className={seeAllClasses}>
      {children}
      <ArrowRightIcon className="size-4" />
    </a>
  );
}

/**
 * Renders `children` (lazy components) once the placeholder comes within a screen of the
 * window, so what lies far below the fold costs the first page nothing.
 */
export function WhenNear({
  placeholder,
  children,
}: {
  placeholder: ReactNode;
  children: ReactNode;
}) {
  const marker = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = marker.current;
    if (near || !element) return;
    if (typeof IntersectionObserver === 'undefined') {
      setNear(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setNear(true);
      },
      { rootMargin: '100% 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [near]);
  if (!near) return <div ref={marker}>{placeholder}</div>;
  return <Suspense fallback={placeholder}>{children}</Suspense>;
}
