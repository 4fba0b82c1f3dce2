import type { MakerspaceDashboard } from '@makrx/contracts';
import { useQuery } from '@tanstack/react-query';
import { spacePath, useCaveApi } from '../../cave-api';

/**
 * A makerspace's day at a glance from the service: today in its time zone with its hours, the
 * machines with their next booking, today's bookings, and what needs its admins' attention.
 * Under the dashboard key, which settings changes and live events refresh.
 */
export function useMakerspaceDashboard(slug: string) {
  const api = useCaveApi();
  return useQuery({
    queryKey: ['dashboard', slug],
    queryFn: ({ signal }) => api<MakerspaceDashboard>(`${spacePath(slug)}/dashboard`, { signal }),
  });
}
