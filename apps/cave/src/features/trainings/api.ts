import type {
  MyTrainings,
  SessionAttendeeList,
  Training,
  TrainingInput,
  TrainingList,
  TrainingPass,
  TrainingSession,
  TrainingSessionInput,
  TrainingSessionList,
} from '@makrx/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { spacePath, useCaveApi } from '../../cave-api';

const trainingsKey = (slug: string) => ['trainings', slug] as const;
const myTrainingsKey = ['trainings', 'mine'] as const;

/** A makerspace's trainings (not archived), with the machines each one opens. */
export function useTrainings(slug: string) {
  const api = useCaveApi();
  return useQuery({
    queryKey: trainingsKey(slug),
    queryFn: ({ signal }) => api<TrainingList>(`${spacePath(slug)}/trainings`, { signal }),
    select: (list) => list.items,
  });
}

/** The sessions still to come, with the seats left and whether I hold one. */
export function useTrainingSessions(slug: string) {
  const api = useCaveApi();
  return useQuery({
    queryKey: [...trainingsKey(slug), 'sessions'],
    queryFn: ({ signal }) =>
      api<TrainingSessionList>(`${spacePath(slug)}/trainings/sessions`, { signal }),
    select: (list) => list.items,
  });
}

/** My passes and sign-ups, in every makerspace. */
export function useMyTrainings() {
  const api = useCaveApi();
  return useQuery({
    queryKey: myTrainingsKey,
    queryFn: ({ signal }) => api<MyTrainings>('/trainings/mine', { signal }),
  });
}

/** Who signed up for a session (the makerspace's admins). */
export function useAttendees(slug: string, sessionId: string | null) {
  const api = useCaveApi();
  return useQuery({
    queryKey: [...trainingsKey(slug), 'attendees', sessionId],
    queryFn: ({ signal }) =>
      api<SessionAttendeeList>(`${spacePath(slug)}/trainings/sessions/${sessionId}/attendees`, {
        signal,
      }),
    select: (list) => list.items,
    enabled: sessionId !== null,
  });
}

/** Every pass of a training, revoked and expired ones included (the makerspace's admins). */
export function useTrainingPasses(slug: string, trainingId: string | null) {
  const api = useCaveApi();
  return useQuery({
    queryKey: [...trainingsKey(slug), 'passes', trainingId],
    queryFn: ({ signal }) =>
      api<{ items: TrainingPass[] }>(`${spacePath(slug)}/trainings/${trainingId}/passes`, {
        signal,
      }),
    select: (list) => list.items,
    enabled: trainingId !== null,
  });
}

/** Everything a change to trainings may move: lists, seats, passes, mine. */
function useRefresh(slug: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trainingsKey(slug) }),
      queryClient.invalidateQueries({ queryKey: myTrainingsKey }),
    ]);
}

/** Take or give back my seat in a session. */
export function useSeat(slug: string) {
  const api = useCaveApi();
  const onSettled = useRefresh(slug);
  return useMutation({
    mutationFn: ({ sessionId, take }: { sessionId: string; take: boolean }) =>
      api<TrainingSession>(`${spacePath(slug)}/trainings/sessions/${sessionId}/sign-up`, {
        method: take ? 'POST' : 'DELETE',
      }),
    onSettled,
  });
}

/** The admins' changes: trainings, sessions and passes. */
export function useTrainingAdmin(slug: string) {
  const api = useCaveApi();
  const onSuccess = useRefresh(slug);
  const base = `${spacePath(slug)}/trainings`;
  return {
    create: useMutation({
      mutationFn: (input: TrainingInput) => api<Training>(base, { method: 'POST', body: input }),
      onSuccess,
    }),
    schedule: useMutation({
      mutationFn: ({ trainingId, ...input }: TrainingSessionInput & { trainingId: string }) =>
        api<TrainingSession>(`${base}/${trainingId}/sessions`, { method: 'POST', body: input }),
      onSuccess,
    }),
    recordPass: useMutation({
      mutationFn: ({
        trainingId,
        userId,
        sessionId,
      }: {
        trainingId: string;
        userId: string;
        sessionId?: string;
      }) =>
        api<TrainingPass>(`${base}/${trainingId}/passes`, {
          method: 'POST',
          body: sessionId ? { userId, sessionId } : { userId },
        }),
      onSuccess,
    }),
    revokePass: useMutation({
      mutationFn: (passId: string) =>
        api<TrainingPass>(`${base}/passes/${passId}/revoke`, { method: 'POST' }),
      onSuccess,
    }),
  };
}
