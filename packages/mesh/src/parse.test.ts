import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { analyseMesh, measureMesh, MeshError, parseMesh, type MeshErrorCode } from './index';
import {
  cube,
  to3mf,
  toAsciiStl,
  toBinaryStl,
  toObj,
  toPositions,
  torus,
} from './testing/generate';

function refusal(bytes: Uint8Array, fileName?: string, maxTriangles?: number): MeshError {
  try {
    parseMesh(bytes, { fileName, maxTriangles });
  } catch (error) {
    if (error instanceof MeshError) return error;
    throw error;
  }
  throw new Error('the file was accepted');
}

function expectRefused(bytes: Uint8Array, code: MeshErrorCode, message: RegExp, fileName?: string) {
  const error = refusal(bytes, fileName);
  expect(error.code).toBe(code);
  expect(error.message).toMatch(message);
  return error;
}

const text = (s: string) => strToU8(s);

describe('binary STL', () => {
  it('reads the triangles of a well-formed file', () => {
    const mesh = parseMesh(toBinaryStl(cube(20)), { fileName: 'cube.stl' });
    expect(mesh.format).toBe('stl-binary');
    expect(mesh.triangleCount).toBe(12);
    expect(mesh.positions).toHaveLength(108);
  });

  it('measures from the bytes and copies the same corners out once, when asked', () => {
    const positions = toPositions(torus(40, 10, 30, 20));
    const mesh = parseMesh(toBinaryStl(positions), { fileName: 'torus.stl' });
    expect(mesh.measurements).toEqual(measureMesh(positions));
    expect(mesh.positions).toEqual(positions);
    expect(mesh.positions).toBe(mesh.positions);
  });

  it('refuses an empty file', () => {
    expectRefused(new Uint8Array(0), 'EMPTY_FILE', /empty/);
  });

  it('refuses a file cut off in the middle of a triangle, naming it', () => {
    const whole = toBinaryStl(cube(20));
    const error = expectRefused(
      whole.subarray(0, 84 + 50 * 5 + 20),
      'TRUNCATED_STL',
      /cut off.*triangle 6/,
    );
    expect(error.where?.triangle).toBe(5);
  });

  it('refuses a file shorter than the header', () => {
    expectRefused(new Uint8Array(40).fill(1), 'TRUNCATED_STL', /84-byte header/);
  });

  it('refuses a header whose triangle count disagrees with the size', () => {
    const bytes = toBinaryStl(cube(20)).slice();
    new DataView(bytes.buffer).setUint32(80, 13, true);
    expectRefused(bytes, 'TRIANGLE_COUNT_MISMATCH', /announces 13 triangles.*holds 12/);
  });

  it.each([NaN, Infinity, -Infinity])('refuses a %s coordinate, naming the triangle', (bad) => {
    const bytes = toBinaryStl(cube(20)).slice();
    new DataView(bytes.buffer).setFloat32(84 + 50 * 7 + 12 + 4 * 4, bad, true);
    const error = expectRefused(bytes, 'NON_FINITE_COORDINATE', /Triangle 8 /);
    expect(error.where?.triangle).toBe(7);
  });

  it('reads a binary file whose header starts with "solid"', () => {
    const bytes = toBinaryStl(cube(20)).slice();
    bytes.set(text('solid but binary'));
    expect(parseMesh(bytes).format).toBe('stl-binary');
  });

  it('refuses more triangles than the limit', () => {
    const error = refusal(toBinaryStl(cube(20)), 'cube.stl', 10);
    expect(error.code).toBe('TOO_MANY_TRIANGLES');
    expect(error.message).toMatch(/12 triangles; at most 10/);
  });
});

describe('ASCII STL', () => {
  it('tolerates CRLF, tabs, upper case and exponents', () => {
    const source = [
      'SOLID part',
      '\tfacet normal 0 0 -1',
      '  OUTER LOOP',
      '    vertex 0 0 0',
      '    vertex 1e1 0.0E0 0',
      '    vertex  0   10  0   ',
      '  endloop',
      'endfacet',
      'endsolid part',
    ].join('\r\n');
    const mesh = parseMesh(text(source));
    expect(mesh.format).toBe('stl-ascii');
    expect([...mesh.positions]).toEqual([0, 0, 0, 10, 0, 0, 0, 10, 0]);
  });

  it('refuses garbage inside, naming the line', () => {
    const lines = new TextDecoder().decode(toAsciiStl(cube(20))).split('\n');
    lines[10] = '      vertex 1.0 banana 3';
    const error = expectRefused(
      text(lines.join('\n')),
      'ASCII_STL_SYNTAX',
      /Line 11 .*expected a number but found "banana"/,
    );
    expect(error.where?.line).toBe(11);
  });

  it('refuses a file that stops in the middle of a facet', () => {
    const whole = new TextDecoder().decode(toAsciiStl(cube(20)));
    expectRefused(
      text(whole.slice(0, whole.lastIndexOf('endloop'))),
      'ASCII_STL_SYNTAX',
      /the end of the file/,
    );
  });

  it('refuses a solid with no facets', () => {
    expectRefused(text('solid empty\nendsolid empty\n'), 'NO_TRIANGLES', /no triangles/);
  });
});

