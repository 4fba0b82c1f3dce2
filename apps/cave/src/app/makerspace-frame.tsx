import { ApiError, ServiceErrorState } from '@makrx/spa-kit';
import { Container, Skeleton } from '@makrx/ui';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { MakerspaceSections } from '../features/memberships/components/makerspace-sections';
import { useMakerspace } from '../features/makerspaces/api';
import { paths } from '../paths';
import { NotFoundPage } from './routes/not-found-page';

export interface MakerspaceFrameProps {
  slug: string;
  title: ReactNode;
  /** Above the title; the makerspace's name, linking to its overview, unless said otherwise. */
  eyebrow?: ReactNode;
  description?: ReactNode;
  /** Buttons beside the title: "Book", "Invite someone". */
  actions?: ReactNode;
  children: ReactNode;
}

/** The frame of a makerspace's own pages: its name, the page's title, its sections. */
export function MakerspaceFrame({
  slug,
  title,
  eyebrow,
  description,
  actions,
  children,
}: MakerspaceFrameProps) {
  const makerspace = useMakerspace(slug);
  if (makerspace.error instanceof ApiError && makerspace.error.isNotFound) return <NotFoundPage />;
  const name = makerspace.data?.name;

  return (
    <Container className="py-8 sm:py-12">
      <header className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div className="min-w-0">
          <p className="text-sm font-semibold text-accent-700">
            {eyebrow ??
              (name ? (
                <Link to={paths.makerspace(slug)} className="hover:text-accent-900">
                  {name}
                </Link>
              ) : (
                <Skeleton className="h-4 w-40" />
              ))}
          </p>
          <h1 className="mt-1 text-[1.75rem] leading-tight font-bold tracking-tight text-balance break-words text-ink-950 sm:text-4xl">
            {title}
          </h1>
          {description ? (
            <p className="mt-2 max-w-2xl text-base leading-7 text-ink-600">{description}</p>
          ) : null}
        </div>
        {actions ? <div className="flex shrink-0 flex-wrap gap-2">{actions}</div> : null}
      </header>
      <div className="mt-6">
        {name ? <MakerspaceSections slug={slug} name={name} /> : null}
        {makerspace.isError ? (
          <ServiceErrorState
            error={makerspace.error}
            subject="this makerspace"
            onRetry={() => void makerspace.refetch()}
          />
        ) : (
          children
        )}
      </div>
    </Container>
  );
}
