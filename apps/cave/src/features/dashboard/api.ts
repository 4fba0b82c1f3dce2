import type {
  Makerspace,
  MachineList,
  MachineSummary,
  Reservation,
  ReservationList,
} from '@makrx/contracts';
import { getJson, useRuntimeConfig } from '@makrx/spa-kit';
import { useQuery } from '@tanstack/react-query';
import { spacePath, useCaveApi } from '../../cave-api';
import { splitBookings } from '../reservations/presentation';

/** What a makerspace's overview shows the people inside it. */
export interface MakerspaceDashboard {
  space: Makerspace;
  /** Every machine that is not archived, with its status. */
  machines: MachineSummary[];
  /** My bookings here still to come or under way, soonest first. */
  myUpcoming: Reservation[];
}

/**
 * The overview, put together from the makerspace, its equipment and my bookings. One query, so
 * a single dashboard answer from the service can take its place without the page changing.
 */
export function useMakerspaceDashboard(slug: string) {
  const { caveApiUrl } = useRuntimeConfig();
  const api = useCaveApi();
  return useQuery({
    queryKey: ['dashboard', slug],
    queryFn: async ({ signal }): Promise<MakerspaceDashboard> => {
      const [space, machines, mine] = await Promise.all([
        getJson<Makerspace>(caveApiUrl, `/api/v1${spacePath(slug)}`, undefined, signal),
        api<MachineList>(`${spacePath(slug)}/equipment`, { signal }),
        api<ReservationList>('/reservations/mine', { signal }),
      ]);
      const here = mine.items.filter((booking) => booking.makerspace.slug === slug);
      return {
        space,
        machines: machines.items,
        myUpcoming: splitBookings(here, new Date()).upcoming,
      };
    },
  });
}
