/** How a part is made; it decides the weight and time models (see README). */
export type Technology = 'FDM' | 'SLA' | 'SLS';

export interface Material {
  /** Stable key, e.g. "pla"; offerings name their material by it. */
  key: string;
  name: string;
  technology: Technology;
  /** Density of the printed solid in g/cm³ (numerically mg/mm³). */
  densityGPerCm3: number;
}

/**
 * The materials providers commonly offer, with the densities of the printed solid from the
 * manufacturers' data sheets (rounded to two decimals). A provider with a different grade can
 * pass its own `Material` in an offering.
 */
export const materials = {
  pla: { key: 'pla', name: 'PLA', technology: 'FDM', densityGPerCm3: 1.24 },
  petg: { key: 'petg', name: 'PETG', technology: 'FDM', densityGPerCm3: 1.27 },
  abs: { key: 'abs', name: 'ABS', technology: 'FDM', densityGPerCm3: 1.04 },
  asa: { key: 'asa', name: 'ASA', technology: 'FDM', densityGPerCm3: 1.07 },
  tpu: { key: 'tpu', name: 'TPU (flexible)', technology: 'FDM', densityGPerCm3: 1.21 },
  nylonPa12: { key: 'nylon-pa12', name: 'Nylon PA12', technology: 'SLS', densityGPerCm3: 1.01 },
  resinStandard: {
    key: 'resin-standard',
    name: 'Standard resin',
    technology: 'SLA',
    densityGPerCm3: 1.1,
  },
  resinTough: { key: 'resin-tough', name: 'Tough resin', technology: 'SLA', densityGPerCm3: 1.12 },
} as const satisfies Record<string, Material>;
