import { describe, expect, it } from 'vitest';
import { fitsBuildVolume, orientations, type Machine } from './geometry.js';
import { blockPart, prusaMk4 } from './testing.js';

const lowBed: Machine = { name: 'Low bed', buildVolumeMm: { x: 310, y: 310, z: 50 } };

describe('fitsBuildVolume', () => {
  it('fits a 300 × 20 × 20 bar on a 310 × 310 × 50 bed lying down, not standing', () => {
    const lying = fitsBuildVolume(blockPart(300, 20, 20), lowBed);
    expect(lying).toEqual({ fits: true, orientation: { x: 300, y: 20, z: 20 }, rotated: false });

    const standing = blockPart(20, 20, 300);
    expect(standing.boundingBoxMm.z).toBeGreaterThan(lowBed.buildVolumeMm.z);
    const laidDown = fitsBuildVolume(standing, lowBed);
    expect(laidDown.fits).toBe(true);
    if (laidDown.fits) {
      expect(laidDown.rotated).toBe(true);
      expect(laidDown.orientation.z).toBe(20);
      expect([laidDown.orientation.x, laidDown.orientation.y].sort((a, b) => a - b)).toEqual([
        20, 300,
      ]);
    }
  });

  it('keeps the orientation the part came in when it fits as it is', () => {
    expect(fitsBuildVolume(blockPart(100, 200, 150), prusaMk4)).toMatchObject({
      fits: true,
      rotated: false,
      orientation: { x: 100, y: 200, z: 150 },
    });
  });

  it('turns a part whose long side only fits along the bed’s long side', () => {
    // 240 fits only along x (250), 215 only along z (220), 150 is left for y (210).
    const fit = fitsBuildVolume(blockPart(150, 215, 240), prusaMk4);
    expect(fit).toMatchObject({
      fits: true,
      rotated: true,
      orientation: { x: 240, y: 150, z: 215 },
    });
  });

  it('says why a part that fits no way round is refused', () => {
    const fit = fitsBuildVolume(blockPart(260, 20, 20), prusaMk4);
    expect(fit.fits).toBe(false);
    if (!fit.fits) {
      expect(fit.reason).toBe(
        'The part (260×20×20 mm) is too big for Prusa MK4 (250×210×220 mm) in any orientation.',
      );
    }
  });

  it('a part exactly the size of the build volume fits', () => {
    expect(fitsBuildVolume(blockPart(250, 210, 220), prusaMk4).fits).toBe(true);
  });
});

describe('orientations', () => {
  it('are the six permutations of the box, the original first', () => {
    const all = orientations({ x: 1, y: 2, z: 3 });
    expect(all[0]).toEqual({ x: 1, y: 2, z: 3 });
    expect(new Set(all.map((o) => `${o.x}${o.y}${o.z}`))).toEqual(
      new Set(['123', '132', '213', '231', '312', '321']),
    );
  });
});
