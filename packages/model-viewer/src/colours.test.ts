import { describe, expect, it } from 'vitest';
import { colourTriangles, previewColours } from './colours';

const colourOf = (colours: Float32Array, triangle: number) => [
  ...colours.subarray(triangle * 9, triangle * 9 + 3),
];
const close = (rgb: readonly number[]) => rgb.map((c) => Math.fround(c));

describe('the preview’s warning colours', () => {
  const overhangs = new Uint8Array([1, 0, 1]);
  const thinWalls = new Uint8Array([0, 0, 1]);

  it('paints overhangs orange and thin walls red, thin walls first, on all three corners', () => {
    const colours = new Float32Array(27);
    colourTriangles(colours, overhangs, thinWalls, { overhangs: true, thinWalls: true });
    expect(colourOf(colours, 0)).toEqual(close(previewColours.overhang.rgb));
    expect(colourOf(colours, 1)).toEqual(close(previewColours.part.rgb));
    expect(colourOf(colours, 2)).toEqual(close(previewColours.thinWall.rgb));
    expect([...colours.subarray(18, 27)]).toEqual(
      [2, 2, 2].flatMap(() => close(previewColours.thinWall.rgb)),
    );
  });

  it('leaves a warning unpainted when its toggle is off, or when it was not checked', () => {
    const colours = new Float32Array(27);
    colourTriangles(colours, overhangs, thinWalls, { overhangs: true, thinWalls: false });
    expect(colourOf(colours, 2)).toEqual(close(previewColours.overhang.rgb));
    colourTriangles(colours, overhangs, null, { overhangs: false, thinWalls: true });
    for (let t = 0; t < 3; t++)
      expect(colourOf(colours, t)).toEqual(close(previewColours.part.rgb));
  });
});
