import type { Makerspace, Training } from '@makrx/contracts';
import { ServiceErrorState, useDocumentTitle } from '@makrx/spa-kit';
import { Button, EmptyState, ShieldIcon, Skeleton } from '@makrx/ui';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { useMakerspace } from '../../features/makerspaces/api';
import { useMakerspaceAccess } from '../../features/memberships/api';
import { MakerspaceGate } from '../../features/memberships/components/makerspace-gate';
import { useMembers } from '../../features/members/api';
import { useMyTrainings, useTrainings, useTrainingSessions } from '../../features/trainings/api';
import { MyPasses } from '../../features/trainings/components/my-passes';
import { TrainingCard } from '../../features/trainings/components/training-card';
import {
  NewTrainingDialog,
  RecordPassDialog,
  ScheduleSessionDialog,
} from '../../features/trainings/components/training-dialogs';
import { MakerspaceFrame } from '../makerspace-frame';

const listLoading = (what: string) => (
  <div aria-busy="true" className="space-y-3">
    <span className="sr-only">Loading {what}…</span>
    <Skeleton className="h-40 rounded-2xl" />
    <Skeleton className="h-40 rounded-2xl" />
  </div>
);

function TrainingList({
  slug,
  timeZone,
  canRun,
  onSchedule,
}: {
  slug: string;
  timeZone: string;
  canRun: boolean;
  onSchedule: (training: Training) => void;
}) {
  const trainings = useTrainings(slug);
  const sessions = useTrainingSessions(slug);
  // Which trainings I hold a valid pass of here; until that is known, none is marked.
  const mine = useMyTrainings();
  const passed = new Set(
    (mine.data?.passes ?? [])
      .filter((pass) => pass.valid && pass.makerspace.slug === slug)
      .map((pass) => pass.training.id),
  );
  if (trainings.isPending || sessions.isPending) return listLoading('trainings');
  const retry = () => void Promise.all([trainings.refetch(), sessions.refetch()]);
  if (trainings.isError)
    return <ServiceErrorState error={trainings.error} subject="the trainings" onRetry={retry} />;
  if (sessions.isError)
    return <ServiceErrorState error={sessions.error} subject="the sessions" onRetry={retry} />;
  if (trainings.data.length === 0)
    return (
      <EmptyState
        icon={<ShieldIcon />}
        title="No trainings yet"
        description={
          canRun
            ? 'Create one, then set it as required on the machines that need it.'
            : 'Every machine here can be booked without one.'
        }
      />
    );
  return (
    <div className="space-y-4">
      {trainings.data.map((training) => (
        <TrainingCard
          key={training.id}
          slug={slug}
          training={training}
          sessions={sessions.data.filter(
            (session) => session.training.id === training.id && !session.cancelledAt,
          )}
          timeZone={timeZone}
          canRun={canRun}
          passed={passed.has(training.id)}
          onSchedule={onSchedule}
        />
      ))}
    </div>
  );
}

function AdminActions({
  slug,
  space,
  onNew,
}: {
  slug: string;
  space: Makerspace;
  onNew: () => void;
}) {
  const [recording, setRecording] = useState(false);
  const trainings = useTrainings(slug);
  const members = useMembers(space.id);
  const ready = trainings.isSuccess && members.isSuccess && trainings.data.length > 0;
  return (
    <>
      <Button onClick={onNew}>New training</Button>
      <Button variant="secondary" disabled={!ready} onClick={() => setRecording(true)}>
        Record a pass
      </Button>
      {ready ? (
        <RecordPassDialog
          slug={slug}
          open={recording}
          trainings={trainings.data}
          members={members.data.filter((member) => member.status === 'active')}
          onClose={() => setRecording(false)}
        />
      ) : null}
    </>
  );
}

/**
 * A makerspace's trainings: what each one opens, its sessions with the seats left, my seat and
 * my passes; its admins create trainings, schedule sessions and record or revoke passes.
 */
export function TrainingsPage() {
  const { slug = '' } = useParams();
  const makerspace = useMakerspace(slug);
  const access = useMakerspaceAccess(slug);
  const canRun = access.status === 'known' && access.runMakerspace;
  const space = makerspace.data;
  const timeZone = space?.timeZone;
  const [creating, setCreating] = useState(false);
  const [scheduling, setScheduling] = useState<Training | null>(null);
  useDocumentTitle(space ? `Trainings · ${space.name}` : 'Trainings');
  return (
    <MakerspaceFrame
      slug={slug}
      title="Trainings"
      description="Some machines are booked only after their training. Take a seat in a session; once an admin records your pass, the machine is yours to book."
      actions={
        canRun && space ? (
          <AdminActions slug={slug} space={space} onNew={() => setCreating(true)} />
        ) : undefined
      }
    >
      <MakerspaceGate slug={slug} needs="isInside" audience="members of this makerspace">
        {timeZone ? (
          <>
            <div className="space-y-10">
              <section aria-labelledby="my-passes-heading">
                <h2 id="my-passes-heading" className="text-xl font-semibold text-ink-950">
                  My passes
                </h2>
                <div className="mt-4">
                  <MyPasses slug={slug} timeZone={timeZone} />
                </div>
              </section>
              <section aria-labelledby="trainings-heading">
                <h2 id="trainings-heading" className="text-xl font-semibold text-ink-950">
                  Trainings and sessions
                </h2>
                <p className="mt-1 text-sm text-ink-600">Times are in {timeZone}.</p>
                <div className="mt-4">
                  <TrainingList
                    slug={slug}
                    timeZone={timeZone}
                    canRun={canRun}
                    onSchedule={setScheduling}
                  />
                </div>
              </section>
            </div>
            {canRun ? (
              <>
                <NewTrainingDialog slug={slug} open={creating} onClose={() => setCreating(false)} />
                <ScheduleSessionDialog
                  slug={slug}
                  training={scheduling}
                  timeZone={timeZone}
                  onClose={() => setScheduling(null)}
                />
              </>
            ) : null}
          </>
        ) : (
          <div aria-busy="true">
            <span className="sr-only">Loading the trainings…</span>
            <Skeleton className="h-64 rounded-2xl" />
          </div>
        )}
      </MakerspaceGate>
    </MakerspaceFrame>
  );
}
