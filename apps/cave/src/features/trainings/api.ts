import type { TrainingList } from '@makrx/contracts';
import { useQuery } from '@tanstack/react-query';
import { spacePath, useCaveApi } from '../../cave-api';

/** A makerspace's trainings (not archived), with the machines each one opens. */
export function useTrainings(slug: string) {
  const api = useCaveApi();
  return useQuery({
    queryKey: ['trainings', slug],
    queryFn: ({ signal }) => api<TrainingList>(`${spacePath(slug)}/trainings`, { signal }),
    select: (list) => list.items,
  });
}
