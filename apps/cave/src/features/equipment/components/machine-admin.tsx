import { equipmentStatus, type EquipmentStatus, type MachineDetail } from '@makrx/contracts';
import {
  Button,
  Card,
  ConfirmDialog,
  currencyLabel,
  FormDialog,
  FormField,
  inputClasses,
  minorUnitDigits,
} from '@makrx/ui';
import { useId, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { paths } from '../../../paths';
import { equipmentStatusDisplay } from '../../makerspaces/equipment-presentation';
import { useTrainings } from '../../trainings/api';
import { useMachineChanges } from '../api';

interface AdminProps {
  slug: string;
  machine: MachineDetail;
}

/** Sets the machine's status, with a note for whoever reads it later. */
function StatusForm({ slug, machine }: AdminProps) {
  const change = useMachineChanges(slug, machine.slug).changeStatus;
  const [status, setStatus] = useState<EquipmentStatus>(machine.status);
  const [saved, setSaved] = useState('');
  const noteId = useId();
  return (
    <form
      className="space-y-3"
      aria-label={`Status of ${machine.name}`}
      onSubmit={(event) => {
        event.preventDefault();
        const note = String(new FormData(event.currentTarget).get('note') ?? '').trim();
        setSaved('');
        change.mutate(
          { status, ...(note ? { note } : {}) },
          {
            onSuccess: (machine) =>
              setSaved(
                `Status is now ${equipmentStatusDisplay[machine.status].label.toLowerCase()}.`,
              ),
          },
        );
      }}
    >
      <FormField label="Status">
        {(field) => (
          <select
            {...field}
            className={inputClasses}
            value={status}
            onChange={(event) => setStatus(event.target.value as EquipmentStatus)}
          >
            {equipmentStatus.options.map((option) => (
              <option key={option} value={option}>
                {equipmentStatusDisplay[option].label}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <div>
        <label htmlFor={noteId} className="block text-sm font-semibold text-ink-900">
          Note (optional)
        </label>
        <input id={noteId} name="note" maxLength={500} className={`${inputClasses} mt-1.5`} />
      </div>
      {change.isError ? (
        <p role="alert" className="text-sm text-red-700">
          {change.error.message}
        </p>
      ) : null}
      <div className="flex items-center gap-3">
        <Button type="submit" size="sm" disabled={status === machine.status || change.isPending}>
          {change.isPending ? 'Saving…' : 'Change status'}
        </Button>
        <p role="status" className="text-sm text-emerald-800">
          {saved}
        </p>
      </div>
    </form>
  );
}

function EditMachine({ slug, machine }: AdminProps) {
  const [open, setOpen] = useState(false);
  // The rate is typed in major units of the makerspace's currency (rupees, pounds; yen whole).
  const digits = minorUnitDigits(machine.currency);
  const update = useMachineChanges(slug, machine.slug).update;
  const trainings = useTrainings(slug);
  return (
    <>
      <Button
        size="sm"
        variant="secondary"
        onClick={() => {
          update.reset();
          setOpen(true);
        }}
      >
        Edit details
      </Button>
      <FormDialog
        open={open}
        title={`Edit ${machine.name}`}
        submitLabel="Save changes"
        pendingLabel="Saving…"
        pending={update.isPending}
        error={update.error?.message}
        onCancel={() => setOpen(false)}
        onSubmit={(form) => {
          const text = (name: string) => String(form.get(name) ?? '').trim();
          update.mutate(
            {
              name: text('name'),
              make: text('make'),
              model: text('model'),
              location: text('location'),
              hourlyRateCents: Math.round(Number(text('rate')) * 10 ** digits),
              trainingId: text('trainingId') || null,
            },
            { onSuccess: () => setOpen(false) },
          );
        }}
      >
        <FormField label="Name">
          {(field) => (
            <input
              {...field}
              name="name"
              required
              maxLength={120}
              defaultValue={machine.name}
              className={inputClasses}
            />
          )}
        </FormField>
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField label="Make">
            {(field) => (
              <input
                {...field}
                name="make"
                maxLength={80}
                defaultValue={machine.make}
                className={inputClasses}
              />
            )}
          </FormField>
          <FormField label="Model">
            {(field) => (
              <input
                {...field}
                name="model"
                maxLength={80}
                defaultValue={machine.model}
                className={inputClasses}
              />
            )}
          </FormField>
        </div>
        <FormField label="Location" hint="Where in the makerspace: “Print farm, shelf A”.">
          {(field) => (
            <input
              {...field}
              name="location"
              maxLength={120}
              defaultValue={machine.location}
              className={inputClasses}
            />
          )}
        </FormField>
        <FormField
          label={`Hourly rate (${currencyLabel(machine.currency)})`}
          hint="In the makerspace’s currency, set in its settings; 0 for a machine that is free to use."
        >
          {(field) => (
            <input
              {...field}
              name="rate"
              type="number"
              min={0}
              step={10 ** -digits}
              required
              defaultValue={(machine.hourlyRateCents / 10 ** digits).toFixed(digits)}
              className={inputClasses}
            />
          )}
        </FormField>
        <FormField
          label="Training needed"
          hint="Members book the machine only once they have passed it."
        >
          {(field) => (
            <select
              {...field}
              name="trainingId"
              defaultValue={machine.training?.id ?? ''}
              className={inputClasses}
            >
              <option value="">None: anyone in the makerspace may book it</option>
              {machine.training &&
              !trainings.data?.some((training) => training.id === machine.training?.id) ? (
                <option value={machine.training.id}>{machine.training.name}</option>
              ) : null}
              {trainings.data?.map((training) => (
                <option key={training.id} value={training.id}>
                  {training.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </FormDialog>
    </>
  );
}

function ArchiveMachine({ slug, machine }: AdminProps) {
  const [open, setOpen] = useState(false);
  const archive = useMachineChanges(slug, machine.slug).archive;
  const navigate = useNavigate();
  return (
    <>
      <Button
        size="sm"
        variant="ghost"
        className="text-red-700 hover:bg-red-50 hover:text-red-800"
        onClick={() => {
          archive.reset();
          setOpen(true);
        }}
      >
        Archive machine
      </Button>
      <ConfirmDialog
        open={open}
        tone="danger"
        title={`Archive ${machine.name}?`}
        confirmLabel="Archive"
        pendingLabel="Archiving…"
        pending={archive.isPending}
        error={archive.error?.message}
        onCancel={() => setOpen(false)}
        onConfirm={() =>
          archive.mutate(undefined, {
            onSuccess: () => void navigate(paths.equipment(slug), { replace: true }),
          })
        }
      >
        The machine leaves the equipment list for good and takes no more bookings. Its bookings and
        maintenance history are kept.
      </ConfirmDialog>
    </>
  );
}

/** What admins and service providers do to a machine: status, details, archive. */
export function MachineAdmin({ slug, machine }: AdminProps) {
  return (
    <Card className="p-5">
      <h2 className="text-base font-semibold text-ink-950">Manage this machine</h2>
      <div className="mt-4">
        <StatusForm slug={slug} machine={machine} />
      </div>
      <div className="mt-5 flex flex-wrap gap-2 border-t border-ink-100 pt-4">
        <EditMachine slug={slug} machine={machine} />
        <ArchiveMachine slug={slug} machine={machine} />
      </div>
    </Card>
  );
}
