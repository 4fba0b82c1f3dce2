import type { Measurements } from './measure';

/** The file formats the parsers read. */
export type MeshFormat = 'stl-binary' | 'stl-ascii' | 'obj' | '3mf';

/**
 * Every format is parsed into this one shape: an unindexed triangle soup, nine floats per
 * triangle (x, y, z of its three corners, in the order that gives the outward normal by the
 * right-hand rule), in millimetres as the file states them. Unindexed because binary STL — the
 * format nearly every upload is — is unindexed: the parser copies floats and nothing else, and
 * the analysis welds corners once, by their exact bits, where it needs shared vertices.
 */
export interface Mesh {
  format: MeshFormat;
  /**
   * The binary STL parser copies these out of the file's bytes on first read only (so the
   * bytes given to it must stay unchanged while the mesh is used); other parsers fill them.
   */
  positions: Float32Array;
  triangleCount: number;
  /** Taken by the binary STL parser in its pass over the file; else measured on demand. */
  measurements?: Measurements;
}

export interface ParseOptions {
  /** The uploaded file's name: a hint only (an `.obj` is read as OBJ); bytes decide the rest. */
  fileName?: string;
  /** Refuse files with more triangles than this (TOO_MANY_TRIANGLES). */
  maxTriangles?: number;
}

export const DEFAULT_MAX_TRIANGLES = 20_000_000;
