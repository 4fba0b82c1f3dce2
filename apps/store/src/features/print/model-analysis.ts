import type { ModelAnalysis } from '@makrx/contracts';
import { fitBuildVolumes, type BuildVolume, type FitResult, type MeshFormat } from '@makrx/mesh';

type Vector3 = [number, number, number];

/**
 * What the page shows of a model: the browser's own analysis while the file uploads, then the
 * store service's (the one quotes are made from). Lengths in mm after `unitScale`.
 */
export interface AnalysisView {
  source: 'browser' | 'server';
  format: MeshFormat;
  triangleCount: number;
  /** 1 as the file is; 25.4 once the customer said it is in inches. */
  unitScale: number;
  dimensions: Vector3;
  volume: number;
  surfaceArea: number;
  watertight: boolean;
  boundaryEdges: number;
  nonManifoldEdges: number;
  inconsistentNormals: boolean;
  inverted: boolean;
  degenerateTriangles: number;
  shells: number;
  /** The unit the file's numbers most likely are in, as uploaded. */
  unitsGuess: 'mm' | 'inch';
  overhangArea: number;
  /** Null when not checked. */
  thinWallTriangles: number | null;
  fit: FitResult[];
  analysedInMs: number;
}

/**
 * Printer sizes the browser checks the part against before any provider is asked: a compact
 * and a large FDM bed and a desktop resin vat. The quotes then say which providers' machines
 * it fits.
 */
export const typicalBuildVolumes: BuildVolume[] = [
  { name: 'Compact FDM printer (180 × 180 × 180 mm)', x: 180, y: 180, z: 180 },
  { name: 'Standard FDM printer (256 × 256 × 256 mm)', x: 256, y: 256, z: 256 },
  { name: 'Large FDM printer (350 × 350 × 350 mm)', x: 350, y: 350, z: 350 },
  { name: 'Desktop resin printer (218 × 123 × 250 mm)', x: 218, y: 123, z: 250 },
];

/** Walls thinner than two 0.4 mm nozzle widths cannot be printed solid on most FDM machines. */
export const MIN_WALL_MM = 0.8;

/** The inch scale the units fix applies. */
export const INCH = 25.4;

/** What the browser's worker is asked: the file itself, read in the worker. */
export interface AnalyseRequest {
  type: 'analyse';
  file: Blob;
  fileName: string;
}

/** The worker's answer: the analysis, and per-triangle data for the preview (transferred). */
export type WorkerAnswer =
  | {
      type: 'analysed';
      analysis: AnalysisView;
      /** Nine floats a triangle, as the file has them (mm, or the file's unit). */
      positions: Float32Array;
      /** 1 for each triangle that needs support. */
      overhangFlags: Uint8Array;
      /** 1 for each triangle on a wall thinner than MIN_WALL_MM; null when not checked. */
      thinWallFlags: Uint8Array | null;
    }
  | { type: 'failed'; code: string; message: string };

/** The browser itself failed (no memory, a bug): not the file's fault, so the upload goes on. */
export const analysisFailed: WorkerAnswer = {
  type: 'failed',
  code: 'ANALYSIS_FAILED',
  message: 'Your browser could not analyse this file; the store will still check it.',
};

/** Whether a message from the worker is one of its answers (anything else is ignored). */
export function isWorkerAnswer(data: unknown): data is WorkerAnswer {
  if (typeof data !== 'object' || data === null) return false;
  const message = data as Record<string, unknown>;
  if (message.type === 'failed') {
    return typeof message.code === 'string' && typeof message.message === 'string';
  }
  return (
    message.type === 'analysed' &&
    typeof message.analysis === 'object' &&
    message.positions instanceof Float32Array &&
    message.overhangFlags instanceof Uint8Array &&
    (message.thinWallFlags === null || message.thinWallFlags instanceof Uint8Array)
  );
}

/** The browser's analysis at another unit scale (the file is in inches: 25.4). */
export function atScale(analysis: AnalysisView, unitScale: number): AnalysisView {
  const factor = unitScale / analysis.unitScale;
  const dimensions = analysis.dimensions.map((d) => d * factor) as Vector3;
  return {
    ...analysis,
    unitScale,
    dimensions,
    volume: analysis.volume * factor ** 3,
    surfaceArea: analysis.surfaceArea * factor ** 2,
    overhangArea: analysis.overhangArea * factor ** 2,
    fit: fitBuildVolumes(dimensions, typicalBuildVolumes),
  };
}

