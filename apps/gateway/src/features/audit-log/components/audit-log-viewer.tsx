import { ApiError, pageFromSearch, ServiceErrorState } from '@makrx/spa-kit';
import { Button, buttonClasses, EmptyState, HistoryIcon, Pagination, Skeleton } from '@makrx/ui';
import { Link, useSearchParams } from 'react-router-dom';
import { useAuditCsvDownload, useAuditLog } from '../api';
import { filterFromSearch, labelsFromSearch, searchOf } from '../audit-filter';
import { AuditFilters } from './audit-filters';
import { AuditTable } from './audit-table';

/** Filters, the matching entries page by page, and their CSV; all of it lives in the URL. */
export function AuditLogViewer({ basePath }: { basePath: string }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const filter = filterFromSearch(searchParams);
  const labels = labelsFromSearch(searchParams);
  const page = pageFromSearch(searchParams);
  const log = useAuditLog(filter, page);
  const download = useAuditCsvDownload();
  const filtered = Object.keys(filter).length > 0;
  const hrefFor = (target: number) => {
    const query = searchOf(filter, target, labels).toString();
    return query ? `${basePath}?${query}` : basePath;
  };

  return (
    <div className="space-y-6">
      <AuditFilters
        key={searchOf(filter).toString()}
        filter={filter}
        labels={labels}
        onApply={(next, nextLabels) => setSearchParams(searchOf(next, 1, nextLabels))}
      />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-ink-700" aria-live="polite">
          {log.data
            ? `${log.data.total} ${log.data.total === 1 ? 'entry' : 'entries'}${filtered ? (log.data.total === 1 ? ' matches the filters' : ' match the filters') : ''}${log.data.totalPages > 1 ? ` · page ${log.data.page} of ${log.data.totalPages}` : ''}`
            : ' '}
        </p>
        <Button
          variant="secondary"
          disabled={download.isPending}
          onClick={() => download.mutate(filter)}
        >
          {download.isPending ? 'Preparing CSV…' : 'Download CSV'}
        </Button>
      </div>
      {download.isError ? (
        <p role="alert" className="text-sm text-red-700">
          The CSV could not be downloaded: {download.error.message}
        </p>
      ) : null}
      {log.isPending ? (
        <Skeleton className="h-64 w-full" />
      ) : log.isError ? (
        log.error instanceof ApiError && log.error.status === 400 ? (
          <EmptyState
            title="These filters don’t work together"
            description={log.error.message}
            action={
              <Link to={basePath} className={buttonClasses({ variant: 'secondary' })}>
                Clear filters
              </Link>
            }
          />
        ) : (
          <ServiceErrorState
            error={log.error}
            subject="the audit log"
            onRetry={() => void log.refetch()}
          />
        )
      ) : log.data.items.length === 0 ? (
        <EmptyState
          icon={<HistoryIcon />}
          title={filtered ? 'No entries match these filters' : 'The audit log is empty'}
          description={
            filtered ? 'Widen the time range or clear a filter.' : 'Changes will appear here.'
          }
        />
      ) : (
        <>
          <AuditTable entries={log.data.items} stale={log.isPlaceholderData} />
          <Pagination
            page={log.data.page}
            totalPages={log.data.totalPages}
            hrefFor={hrefFor}
            label="Audit log pages"
          />
        </>
      )}
    </div>
  );
}