describe('OBJ', () => {
  it('fan-triangulates polygons and reads v/vt/vn corners and negative indices', () => {
    const source = [
      'v 0 0 0',
      'v 10 0 0',
      'v 10 10 0',
      'v 0 10 0',
      'vt 0 0',
      'vn 0 0 1',
      'f 1/1/1 2/1/1 3/1/1 4/1/1',
      'f -4//1 -2//1 -1//1',
    ].join('\n');
    const mesh = parseMesh(text(source), { fileName: 'square.obj' });
    expect(mesh.triangleCount).toBe(3);
    expect([...mesh.positions.subarray(9, 18)]).toEqual([0, 0, 0, 10, 10, 0, 0, 10, 0]);
    expect([...mesh.positions.subarray(18, 27)]).toEqual([0, 0, 0, 10, 10, 0, 0, 10, 0]);
  });

  it('refuses a face that refers to a missing vertex, naming the line', () => {
    const error = expectRefused(
      text('v 0 0 0\nv 1 0 0\nv 0 1 0\n\nf 1 2 7\n'),
      'OBJ_SYNTAX',
      /Line 5 .*vertex 7, but only 3 vertices/,
      'part.obj',
    );
    expect(error.where?.line).toBe(5);
  });

  it('refuses a vertex that is not a number', () => {
    expectRefused(text('v 0 zero 0\n'), 'OBJ_SYNTAX', /Line 1 .*"zero" is not a number/, 'a.obj');
    expectRefused(text('v 0 nan 0\n'), 'NON_FINITE_COORDINATE', /Line 1 /, 'a.obj');
  });
});

describe('3MF', () => {
  it('places build items with their transforms and converts the unit', () => {
    const moved = parseMesh(
      to3mf(cube(1), { transform: [2, 0, 0, 0, 2, 0, 0, 0, 2, 10, 20, 30], unit: 'centimeter' }),
      {
        fileName: 'cube.3mf',
      },
    );
    const analysis = analyseMesh(moved);
    expect(analysis.boundingBox.min).toEqual([100, 200, 300]);
    expect(analysis.dimensions).toEqual([20, 20, 20]);
    expect(analysis.volume).toBeCloseTo(8000, 6);
  });

  it('keeps the surface outward under a mirroring transform', () => {
    const mirrored = parseMesh(
      to3mf(cube(20), { transform: [-1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0] }),
    );
    const analysis = analyseMesh(mirrored);
    expect(analysis.inverted).toBe(false);
    expect(analysis.inconsistentNormals).toBe(false);
  });

  it('places components of an object, each with its own transform', () => {
    const model = new TextDecoder()
      .decode(unzipSync(to3mf(cube(10)))['3D/3dmodel.model'])
      .replace(
        '</resources>',
        `<object id="2" type="model"><components>
        <component objectid="1" />
        <component objectid="1" transform="1 0 0 0 1 0 0 0 1 30 0 0" />
      </components></object></resources>`,
      )
      .replace(
        '<item objectid="1" />',
        '<item objectid="2" transform="1 0 0 0 1 0 0 0 1 0 0 5" />',
      );
    const bytes = zipSync({ '3D/3dmodel.model': text(model) });
    const analysis = analyseMesh(parseMesh(bytes, { fileName: 'pair.3mf' }));
    expect(analysis).toMatchObject({
      triangleCount: 24,
      shells: 2,
      volume: 2000,
      watertight: true,
    });
    expect(analysis.boundingBox).toEqual({ min: [0, 0, 5], max: [40, 10, 15] });
  });

  it('refuses a ZIP renamed to .stl', () => {
    const zip = zipSync({ 'readme.txt': text('hello'), 'part.stl': toBinaryStl(cube(20)) });
    expectRefused(zip, 'ZIP_NOT_3MF', /This is a ZIP archive, not an STL file/, 'part.stl');
  });

  it('refuses a ZIP without a model named .3mf', () => {
    const zip = zipSync({ 'readme.txt': text('hello') });
    expectRefused(zip, 'NOT_A_3MF', /not a 3MF file/, 'part.3mf');
  });

  it('refuses a .3mf that is not a ZIP', () => {
    expectRefused(toBinaryStl(cube(20)), 'NOT_A_3MF', /not one/, 'part.3mf');
  });

  it('refuses a triangle naming a vertex that is not there, naming the line', () => {
    const bytes = zipSync({
      '3D/3dmodel.model': text(
        '<?xml version="1.0"?>\n<model unit="millimeter">\n<resources><object id="1"><mesh>\n<vertices><vertex x="0" y="0" z="0"/></vertices>\n<triangles><triangle v1="0" v2="1" v3="2"/></triangles>\n</mesh></object></resources>\n<build><item objectid="1"/></build></model>',
      ),
    });
    expectRefused(
      bytes,
      'THREEMF_SYNTAX',
      /Line 5 .*vertex 1, but the object has 1 vertices/,
      'x.3mf',
    );
  });
});

describe('one model in four formats', () => {
  it('gives the same analysis of a torus and the same cube volume from binary STL, ASCII STL, OBJ and 3MF', () => {
    const shape = torus(20, 5, 24, 12);
    const analyses = [
      parseMesh(toBinaryStl(shape), { fileName: 'ring.stl' }),
      parseMesh(toAsciiStl(shape, '\r\n'), { fileName: 'ring.stl' }),
      parseMesh(toObj(shape), { fileName: 'ring.obj' }),
      parseMesh(to3mf(shape), { fileName: 'ring.3mf' }),
    ].map((mesh) => {
      const { overhangs, ...rest } = analyseMesh(mesh);
      return { ...rest, overhangFlags: [...overhangs.flags], overhangArea: overhangs.area };
    });
    for (const analysis of analyses.slice(1)) expect(analysis).toEqual(analyses[0]);
    const cubes = [toBinaryStl(cube(20)), toAsciiStl(cube(20)), toObj(cube(20)), to3mf(cube(20))];
    const names = ['c.stl', 'c.stl', 'c.obj', 'c.3mf'];
    const volumes = cubes.map(
      (bytes, i) => analyseMesh(parseMesh(bytes, { fileName: names[i] })).volume,
    );
    expect(volumes).toEqual([8000, 8000, 8000, 8000]);
  });
});
