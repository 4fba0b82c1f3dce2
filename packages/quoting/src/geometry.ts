/**
 * What the quote needs to know about a part. `@makrx/mesh`'s analysis reports these (and much
 * more); this package asks only for them so it can be fed from anywhere.
 */
export interface PartGeometry {
  volumeMm3: number;
  surfaceAreaMm2: number;
  /** The axis-aligned bounding box as the part arrives; z is up on the bed. */
  boundingBoxMm: Size3;
}

export interface Size3 {
  x: number;
  y: number;
  z: number;
}

export interface Machine {
  name: string;
  buildVolumeMm: Size3;
}

export type BuildVolumeFit =
  { fits: true; orientation: Size3; rotated: boolean } | { fits: false; reason: string };

/**
 * The six ways an axis-aligned box can lie on the bed (90° turns only), the part's own
 * orientation first, so a part that fits as modelled is printed as modelled.
 */
export function orientations({ x, y, z }: Size3): Size3[] {
  return [
    { x, y, z },
    { x: y, y: x, z },
    { x, y: z, z: y },
    { x: z, y: x, z: y },
    { x: y, y: z, z: x },
    { x: z, y, z: x },
  ];
}

/** "250×210×220 mm": how a size is shown to people. */
export function formatSize({ x, y, z }: Size3): string {
  const mm = (value: number) => String(Math.round(value * 10) / 10);
  return `${mm(x)}×${mm(y)}×${mm(z)} mm`;
}

/**
 * Whether the part fits the machine's build volume, turning it in 90° steps if it must; the
 * orientation returned is the one to print in (and to time: height decides the layer count).
 */
export function fitsBuildVolume(part: PartGeometry, machine: Machine): BuildVolumeFit {
  const bed = machine.buildVolumeMm;
  const candidates = orientations(part.boundingBoxMm);
  const index = candidates.findIndex((o) => o.x <= bed.x && o.y <= bed.y && o.z <= bed.z);
  const orientation = candidates[index];
  if (orientation) return { fits: true, orientation, rotated: index > 0 };
  return {
    fits: false,
    reason: `The part (${formatSize(part.boundingBoxMm)}) is too big for ${machine.name} (${formatSize(bed)}) in any orientation.`,
  };
}
