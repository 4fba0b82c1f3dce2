import type { ProviderJob } from '@makrx/contracts';
import { ApiError } from '@makrx/spa-kit';
import { Button, Skeleton } from '@makrx/ui';
import { useJobAnalysis, useModelDownload } from '../api';
import { analysisFacts, bytesText } from '../presentation';

/** Why the store's answer is missing, in words a provider can act on. */
function storeTrouble(error: Error): string {
  if (error instanceof ApiError && error.code === 'STORE_UNREACHABLE')
    return 'The store, which keeps the customer’s model and its analysis, is not answering. Try again in a moment.';
  if (error instanceof ApiError && error.isUnreachable)
    return 'MakrCave could not be reached. Try again in a moment.';
  return error.message || 'The analysis could not be loaded.';
}

/**
 * The customer's model of a job the makerspace works from: a download, and the store's
 * analysis (size, volume, surface, mesh checks) to judge the file before printing it.
 */
export function ModelPanel({ slug, job }: { slug: string; job: ProviderJob }) {
  const analysis = useJobAnalysis(slug, job.id);
  const download = useModelDownload(slug);
  // A job routed without a print order in the store has no file to show or download.
  const noModel = analysis.error instanceof ApiError && analysis.error.isNotFound;
  return (
    <section
      aria-labelledby="job-model-heading"
      className="rounded-2xl border border-ink-200 bg-white p-5"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="job-model-heading" className="text-base font-semibold text-ink-950">
            Model
          </h2>
          <p className="mt-0.5 text-sm text-ink-600">
            {job.file.name} · {bytesText(job.file.sizeBytes)}
            {noModel ? '' : ' · analysed by the store'}
          </p>
        </div>
        {noModel ? null : (
          <Button
            variant="secondary"
            disabled={download.isPending}
            onClick={() => download.mutate(job)}
          >
            {download.isPending ? 'Downloading…' : 'Download model'}
          </Button>
        )}
      </div>
      {download.isError ? (
        <p role="alert" className="mt-3 text-sm text-red-700">
          {download.error.message}
        </p>
      ) : null}
      {analysis.isPending ? (
        <Skeleton className="mt-4 h-28 rounded-xl" />
      ) : noModel ? (
        <p className="mt-4 text-sm text-ink-700">
          The store keeps no model for this job, so there is nothing to download or check.
        </p>
      ) : analysis.isError ? (
        <div className="mt-4 flex flex-wrap items-center gap-3">
          <p role="alert" className="text-sm text-red-700">
            {storeTrouble(analysis.error)}
          </p>
          <Button variant="ghost" size="sm" onClick={() => void analysis.refetch()}>
            Try again
          </Button>
        </div>
      ) : (
        <dl className="mt-4 grid gap-4 sm:grid-cols-4">
          {analysisFacts(analysis.data).map((fact) => (
            <div key={fact.label}>
              <dt className="text-sm text-ink-600">{fact.label}</dt>
              <dd
                className={
                  fact.warn
                    ? 'mt-0.5 font-medium text-amber-800'
                    : 'mt-0.5 font-medium text-ink-950'
                }
              >
                {fact.value}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
