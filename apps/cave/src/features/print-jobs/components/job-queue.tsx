import type { MachineSummary, ProviderJob } from '@makrx/contracts';
import { Badge, Button, FormDialog, FormField, inputClasses, JustificationDialog } from '@makrx/ui';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { formatMoney } from '../../../money';
import { paths } from '../../../paths';
import { utcToZoned, zonedToUtc } from '../../../time-zone';
import { useProviderActions } from '../api';
import {
  durationText,
  materialName,
  qualityNames,
  refusalOf,
  sizeText,
  statusLabels,
} from '../presentation';

const when = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(iso));

/** What a job asks for, in one line: "2 × PLA, Standard · 40 × 40 × 30 mm · 1 h 30 min". */
export function jobSummary(job: ProviderJob): string {
  return `${job.quantity} × ${materialName(job.materialKey)}, ${qualityNames[job.quality]} · ${sizeText(job.partSizeMm)} · ${durationText(job.printMinutes)}`;
}

/** The accept and reject dialogs for one offered job. */
export function JobAnswers({
  slug,
  job,
  printers,
  timeZone,
}: {
  slug: string;
  job: ProviderJob;
  printers: MachineSummary[];
  timeZone: string;
}) {
  const { accept, reject } = useProviderActions(slug);
  const [dialog, setDialog] = useState<'accept' | 'reject' | null>(null);
  const defaultStart = job.suggestedStart ? utcToZoned(job.suggestedStart, timeZone) : '';
  return (
    <>
      <div className="flex flex-wrap gap-2">
        <Button
          size="sm"
          onClick={() => {
            accept.reset();
            setDialog('accept');
          }}
        >
          Accept
        </Button>
        <Button
          size="sm"
          variant="secondary"
          onClick={() => {
            reject.reset();
            setDialog('reject');
          }}
        >
          Reject
        </Button>
      </div>
      <FormDialog
        open={dialog === 'accept'}
        title={`Accept ${job.orderNumber}`}
        description={`The machine is booked for ${durationText(job.printMinutes)} from the start you pick, in the makerspace’s calendar; it must end before ${when(job.dueBy, timeZone)}.`}
        submitLabel="Accept and book"
        pendingLabel="Booking…"
        pending={accept.isPending}
        error={accept.isError ? refusalOf(accept.error) : undefined}
        onCancel={() => setDialog(null)}
        onSubmit={(form) => {
          const start = String(form.get('startsAt') ?? '');
          accept.mutate(
            {
              jobId: job.id,
              equipmentId: String(form.get('equipmentId') ?? '') || undefined,
              startsAt: start ? zonedToUtc(start, timeZone) : undefined,
            },
            { onSuccess: () => setDialog(null) },
          );
        }}
      >
        <FormField label="Machine">
          {(field) => (
            <select
              {...field}
              name="equipmentId"
              defaultValue={job.machine?.equipmentId ?? ''}
              className={inputClasses}
            >
              {printers.map((printer) => (
                <option key={printer.id} value={printer.id}>
                  {printer.name}
                  {printer.specifications.buildVolumeMm
                    ? ` (${sizeText(printer.specifications.buildVolumeMm)})`
                    : ''}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField
          label={`Start (${timeZone})`}
          hint={
            job.suggestedStart
              ? 'The earliest free time on the offered machine; change it if you like.'
              : 'No free time was found before the due date; pick a start.'
          }
        >
          {(field) => (
            <input
              {...field}
              name="startsAt"
              type="datetime-local"
              defaultValue={defaultStart}
              required
              className={inputClasses}
            />
          )}
        </FormField>
      </FormDialog>
      <JustificationDialog
        open={dialog === 'reject'}
        title={`Reject ${job.orderNumber}`}
        submitLabel="Reject job"
        pendingLabel="Rejecting…"
        pending={reject.isPending}
        error={reject.isError ? refusalOf(reject.error) : undefined}
        minLength={3}
        onCancel={() => setDialog(null)}
        onSubmit={(reason) =>
          reject.mutate({ jobId: job.id, reason }, { onSuccess: () => setDialog(null) })
        }
      >
        <p className="text-sm text-ink-700">
          The job goes to the next provider, and the customer sees your reason.
        </p>
      </JustificationDialog>
    </>
  );
}

/** The jobs offered to the makerspace: waiting ones first, each with its answer or its state. */
export function JobQueue({
  slug,
  jobs,
  printers,
  timeZone,
}: {
  slug: string;
  jobs: ProviderJob[];
  printers: MachineSummary[];
  timeZone: string;
}) {
  const ordered = [...jobs].sort(
    (a, b) => Number(b.status === 'offered') - Number(a.status === 'offered'),
  );
  return (
    <ul aria-label="Print jobs" className="space-y-3">
      {ordered.map((job) => {
        const status = statusLabels[job.status];
        return (
          <li
            key={job.id}
            className="flex flex-col gap-3 rounded-2xl border border-ink-200 bg-white p-4 sm:flex-row sm:items-start sm:justify-between"
          >
            <div className="min-w-0 space-y-1">
              <p className="flex flex-wrap items-center gap-2">
                <Link
                  to={paths.printJob(slug, job.id)}
                  className="font-semibold text-ink-950 hover:text-accent-700"
                >
                  {job.orderNumber}
                </Link>
                <Badge tone={status.tone}>{status.label}</Badge>
              </p>
              <p className="text-sm text-ink-800">
                {job.file.name} · {jobSummary(job)}
              </p>
              <p className="text-sm text-ink-600">
                Due {when(job.dueBy, timeZone)} ·{' '}
                <span className="font-medium text-ink-900">
                  {formatMoney(job.price.total, job.price.currency)}
                </span>
                {job.machine ? ` · ${job.machine.name}` : ''}
              </p>
              {job.status === 'offered' && job.respondBy ? (
                <p className="text-sm font-medium text-amber-800">
                  Answer by {when(job.respondBy, timeZone)}
                </p>
              ) : null}
              {job.slot ? (
                <p className="text-sm text-ink-600">
                  Booked {when(job.slot.startsAt, timeZone)} – {when(job.slot.endsAt, timeZone)}
                </p>
              ) : null}
              {job.reason && (job.status === 'rejected' || job.status === 'expired') ? (
                <p className="text-sm text-ink-600">Reason: {job.reason}</p>
              ) : null}
            </div>
            {job.status === 'offered' ? (
              <JobAnswers slug={slug} job={job} printers={printers} timeZone={timeZone} />
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
