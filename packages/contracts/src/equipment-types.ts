/*
 * The kinds of machine a makerspace lists, without zod: the cave app's first page names them,
 * and loading the schemas there would ship zod with it.
 */

export const equipmentTypes = [
  '3d_printer',
  'laser_cutter',
  'cnc_mill',
  'vinyl_cutter',
  'electronics_bench',
  'other',
] as const;
export type EquipmentType = (typeof equipmentTypes)[number];

/** How a type reads in a sentence or a list of kinds. */
export const equipmentTypeLabels: Record<EquipmentType, string> = {
  '3d_printer': '3D printer',
  laser_cutter: 'Laser cutter',
  cnc_mill: 'CNC mill',
  vinyl_cutter: 'Vinyl cutter',
  electronics_bench: 'Electronics bench',
  other: 'Other',
};
