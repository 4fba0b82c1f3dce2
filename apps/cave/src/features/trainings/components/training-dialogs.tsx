import type { MakerspaceMember, Training } from '@makrx/contracts';
import { FormDialog, FormField, inputClasses } from '@makrx/ui';
import { zonedToUtc } from '../../../time-zone';
import { useTrainingAdmin } from '../api';
import { trainingRefusalOf } from '../presentation';

/** A new training: name, what it covers, how long a session and a pass last. */
export function NewTrainingDialog({
  slug,
  open,
  onClose,
}: {
  slug: string;
  open: boolean;
  onClose: () => void;
}) {
  const { create } = useTrainingAdmin(slug);
  return (
    <FormDialog
      open={open}
      title="New training"
      description="Machines that need it are set on each machine’s page."
      submitLabel="Create training"
      pendingLabel="Creating…"
      pending={create.isPending}
      error={create.isError ? trainingRefusalOf(create.error) : undefined}
      onCancel={() => {
        create.reset();
        onClose();
      }}
      onSubmit={(form) => {
        const validity = String(form.get('validity') ?? '');
        create.mutate(
          {
            name: String(form.get('name') ?? ''),
            description: String(form.get('description') ?? ''),
            durationMinutes: Number(form.get('duration')),
            validityMonths: validity === '' ? null : Number(validity),
          },
          { onSuccess: onClose },
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
            placeholder="Laser cutter safety"
            className={inputClasses}
          />
        )}
      </FormField>
      <FormField label="What it covers">
        {(field) => (
          <textarea
            {...field}
            name="description"
            rows={3}
            maxLength={4000}
            className={`${inputClasses} h-auto py-2`}
          />
        )}
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label="Session length (minutes)">
          {(field) => (
            <input
              {...field}
              name="duration"
              type="number"
              required
              min={5}
              max={1440}
              defaultValue={90}
              className={inputClasses}
            />
          )}
        </FormField>
        <FormField label="Pass valid for (months)" hint="Empty: for good.">
          {(field) => (
            <input
              {...field}
              name="validity"
              type="number"
              min={1}
              max={120}
              className={inputClasses}
            />
          )}
        </FormField>
      </div>
    </FormDialog>
  );
}

/** A session of a training, at a wall-clock time in the makerspace's zone. */
export function ScheduleSessionDialog({
  slug,
  training,
  timeZone,
  onClose,
}: {
  slug: string;
  training: Training | null;
  timeZone: string;
  onClose: () => void;
}) {
  const { schedule } = useTrainingAdmin(slug);
  return (
    <FormDialog
      open={training !== null}
      title={training ? `Schedule ${training.name}` : 'Schedule a session'}
      description={`Times are in the makerspace’s time (${timeZone}).`}
      submitLabel="Schedule"
      pendingLabel="Scheduling…"
      pending={schedule.isPending}
      error={schedule.isError ? trainingRefusalOf(schedule.error) : undefined}
      onCancel={() => {
        schedule.reset();
        onClose();
      }}
      onSubmit={(form) => {
        if (!training) return;
        const startsAt = zonedToUtc(String(form.get('startsAt') ?? ''), timeZone);
        const endsAt = new Date(
          Date.parse(startsAt) + training.durationMinutes * 60_000,
        ).toISOString();
        schedule.mutate(
          {
            trainingId: training.id,
            startsAt,
            endsAt,
            seats: Number(form.get('seats')),
            location: String(form.get('location') ?? ''),
          },
          { onSuccess: onClose },
        );
      }}
    >
      <FormField
        label="Starts"
        hint={training ? `It lasts ${training.durationMinutes} minutes.` : undefined}
      >
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
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label="Seats">
          {(field) => (
            <input
              {...field}
              name="seats"
              type="number"
              required
              min={1}
              max={500}
              defaultValue={6}
              className={inputClasses}
            />
          )}
        </FormField>
        <FormField label="Where">
          {(field) => (
            <input
              {...field}
              name="location"
              maxLength={200}
              placeholder="Laser room"
              className={inputClasses}
            />
          )}
        </FormField>
      </div>
    </FormDialog>
  );
}

/** A pass for any member, without a session: someone trained elsewhere, or checked at the desk. */
export function RecordPassDialog({
  slug,
  open,
  trainings,
  members,
  onClose,
}: {
  slug: string;
  open: boolean;
  trainings: Training[];
  members: MakerspaceMember[];
  onClose: () => void;
}) {
  const { recordPass } = useTrainingAdmin(slug);
  return (
    <FormDialog
      open={open}
      title="Record a pass"
      description="The member can book the training’s machines straight away."
      submitLabel="Record pass"
      pendingLabel="Recording…"
      pending={recordPass.isPending}
      error={recordPass.isError ? trainingRefusalOf(recordPass.error) : undefined}
      onCancel={() => {
        recordPass.reset();
        onClose();
      }}
      onSubmit={(form) =>
        recordPass.mutate(
          { trainingId: String(form.get('training')), userId: String(form.get('member')) },
          { onSuccess: onClose },
        )
      }
    >
      <FormField label="Training">
        {(field) => (
          <select {...field} name="training" required className={inputClasses}>
            {trainings.map((training) => (
              <option key={training.id} value={training.id}>
                {training.name}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label="Member">
        {(field) => (
          <select {...field} name="member" required className={inputClasses}>
            {members.map((member) => (
              <option key={member.userId} value={member.userId}>
                {member.displayName} ({member.email})
              </option>
            ))}
          </select>
        )}
      </FormField>
    </FormDialog>
  );
}
