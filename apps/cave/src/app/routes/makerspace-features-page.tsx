import { ApiError, ServiceErrorState, useDocumentTitle } from '@makrx/spa-kit';
import { ArrowLeftIcon, Container, Skeleton } from '@makrx/ui';
import { Link, useParams } from 'react-router-dom';
import { MakerspaceFeatures } from '../../features/makerspace-features/components/makerspace-features';
import { useMakerspace } from '../../features/makerspaces/api';
import { NotFoundPage } from './not-found-page';

export function MakerspaceFeaturesPage() {
  const { slug = '' } = useParams();
  const makerspace = useMakerspace(slug);
  const name = makerspace.data?.name;
  useDocumentTitle(name ? `Features · ${name}` : 'Features');
  if (makerspace.error instanceof ApiError && makerspace.error.isNotFound) return <NotFoundPage />;

  return (
    <Container className="py-8 sm:py-12">
      <Link
        to={`/makerspaces/${encodeURIComponent(slug)}`}
        className="mb-6 inline-flex items-center gap-1.5 rounded-md text-sm font-medium text-ink-600 hover:text-ink-950"
      >
        <ArrowLeftIcon className="size-4" />
        {name ?? 'Back to the makerspace'}
      </Link>
      <header className="max-w-2xl">
        <p className="text-sm font-semibold text-accent-700">Settings</p>
        <h1 className="mt-1 text-3xl font-bold tracking-tight text-ink-950">Features</h1>
        <p className="mt-3 text-base leading-7 text-ink-600">
          Switch features on or off for {name ?? 'this makerspace'} alone. Each change needs a
          reason, reaches your members within seconds, and is kept in the feature’s history.
        </p>
      </header>
      <div className="mt-8">
        {makerspace.isPending ? (
          <Skeleton className="h-52 rounded-2xl" />
        ) : makerspace.isError ? (
          <ServiceErrorState
            error={makerspace.error}
            subject="this makerspace"
            onRetry={() => void makerspace.refetch()}
          />
        ) : (
          <MakerspaceFeatures space={makerspace.data} />
        )}
      </div>
    </Container>
  );
}
