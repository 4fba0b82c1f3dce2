import type { MachineDetail } from '@makrx/contracts';
import { Button, ConfirmDialog, FormDialog, FormField, inputClasses, WrenchIcon } from '@makrx/ui';
import { useState } from 'react';
import { zonedToUtc } from '../../../time-zone';
import { formatSlot } from '../../reservations/presentation';
import { useMachineChanges } from '../api';

const when = new Map<string, Intl.DateTimeFormat>();
function formatDay(iso: string, timeZone: string) {
  let format = when.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone });
    when.set(timeZone, format);
  }
  return format.format(new Date(iso));
}

interface PanelProps {
  slug: string;
  machine: MachineDetail;
  /** The makerspace's IANA zone: maintenance is scheduled and shown on its clock. */
  timeZone: string;
  /** Admins and service providers schedule, cancel and log maintenance. */
  canManage: boolean;
}

function ScheduleMaintenance({ slug, machine, timeZone }: Omit<PanelProps, 'canManage'>) {
  const [open, setOpen] = useState(false);
  const changes = useMachineChanges(slug, machine.slug);
  const schedule = changes.scheduleMaintenance;
  return (
    <>
      <Button
        size="sm"
        variant="secondary"
        onClick={() => {
          schedule.reset();
          setOpen(true);
        }}
      >
        Schedule maintenance
      </Button>
      <FormDialog
        open={open}
        title={`Schedule maintenance of ${machine.name}`}
        description={`Nobody can book the machine while it lasts. Times are in the makerspace’s time (${timeZone}).`}
        submitLabel="Schedule"
        pendingLabel="Scheduling…"
        pending={schedule.isPending}
        error={schedule.error?.message}
        onCancel={() => setOpen(false)}
        onSubmit={(form) => {
          const startsAt = String(form.get('startsAt') ?? '');
          const endsAt = String(form.get('endsAt') ?? '');
          if (!startsAt || !endsAt) return;
          schedule.mutate(
            {
              startsAt: zonedToUtc(startsAt, timeZone),
              endsAt: zonedToUtc(endsAt, timeZone),
              reason: String(form.get('reason') ?? '').trim(),
            },
            { onSuccess: () => setOpen(false) },
          );
        }}
      >
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField label="Starts">
            {(field) => (
              <input
                {...field}
                name="startsAt"
                type="datetime-local"
                required
                className={inputClasses}
              />
            )}
          </FormField>
          <FormField label="Ends">
            {(field) => (
              <input
                {...field}
                name="endsAt"
                type="datetime-local"
                required
                className={inputClasses}
              />
            )}
          </FormField>
        </div>
        <FormField label="Reason" hint="Shown to members who find the machine blocked.">
          {(field) => (
            <input {...field} name="reason" required maxLength={500} className={inputClasses} />
          )}
        </FormField>
      </FormDialog>
    </>
  );
}

function LogMaintenance({ slug, machine }: Pick<PanelProps, 'slug' | 'machine'>) {
  const [open, setOpen] = useState(false);
  const log = useMachineChanges(slug, machine.slug).logMaintenance;
  return (
    <>
      <Button
        size="sm"
        variant="secondary"
        onClick={() => {
          log.reset();
          setOpen(true);
        }}
      >
        Log maintenance
      </Button>
      <FormDialog
        open={open}
        title={`Log maintenance done on ${machine.name}`}
        submitLabel="Add to the log"
        pendingLabel="Saving…"
        pending={log.isPending}
        error={log.error?.message}
        onCancel={() => setOpen(false)}
        onSubmit={(form) =>
          log.mutate(
            {
              summary: String(form.get('summary') ?? '').trim(),
              notes: String(form.get('notes') ?? '').trim(),
            },
            { onSuccess: () => setOpen(false) },
          )
        }
      >
        <FormField
          label="What was done"
          hint="“Replaced the nozzle”, “Cleaned the lens and mirrors”."
        >
          {(field) => (
            <input {...field} name="summary" required maxLength={200} className={inputClasses} />
          )}
        </FormField>
        <FormField label="Notes (optional)">
          {(field) => (
            <textarea
              {...field}
              name="notes"
              rows={3}
              maxLength={4000}
              className={`${inputClasses} h-auto py-2`}
            />
          )}
        </FormField>
      </FormDialog>
    </>
  );
}

