import type {
  MakerspaceCalendar,
  Reservation,
  ReservationCalendar,
  ReservationList,
} from '@makrx/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { spacePath, useCaveApi } from '../../cave-api';

const bookingsKey = ['reservations'] as const;
const machinePath = (slug: string, machine: string) =>
  `${spacePath(slug)}/equipment/${encodeURIComponent(machine)}/reservations`;

export interface CalendarRange {
  from: string;
  to: string;
}

/** A machine's bookings and maintenance over the range a calendar shows. */
export function useMachineCalendar(slug: string, machine: string, range: CalendarRange | null) {
  const api = useCaveApi();
  return useQuery({
    queryKey: [...bookingsKey, 'calendar', slug, machine, range],
    queryFn: ({ signal }) =>
      api<ReservationCalendar>(machinePath(slug, machine), {
        params: { from: range!.from, to: range!.to },
        signal,
      }),
    enabled: range !== null,
    placeholderData: keepPreviousData,
  });
}

/**
 * Every machine's bookings and maintenance, and the opening hours, over the range the
 * makerspace calendar shows. Under the bookings key, so live booking events refresh it.
 */
export function useMakerspaceCalendar(slug: string, range: CalendarRange | null) {
  const api = useCaveApi();
  return useQuery({
    queryKey: [...bookingsKey, 'makerspace-calendar', slug, range],
    queryFn: ({ signal }) =>
      api<MakerspaceCalendar>(`${spacePath(slug)}/calendar`, {
        params: { from: range!.from, to: range!.to },
        signal,
      }),
    enabled: range !== null,
    placeholderData: keepPreviousData,
  });
}

/** The signed-in person's bookings in every makerspace, earliest first. */
export function useMyBookings() {
  const api = useCaveApi();
  return useQuery({
    queryKey: [...bookingsKey, 'mine'],
    queryFn: ({ signal }) => api<ReservationList>('/reservations/mine', { signal }),
    select: (list) => list.items,
  });
}

const refreshBookings = (queryClient: ReturnType<typeof useQueryClient>) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: bookingsKey }),
    queryClient.invalidateQueries({ queryKey: ['dashboard'] }),
  ]);

export function useBookMachine(slug: string, machine: string) {
  const api = useCaveApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (slot: { startsAt: string; endsAt: string; projectSlug?: string }) =>
      api<Reservation>(machinePath(slug, machine), { method: 'POST', body: slot }),
    onSuccess: () => refreshBookings(queryClient),
  });
}

export type BookingStep = 'cancel' | 'check-in' | 'check-out';

/** Cancel, check in to or check out of one of my bookings. */
export function useBookingStep() {
  const api = useCaveApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ booking, step }: { booking: Reservation; step: BookingStep }) =>
      api<Reservation>(`${spacePath(booking.makerspace.slug)}/reservations/${booking.id}/${step}`, {
        method: 'POST',
      }),
    onSettled: () => refreshBookings(queryClient),
  });
}
