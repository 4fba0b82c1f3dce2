import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyseSolid, measurementsOf, parseMesh } from '@makrx/mesh';
import { toBinaryStl, torus } from '@makrx/mesh/testing';
import type { Comparison } from './report';

/** Torus resolutions (segments × sides × 2 triangles): 100k, 1M and 4M triangles. */
const SIZES = [
  { label: '100k', segments: 250, sides: 200, runs: 7, target: undefined },
  { label: '1M', segments: 1000, sides: 500, runs: 5, target: 5 },
  { label: '4M', segments: 2000, sides: 1000, runs: 3, target: 10 },
] as const;

/**
 * DESIGN target: the 3D analysis of a binary STL (parse, volume, area, bounding box,
 * watertightness, shells) is at least 5× faster than `admesh` on the same 1M-triangle file and
 * 10× at 4M; and parse + volume + area + bounding box stays within 3× of a bare pass that only
 * reads every float of the file. Rows are in triangles per second, so higher is better and the
 * ratio reads as "times faster". Each figure is the median of a few runs on the same bytes.
 */
export async function benchMeshAnalysis(): Promise<Comparison[]> {
  const work = mkdtempSync(join(tmpdir(), 'makrx-bench-mesh-'));
  const rows: Comparison[] = [];
  try {
    for (const size of SIZES) {
      const file = join(work, `torus-${size.label}.stl`);
      writeFileSync(file, toBinaryStl(torus(40, 10, size.segments, size.sides)));
      const bytes = new Uint8Array(readFileSync(file));
      const triangles = (bytes.length - 84) / 50;
      const perSecond = (ms: number) => triangles / 1e6 / (ms / 1000);
      const full = median(size.runs, () => analyseFile(bytes, false));
      const parseMeasure = median(size.runs, () => analyseFile(bytes, true));
      const bare = median(size.runs, () => barePass(bytes));
      const admesh = median(Math.min(size.runs, 3), () => runAdmesh(file));
      const what = `3D analysis, binary STL torus of ${size.label} triangles`;
      rows.push(
        {
          what: `${what}: parse, volume, area, bbox, watertight, shells`,
          metric: 'M triangles/s',
          ours: perSecond(full),
          peer: perSecond(admesh),
          peerName: 'admesh (C), whole run',
          higherIsBetter: true,
          target: size.target ? { ratioAtLeast: size.target } : {},
          failures: 0,
        },
        {
          what: `${what}: parse, volume, area, bbox`,
          metric: 'M triangles/s',
          ours: perSecond(parseMeasure),
          peer: perSecond(bare),
          peerName: 'bare pass reading every float',
          higherIsBetter: true,
          target: { ratioAtLeast: 1 / 3 },
          failures: 0,
        },
      );
      console.log(
        `  ${size.label}: ours ${full.toFixed(0)} ms (parse+measure ${parseMeasure.toFixed(0)} ms), admesh ${admesh.toFixed(0)} ms, bare pass ${bare.toFixed(0)} ms`,
      );
    }
    return rows;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Wall time of our analysis of bytes already in memory, ms. */
function analyseFile(bytes: Uint8Array, measureOnly: boolean): number {
  const started = performance.now();
  const mesh = parseMesh(bytes, { fileName: 'bench.stl' });
  const measured = measurementsOf(mesh);
  if (!measureOnly) {
    const solid = analyseSolid(mesh.positions);
    if (!solid.watertight || solid.shells !== 1) throw new Error('the bench torus is not closed');
  }
  if (!(measured.signedVolume > 0)) throw new Error('the bench torus has no volume');
  return performance.now() - started;
}

/** Reads every float of every triangle and nothing more: the floor for any STL reader. */
function barePass(bytes: Uint8Array): number {
  const started = performance.now();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(80, true);
  let sum = 0;
  for (let t = 0, at = 96; t < count; t++, at += 50) {
    for (let k = 0; k < 36; k += 4) sum += view.getFloat32(at + k, true);
  }
  if (Number.isNaN(sum)) throw new Error('the bench file has a NaN');
  return performance.now() - started;
}

/** Wall time of `admesh <file>`: it reads the file, matches edges, and reports volume and parts. */
function runAdmesh(file: string): number {
  const started = performance.now();
  execFileSync('admesh', [file], { stdio: 'ignore' });
  return performance.now() - started;
}

function median(runs: number, measure: () => number): number {
  measure(); // warm-up: compiled code, touched memory
  const times = Array.from({ length: runs }, measure).sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