function CancelWindow({
  slug,
  machine,
  window,
}: Pick<PanelProps, 'slug' | 'machine'> & {
  window: MachineDetail['upcomingMaintenance'][number];
}) {
  const [open, setOpen] = useState(false);
  const cancel = useMachineChanges(slug, machine.slug).cancelMaintenance;
  return (
    <>
      <Button
        size="sm"
        variant="ghost"
        onClick={() => {
          cancel.reset();
          setOpen(true);
        }}
      >
        Cancel<span className="sr-only"> the maintenance: {window.reason}</span>
      </Button>
      <ConfirmDialog
        open={open}
        title="Cancel this maintenance?"
        confirmLabel="Cancel maintenance"
        pendingLabel="Cancelling…"
        pending={cancel.isPending}
        error={cancel.error?.message}
        onCancel={() => setOpen(false)}
        onConfirm={() => cancel.mutate(window.id, { onSuccess: () => setOpen(false) })}
      >
        The machine can be booked again during “{window.reason}”.
      </ConfirmDialog>
    </>
  );
}

/** Maintenance still to come (which blocks bookings) and the log of what was done. */
export function MaintenancePanel({ slug, machine, timeZone, canManage }: PanelProps) {
  return (
    <div className="space-y-8">
      <section aria-labelledby="upcoming-maintenance-heading">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="upcoming-maintenance-heading" className="text-lg font-semibold text-ink-950">
            Upcoming maintenance
          </h2>
          {canManage ? (
            <ScheduleMaintenance slug={slug} machine={machine} timeZone={timeZone} />
          ) : null}
        </div>
        {machine.upcomingMaintenance.length === 0 ? (
          <p className="mt-3 text-sm text-ink-600">
            Nothing scheduled: the machine can be booked whenever it is free.
          </p>
        ) : (
          <ul className="mt-3 divide-y divide-ink-100 rounded-2xl border border-amber-200 bg-amber-50/60">
            {machine.upcomingMaintenance.map((window) => (
              <li
                key={window.id}
                className="flex flex-wrap items-center justify-between gap-2 px-4 py-3"
              >
                <div>
                  <p className="text-sm font-medium text-ink-950">{window.reason}</p>
                  <p className="text-sm text-ink-700">
                    {formatSlot(window.startsAt, window.endsAt, timeZone)}
                  </p>
                </div>
                {canManage ? <CancelWindow slug={slug} machine={machine} window={window} /> : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="maintenance-log-heading">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="maintenance-log-heading" className="text-lg font-semibold text-ink-950">
            Maintenance log
          </h2>
          {canManage ? <LogMaintenance slug={slug} machine={machine} /> : null}
        </div>
        {machine.recentMaintenance.length === 0 ? (
          <p className="mt-3 text-sm text-ink-600">No maintenance recorded yet.</p>
        ) : (
          <ol className="mt-3 space-y-3">
            {machine.recentMaintenance.map((entry) => (
              <li
                key={entry.id}
                className="flex gap-3 rounded-xl bg-ink-50 px-4 py-3 ring-1 ring-ink-100 ring-inset"
              >
                <WrenchIcon className="mt-0.5 size-4 shrink-0 text-ink-500" />
                <div className="min-w-0">
                  <p className="text-sm font-medium text-ink-950">{entry.summary}</p>
                  <p className="text-xs text-ink-600">
                    <time dateTime={entry.performedAt}>
                      {formatDay(entry.performedAt, timeZone)}
                    </time>
                    {entry.performedBy ? ` · ${entry.performedBy.displayName}` : ''}
                  </p>
                  {entry.notes ? <p className="mt-1 text-sm text-ink-700">{entry.notes}</p> : null}
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