/** The store service's analysis in the page's shape. */
export function fromServerAnalysis(analysis: ModelAnalysis): AnalysisView {
  const { x, y, z } = analysis.dimensionsMm;
  const dimensions: Vector3 = [x, y, z];
  return {
    source: 'server',
    format: analysis.format,
    triangleCount: analysis.triangleCount,
    unitScale: analysis.unitScale,
    dimensions,
    volume: analysis.volumeMm3,
    surfaceArea: analysis.surfaceAreaMm2,
    watertight: analysis.watertight,
    boundaryEdges: analysis.boundaryEdges,
    nonManifoldEdges: analysis.nonManifoldEdges,
    inconsistentNormals: analysis.inconsistentNormals,
    inverted: analysis.inverted,
    degenerateTriangles: analysis.degenerateTriangles,
    shells: analysis.shells,
    unitsGuess: analysis.unitsGuess,
    overhangArea: analysis.overhangAreaMm2,
    thinWallTriangles: analysis.thinWallTriangles,
    fit: fitBuildVolumes(dimensions, typicalBuildVolumes),
    analysedInMs: analysis.analysedInMs,
  };
}

/** A finding the customer should act on, worded for them, with how bad it is. */
export interface Finding {
  tone: 'ok' | 'warning' | 'problem';
  title: string;
  detail: string;
}

/** The analysis read as a checklist: what is fine, what a provider will have to fix or support. */
export function findingsOf(analysis: AnalysisView): Finding[] {
  const findings: Finding[] = [];
  if (analysis.watertight) {
    findings.push({ tone: 'ok', title: 'Watertight', detail: 'Every edge joins two faces.' });
  } else {
    const holes = analysis.boundaryEdges;
    const parts = [
      holes > 0 ? `${holes} open ${holes === 1 ? 'edge' : 'edges'}` : '',
      analysis.nonManifoldEdges > 0
        ? `${analysis.nonManifoldEdges} ${analysis.nonManifoldEdges === 1 ? 'edge' : 'edges'} shared by more than two faces`
        : '',
    ].filter(Boolean);
    findings.push({
      tone: 'problem',
      title: 'Not watertight',
      detail: `${parts.join(' and ')}: slicers may fill or drop those parts. Repair the mesh for a reliable print.`,
    });
  }
  if (analysis.inverted) {
    findings.push({
      tone: 'warning',
      title: 'Normals point inward',
      detail: 'The whole model is inside out; most slicers flip it, but check the export.',
    });
  } else if (analysis.inconsistentNormals) {
    findings.push({
      tone: 'warning',
      title: 'Flipped normals',
      detail: 'Some faces point the wrong way; slicers may misread those areas.',
    });
  } else {
    findings.push({ tone: 'ok', title: 'Normals consistent', detail: 'All faces point outward.' });
  }
  if (analysis.shells > 1) {
    findings.push({
      tone: 'warning',
      title: `${analysis.shells} separate shells`,
      detail: 'The file holds several bodies: they print as separate parts unless they touch.',
    });
  }
  if (analysis.degenerateTriangles > 0) {
    findings.push({
      tone: 'warning',
      title: `${analysis.degenerateTriangles} degenerate ${analysis.degenerateTriangles === 1 ? 'triangle' : 'triangles'}`,
      detail: 'Faces with no area; harmless to most slicers.',
    });
  }
  if (analysis.thinWallTriangles !== null && analysis.thinWallTriangles > 0) {
    findings.push({
      tone: 'warning',
      title: 'Thin walls',
      detail: `${analysis.thinWallTriangles} ${analysis.thinWallTriangles === 1 ? 'face is' : 'faces are'} on walls thinner than ${MIN_WALL_MM} mm, which may not print on FDM machines.`,
    });
  }
  if (analysis.overhangArea > 0) {
    findings.push({
      tone: 'warning',
      title: 'Overhangs need support',
      detail: `${(analysis.overhangArea / 100).toFixed(1)} cm² faces down more than 45° from vertical.`,
    });
  }
  const fitting = analysis.fit.filter((fit) => fit.fit !== 'too-big');
  if (fitting.length === 0) {
    findings.push({
      tone: 'problem',
      title: 'Larger than common printers',
      detail: 'It fits none of the usual build volumes; split the model or check its units.',
    });
  }
  return findings;
}
