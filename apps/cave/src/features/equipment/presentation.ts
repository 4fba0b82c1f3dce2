import {
  equipmentStatus,
  equipmentTypeLabels,
  equipmentTypes,
  type EquipmentSpecifications,
  type EquipmentStatus,
  type EquipmentType,
} from '@makrx/contracts';
import type { MachineFilters } from './api';

/** The filters a URL's search names, ignoring values the service would refuse. */
export function filtersFromSearch(search: URLSearchParams): MachineFilters {
  const type = search.get('type');
  const status = search.get('status');
  return {
    type: (equipmentTypes as readonly string[]).includes(type ?? '')
      ? (type as EquipmentType)
      : undefined,
    status: equipmentStatus.options.includes(status as EquipmentStatus)
      ? (status as EquipmentStatus)
      : undefined,
  };
}

/** A machine's specifications as label–value pairs, in the order a job asks about them. */
export function specificationRows(specs: EquipmentSpecifications): Array<[string, string]> {
  const rows: Array<[string, string]> = [];
  if (specs.buildVolumeMm) {
    const { x, y, z } = specs.buildVolumeMm;
    rows.push(['Build volume', `${x} × ${y} × ${z} mm`]);
  }
  if (specs.nozzleDiameterMm !== undefined) rows.push(['Nozzle', `${specs.nozzleDiameterMm} mm`]);
  if (specs.laserPowerW !== undefined) rows.push(['Laser power', `${specs.laserPowerW} W`]);
  if (specs.materials?.length) rows.push(['Materials', specs.materials.join(', ')]);
  return rows;
}

export const typeOptions = equipmentTypes.map((type) => ({
  value: type,
  label: equipmentTypeLabels[type],
}));
