import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyseMesh, parseMesh } from './index';
import { cube, toBinaryStl, torus, uvSphere } from './testing/generate';

/** Debian's `admesh` (installed by .ci/run) is the reference our volumes must agree with. */
function admeshVolume(file: string): number {
  const report = execFileSync('admesh', [file], { encoding: 'utf8' });
  const volume = report.match(/Volume\s*:\s*([-\d.e+]+)/);
  if (!volume) throw new Error(`admesh printed no volume:\n${report}`);
  return Number(volume[1]);
}

describe('volumes agree with admesh', () => {
  const work = mkdtempSync(join(tmpdir(), 'makrx-mesh-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it.each([
    ['cube', cube(20)],
    ['sphere', uvSphere(25, 128, 64)],
    ['torus', torus(40, 10, 256, 128)],
  ])('the %s within 0.1%%', (name, shape) => {
    const bytes = toBinaryStl(shape);
    const file = join(work, `${name}.stl`);
    writeFileSync(file, bytes);
    const ours = analyseMesh(parseMesh(bytes, { fileName: `${name}.stl` })).volume;
    const theirs = admeshVolume(file);
    expect(Math.abs(ours / theirs - 1)).toBeLessThan(0.001);
    expect(Math.abs(ours / shape.exact.volume - 1)).toBeLessThan(1e-6);
  });
});
