/*
 * The answer of a viewer's Web Worker, in a file of its own: the page checks it without loading
 * the parsers.
 */

/** What a viewer's Web Worker answers for one file: the triangles to draw, or why not. */
export type ViewableModel =
  | {
      type: 'parsed';
      /** Nine floats a triangle, in millimetres as the file states them. */
      positions: Float32Array;
      triangleCount: number;
      /** The part's size along x, y and z, mm. */
      dimensions: [number, number, number];
    }
  | { type: 'failed'; message: string };

/** A message from a viewer's worker, checked before the page trusts it. */
export function isViewableModel(message: unknown): message is ViewableModel {
  if (typeof message !== 'object' || message === null) return false;
  const answer = message as Record<string, unknown>;
  if (answer.type === 'failed') return typeof answer.message === 'string';
  return (
    answer.type === 'parsed' &&
    answer.positions instanceof Float32Array &&
    typeof answer.triangleCount === 'number' &&
    Array.isArray(answer.dimensions) &&
    answer.dimensions.length === 3 &&
    answer.dimensions.every((d) => typeof d === 'number')
  );
}
