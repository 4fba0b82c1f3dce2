/** Which warnings the preview paints on the model. */
export interface Highlight {
  overhangs: boolean;
  thinWalls: boolean;
}

/** The part in its own colour: for a viewer that shows no printability warnings. */
export const noHighlight: Highlight = { overhangs: false, thinWalls: false };

/** The preview's colours (linear RGB, 0–1), also used by its legend (as CSS). */
export const previewColours = {
  part: { rgb: [0.58, 0.64, 0.72], css: '#94a3b8' },
  overhang: { rgb: [0.96, 0.45, 0.09], css: '#f97316' },
  thinWall: { rgb: [0.86, 0.15, 0.15], css: '#dc2626' },
} as const;

/**
 * Fills the vertex colours of an unindexed mesh (three corners a triangle): thin walls over
 * overhangs over the part's own colour, each only when its toggle is on and it was checked.
 */
export function colourTriangles(
  colours: Float32Array,
  overhangFlags: Uint8Array | null,
  thinWallFlags: Uint8Array | null,
  highlight: Highlight,
): void {
  const triangles = Math.floor(colours.length / 9);
  for (let t = 0; t < triangles; t++) {
    let rgb: readonly number[] = previewColours.part.rgb;
    if (highlight.thinWalls && thinWallFlags?.[t]) rgb = previewColours.thinWall.rgb;
    else if (highlight.overhangs && overhangFlags?.[t]) rgb = previewColours.overhang.rgb;
    for (let corner = 0; corner < 3; corner++) colours.set(rgb, t * 9 + corner * 3);
  }
}
