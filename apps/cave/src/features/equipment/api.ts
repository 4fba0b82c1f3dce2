import type {
  EquipmentStatus,
  EquipmentType,
  MachineDetail,
  MachineList,
  MachineSummary,
  MachineUpdate,
  MaintenanceLogEntry,
  MaintenanceWindow,
} from '@makrx/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { spacePath, useCaveApi } from '../../cave-api';
import { usePhotoActions } from '../photos/api';

export interface MachineFilters {
  type?: EquipmentType;
  status?: EquipmentStatus;
}

const equipmentKey = (slug: string) => ['equipment', slug] as const;
const machinePath = (slug: string, machine: string) =>
  `${spacePath(slug)}/equipment/${encodeURIComponent(machine)}`;

/** A makerspace's machines, filtered by type and status (members read them). */
export function useMachines(slug: string, filters: MachineFilters = {}) {
  const api = useCaveApi();
  return useQuery({
    queryKey: [...equipmentKey(slug), 'list', filters],
    queryFn: ({ signal }) =>
      api<MachineList>(`${spacePath(slug)}/equipment`, {
        params: { type: filters.type, status: filters.status },
        signal,
      }),
    select: (list) => list.items,
  });
}

export function useMachine(slug: string, machine: string) {
  const api = useCaveApi();
  return useQuery({
    queryKey: [...equipmentKey(slug), 'machine', machine],
    queryFn: ({ signal }) => api<MachineDetail>(machinePath(slug, machine), { signal }),
  });
}

/** What a machine's change shows on: the makerspace's equipment, its page, its dashboard. */
function useRefreshEquipment(slug: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: equipmentKey(slug) }),
      queryClient.invalidateQueries({ queryKey: ['makerspaces'] }),
      queryClient.invalidateQueries({ queryKey: ['dashboard', slug] }),
    ]);
}

/** Upload, reorder and delete a machine's photos (its admins and service providers). */
export function useMachinePhotoActions(slug: string, machine: string) {
  return usePhotoActions(machinePath(slug, machine), useRefreshEquipment(slug));
}

/**
 * The changes an admin or service provider makes to one machine; each refreshes what the
 * makerspace's pages show of its equipment.
 */
export function useMachineChanges(slug: string, machine: string) {
  const api = useCaveApi();
  const onSuccess = useRefreshEquipment(slug);
  const base = machinePath(slug, machine);
  return {
    update: useMutation({
      mutationFn: (update: MachineUpdate) =>
        api<MachineSummary>(base, { method: 'PATCH', body: update }),
      onSuccess,
    }),
    changeStatus: useMutation({
      mutationFn: (change: { status: EquipmentStatus; note?: string }) =>
        api<MachineSummary>(`${base}/status`, { method: 'PUT', body: change }),
      onSuccess,
    }),
    scheduleMaintenance: useMutation({
      mutationFn: (window: { startsAt: string; endsAt: string; reason: string }) =>
        api<MaintenanceWindow>(`${base}/maintenance-windows`, { method: 'POST', body: window }),
      onSuccess,
    }),
    cancelMaintenance: useMutation({
      mutationFn: (windowId: string) =>
        api<null>(`${base}/maintenance-windows/${windowId}`, { method: 'DELETE' }),
      onSuccess,
    }),
    logMaintenance: useMutation({
      mutationFn: (entry: { summary: string; notes: string; performedAt?: string }) =>
        api<MaintenanceLogEntry>(`${base}/maintenance-log`, { method: 'POST', body: entry }),
      onSuccess,
    }),
    archive: useMutation({
      mutationFn: () => api<MachineSummary>(`${base}/archive`, { method: 'POST' }),
      onSuccess,
    }),
  };
}
