import { pageFromSearch, ServiceErrorState, useDocumentTitle } from '@makrx/spa-kit';
import { Container, EmptyState, Pagination, SectionHeader, UsersIcon } from '@makrx/ui';
import { useSearchParams } from 'react-router-dom';
import { MAKERS_PAGE_SIZE, useMakerDirectory } from '../../features/makers/api';
import {
  MakerCardGrid,
  MakerCardGridSkeleton,
} from '../../features/makers/components/maker-card-grid';

function MakerDirectory({ page }: { page: number }) {
  const directory = useMakerDirectory(page);

  if (directory.isPending) return <MakerCardGridSkeleton count={MAKERS_PAGE_SIZE / 2} />;
  if (directory.isError) {
    return (
      <ServiceErrorState
        error={directory.error}
        subject="the maker directory"
        onRetry={() => void directory.refetch()}
      />
    );
  }
  const { items, total, totalPages } = directory.data;
  if (items.length === 0) {
    return (
      <EmptyState
        icon={<UsersIcon />}
        title={page > 1 ? 'No makers on this page' : 'No makers yet'}
        description={
          page > 1
            ? 'This page is past the end of the directory.'
            : 'Maker profiles will appear here as people join MakrX.'
        }
      />
    );
  }
  return (
    <>
      <p className="mb-6 text-sm text-ink-600" aria-live="polite">
        {total} {total === 1 ? 'maker' : 'makers'}
      </p>
      <MakerCardGrid makers={items} titleAs="h2" />
      <Pagination
        className="mt-12"
        page={page}
        totalPages={totalPages}
        hrefFor={(target) => `/makers?page=${target}`}
        label="Maker directory pages"
      />
    </>
  );
}

export function MakersPage() {
  const [searchParams] = useSearchParams();
  const page = pageFromSearch(searchParams);
  useDocumentTitle('Makers');

  return (
    <Container className="py-12 sm:py-16">
      <SectionHeader
        titleAs="h1"
        eyebrow="Community"
        title="Makers on MakrX"
        description="People who design, print, cut, solder and sew — and share how they did it."
      />
      <div className="mt-10">
        <MakerDirectory page={page} />
      </div>
    </Container>
  );
}
