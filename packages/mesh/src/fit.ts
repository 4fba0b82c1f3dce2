import type { Vector3 } from './measure';

export interface BuildVolume {
  /** Whatever the caller knows the machine by: an id or a name. */
  name: string;
  /** mm. */
  x: number;
  y: number;
  z: number;
}

export type FitVerdict = 'fits' | 'fits-rotated' | 'too-big';

export interface FitResult extends BuildVolume {
  fit: FitVerdict;
}

/**
 * Fit of the part's bounding box in each build volume: as modelled; else turned onto another
 * side or a quarter turn about z (the largest dimension against the largest axis, and so on);
 * else too big.
 */
export function fitBuildVolumes(dimensions: Vector3, volumes: BuildVolume[]): FitResult[] {
  const [dx, dy, dz] = dimensions;
  const part = [...dimensions].sort((a, b) => a - b);
  return volumes.map((volume) => {
    const machine = [volume.x, volume.y, volume.z].sort((a, b) => a - b);
    let fit: FitVerdict = 'too-big';
    if (dx <= volume.x && dy <= volume.y && dz <= volume.z) fit = 'fits';
    else if (part.every((d, i) => d <= machine[i]!)) fit = 'fits-rotated';
    return { ...volume, fit };
  });
}

export interface UnitsGuess {
  /** What the numbers in the file most likely are. */
  likely: 'mm' | 'inch';
  /** Multiply coordinates by this to get millimetres if the guess is right (25.4 for inches). */
  scale: number;
  /** The part's dimensions after that scale, mm. */
  scaledDimensions: Vector3;
}

/** Below this largest dimension a part is more likely modelled in inches than in mm. */
export const INCH_GUESS_BELOW = 8;

/**
 * STL carries no unit. Slicers assume millimetres; a part whose largest dimension is under
 * ~8 units is far more often an inch model (a 2 × 1 × 0.5 bracket) than an 8 mm one, so the
 * guess is inches and the rescaled dimensions are offered for a one-click fix.
 */
export function guessUnits(dimensions: Vector3): UnitsGuess {
  const largest = Math.max(...dimensions);
  if (largest > 0 && largest < INCH_GUESS_BELOW) {
    return {
      likely: 'inch',
      scale: 25.4,
      scaledDimensions: dimensions.map((d) => d * 25.4) as Vector3,
    };
  }
  return { likely: 'mm', scale: 1, scaledDimensions: [...dimensions] };
}
