import type { Technology } from './materials.js';

/** The quality a customer picks; each technology maps it to a layer height and a speed. */
export type Quality = 'draft' | 'standard' | 'fine';

export const qualities: readonly Quality[] = ['draft', 'standard', 'fine'];

/**
 * The machine settings the weight and time models read. One flat shape for every technology:
 * a field a technology does not use is ignored by its model (README, "Formulas").
 */
export interface ProcessProfile {
  layerHeightMm: number;
  /** FDM: how much plastic the hot end melts per second at this quality. */
  volumetricFlowMm3PerS: number;
  /**
   * FDM: travel, retraction and layer change on top of extrusion. SLA/SLS: the whole layer
   * (exposure or sintering, peel or recoat), which does not depend on the layer's area.
   */
  secondsPerLayer: number;
  /** FDM: perimeters × line width is the wall thickness. */
  wallPerimeters: number;
  lineWidthMm: number;
  /** Extra material for supports and rafts, as a percentage of the part's own. */
  supportAllowancePercent: number;
}

const fdmFlow: Record<Quality, number> = { draft: 12, standard: 8, fine: 4 };

const layerHeightsMm: Record<Technology, Record<Quality, number>> = {
  FDM: { draft: 0.28, standard: 0.2, fine: 0.12 },
  SLA: { draft: 0.1, standard: 0.05, fine: 0.025 },
  SLS: { draft: 0.12, standard: 0.1, fine: 0.08 },
};

/**
 * Defaults from typical desktop machines (a Prusa MK4 class FDM printer, a Form 3 class
 * SLA printer, a Fuse 1 class SLS printer). A provider's offering may override any of them.
 */
export function defaultProcessProfile(technology: Technology, quality: Quality): ProcessProfile {
  const layerHeightMm = layerHeightsMm[technology][quality];
  switch (technology) {
    case 'FDM':
      return {
        layerHeightMm,
        volumetricFlowMm3PerS: fdmFlow[quality],
        secondsPerLayer: 4,
        wallPerimeters: 2,
        lineWidthMm: 0.45,
        supportAllowancePercent: 0,
      };
    case 'SLA':
      return {
        layerHeightMm,
        volumetricFlowMm3PerS: 0,
        secondsPerLayer: 10,
        wallPerimeters: 0,
        lineWidthMm: 0,
        supportAllowancePercent: 10,
      };
    case 'SLS':
      return {
        layerHeightMm,
        volumetricFlowMm3PerS: 0,
        secondsPerLayer: 12,
        wallPerimeters: 0,
        lineWidthMm: 0,
        supportAllowancePercent: 0,
      };
  }
}

/** Throws unless the profile can time and weigh a print (an override may have broken it). */
export function assertValidProcessProfile(technology: Technology, profile: ProcessProfile): void {
  const positive = (value: number) => Number.isFinite(value) && value > 0;
  const nonNegative = (value: number) => Number.isFinite(value) && value >= 0;
  const fdmNeeds = technology === 'FDM';
  const problems = [
    !positive(profile.layerHeightMm) && 'layerHeightMm must be positive',
    !nonNegative(profile.secondsPerLayer) && 'secondsPerLayer must not be negative',
    !nonNegative(profile.supportAllowancePercent) && 'supportAllowancePercent must not be negative',
    fdmNeeds &&
      !positive(profile.volumetricFlowMm3PerS) &&
      'FDM needs a positive volumetricFlowMm3PerS',
    fdmNeeds && !nonNegative(profile.wallPerimeters) && 'wallPerimeters must not be negative',
    fdmNeeds && !nonNegative(profile.lineWidthMm) && 'lineWidthMm must not be negative',
  ].filter((problem) => problem !== false);
  if (problems.length > 0) throw new RangeError(`Process settings: ${problems.join('; ')}.`);
}
