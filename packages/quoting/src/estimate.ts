import type { PartGeometry } from './geometry.js';
import type { Material } from './materials.js';
import type { ProcessProfile } from './process.js';

/** What goes into printing one part: the material laid down, its weight, and the time. */
export interface PrintEstimate {
  /** Material laid down, supports included, in mm³. */
  printedVolumeMm3: number;
  grams: number;
  layers: number;
  printSeconds: number;
}

/**
 * FDM prints a solid wall (perimeters × line width thick) over the whole surface and fills
 * the inside at the infill percentage. The wall cannot hold more than the part, so it is
 * capped by the volume (a thin part is printed solid).
 */
export function fdmExtrudedVolumeMm3(
  part: PartGeometry,
  profile: ProcessProfile,
  infillPercent: number,
): number {
  const wallThicknessMm = profile.wallPerimeters * profile.lineWidthMm;
  const shell = Math.min(part.surfaceAreaMm2 * wallThicknessMm, part.volumeMm3);
  const interior = part.volumeMm3 - shell;
  return shell + (infillPercent / 100) * interior;
}

/** Layers needed to build `heightMm`; a part of any height takes at least one. */
export function layerCount(heightMm: number, layerHeightMm: number): number {
  // Snapped so that 20 / 0.2 (99.99999999999999 in binary) is 100 layers, not 101.
  return Math.max(1, Math.ceil(Number((heightMm / layerHeightMm).toFixed(6))));
}

/**
 * Weight and time of one part printed `heightMm` tall (the height of the orientation it is
 * printed in). FDM time follows the plastic extruded plus a fixed cost per layer; SLA and SLS
 * expose or sinter a whole layer at once, so their time follows the layer count alone, and a
 * tall part costs more than a flat one of the same volume.
 */
export function estimatePrint(
  part: PartGeometry,
  material: Material,
  profile: ProcessProfile,
  { heightMm, infillPercent }: { heightMm: number; infillPercent: number },
): PrintEstimate {
  const layers = layerCount(heightMm, profile.layerHeightMm);
  const partVolume =
    material.technology === 'FDM'
      ? fdmExtrudedVolumeMm3(part, profile, infillPercent)
      : part.volumeMm3;
  const printedVolumeMm3 = partVolume * (1 + profile.supportAllowancePercent / 100);
  // g/cm³ is mg/mm³: mm³ × g/cm³ / 1000 is grams.
  const grams = (printedVolumeMm3 * material.densityGPerCm3) / 1000;
  const extrusionSeconds =
    material.technology === 'FDM' ? printedVolumeMm3 / profile.volumetricFlowMm3PerS : 0;
  const printSeconds = extrusionSeconds + layers * profile.secondsPerLayer;
  return { printedVolumeMm3, grams, layers, printSeconds };
}
