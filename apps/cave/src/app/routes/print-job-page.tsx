import { ApiError, ServiceErrorState, useDocumentTitle } from '@makrx/spa-kit';
import { Badge, Button, FormDialog, FormField, inputClasses, Skeleton } from '@makrx/ui';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMachines } from '../../features/equipment/api';
import { useMakerspace } from '../../features/makerspaces/api';
import { MakerspaceGate } from '../../features/memberships/components/makerspace-gate';
import { useProviderActions, useProviderJob } from '../../features/print-jobs/api';
import { JobAnswers } from '../../features/print-jobs/components/job-queue';
import { ModelPanel } from '../../features/print-jobs/components/model-panel';
import {
  bytesText,
  durationText,
  materialName,
  nextStep,
  qualityNames,
  refusalOf,
  sizeText,
  statusLabels,
} from '../../features/print-jobs/presentation';
import { formatMoney } from '../../money';
import { paths } from '../../paths';
import { MakerspaceFrame } from '../makerspace-frame';
import { NotFoundPage } from './not-found-page';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-sm text-ink-600">{label}</dt>
      <dd className="mt-0.5 font-medium text-ink-950">{children}</dd>
    </div>
  );
}

/** One print job: what to print, for when, for how much, and its next step. */
export function PrintJobPage() {
  const { slug = '', jobId = '' } = useParams();
  const makerspace = useMakerspace(slug);
  const job = useProviderJob(slug, jobId);
  const printers = useMachines(slug, { type: '3d_printer' });
  const { changeStatus } = useProviderActions(slug);
  const [shipping, setShipping] = useState(false);
  const timeZone = makerspace.data?.timeZone ?? 'UTC';
  const when = (iso: string) =>
    new Intl.DateTimeFormat(undefined, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone,
    }).format(new Date(iso));
  useDocumentTitle(job.data ? `${job.data.orderNumber} · Print jobs` : 'Print job');
  if (job.error instanceof ApiError && job.error.isNotFound) return <NotFoundPage />;
  const data = job.data;
  const step = data ? nextStep(data.status) : null;
  return (
    <MakerspaceFrame
      slug={slug}
      eyebrow={
        <Link to={paths.printJobs(slug)} className="hover:text-accent-900">
          ← Print jobs
        </Link>
      }
      title={data ? `Order ${data.orderNumber}` : 'Print job'}
      actions={
        data && step ? (
          <Button
            disabled={changeStatus.isPending}
            onClick={() => {
              if (step.status === 'shipped') {
                changeStatus.reset();
                setShipping(true);
              } else changeStatus.mutate({ jobId, status: step.status });
            }}
          >
            {step.label}
          </Button>
        ) : null
      }
    >
      <MakerspaceGate
        slug={slug}
        needs="providePrints"
        audience="this makerspace’s service providers"
      >
        {job.isPending ? (
          <Skeleton className="h-64 rounded-2xl" />
        ) : job.isError ? (
          <ServiceErrorState
            error={job.error}
            subject="this print job"
            onRetry={() => void job.refetch()}
          />
        ) : (
          <div className="space-y-6">
            <div className="flex flex-wrap items-center gap-3">
              <Badge tone={statusLabels[data!.status].tone}>
                {statusLabels[data!.status].label}
              </Badge>
              {data!.status === 'offered' && data!.respondBy ? (
                <span className="text-sm font-medium text-amber-800">
                  Answer by {when(data!.respondBy)}
                </span>
              ) : null}
              {changeStatus.isError && !shipping ? (
                <span role="alert" className="text-sm text-red-700">
                  {refusalOf(changeStatus.error)}
                </span>
              ) : null}
            </div>
            {data!.status === 'offered' ? (
              <JobAnswers
                slug={slug}
                job={data!}
                printers={printers.data ?? []}
                timeZone={timeZone}
              />
            ) : null}
            <dl className="grid gap-5 rounded-2xl border border-ink-200 bg-white p-5 sm:grid-cols-3">
              <Fact label="File">
                {data!.file.name}{' '}
                <span className="text-sm font-normal text-ink-600">
                  ({bytesText(data!.file.sizeBytes)})
                </span>
              </Fact>
              <Fact label="Part size">{sizeText(data!.partSizeMm)}</Fact>
              <Fact label="Volume">{Math.round(data!.volumeMm3 / 100) / 10} cm³</Fact>
              <Fact label="Material">{materialName(data!.materialKey)}</Fact>
              <Fact label="Quality">{qualityNames[data!.quality]}</Fact>
              <Fact label="Quantity">{data!.quantity}</Fact>
              <Fact label="Machine time">{durationText(data!.printMinutes)}</Fact>
              <Fact label="Due">{when(data!.dueBy)}</Fact>
              <Fact label="Price">{formatMoney(data!.price.total, data!.price.currency)}</Fact>
              <Fact label="Customer">{data!.customerName}</Fact>
              <Fact label="Machine">{data!.machine?.name ?? '—'}</Fact>
              <Fact label="Booked">
                {data!.slot ? `${when(data!.slot.startsAt)} – ${when(data!.slot.endsAt)}` : '—'}
              </Fact>
              {data!.trackingUrl ? (
                <Fact label="Tracking">
                  <a
                    href={data!.trackingUrl}
                    className="text-accent-700 underline"
                    rel="noreferrer"
                    target="_blank"
                  >
                    {data!.trackingUrl}
                  </a>
                </Fact>
              ) : null}
              {data!.reason ? <Fact label="Reason">{data!.reason}</Fact> : null}
            </dl>
            {data!.status === 'rejected' || data!.status === 'expired' ? null : (
              // A job passed on went to another provider, with its file.
              <ModelPanel slug={slug} job={data!} />
            )}
          </div>
        )}
      </MakerspaceGate>
      <FormDialog
        open={shipping}
        title="Mark shipped"
        description="The customer gets the tracking link with the news."
        submitLabel="Mark shipped"
        pendingLabel="Saving…"
        pending={changeStatus.isPending}
        error={changeStatus.isError ? refusalOf(changeStatus.error) : undefined}
        onCancel={() => setShipping(false)}
        onSubmit={(form) =>
          changeStatus.mutate(
            { jobId, status: 'shipped', trackingUrl: String(form.get('trackingUrl') ?? '') },
            { onSuccess: () => setShipping(false) },
          )
        }
      >
        <FormField label="Tracking link">
          {(field) => (
            <input
              {...field}
              name="trackingUrl"
              type="url"
              required
              placeholder="https://"
              className={inputClasses}
            />
          )}
        </FormField>
      </FormDialog>
    </MakerspaceFrame>
  );
}
