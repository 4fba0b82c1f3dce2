import { MeshError } from './errors';
import { DEFAULT_MAX_TRIANGLES, type Mesh, type ParseOptions } from './mesh';
import { tooManyTriangles } from './stl-binary';

/**
 * Wavefront OBJ: `v x y z` vertices and `f` faces of three or more corners (`i`, `i/t`,
 * `i/t/n`, `i//n`; negative indices count back from the last vertex so far). Polygons are
 * fan-triangulated from their first corner; everything else (normals, texture coordinates,
 * groups, materials) does not change the solid and is skipped.
 */
export function parseObj(bytes: Uint8Array, options: ParseOptions = {}): Mesh {
  const text = new TextDecoder().decode(bytes);
  const maxTriangles = options.maxTriangles ?? DEFAULT_MAX_TRIANGLES;
  let vertices = new Float64Array(3 * 1024);
  let vertexCount = 0;
  let positions = new Float32Array(9 * 1024);
  let count = 0;
  const corners: number[] = [];
  let lineNumber = 0;
  for (let start = 0; start < text.length;) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    lineNumber++;
    const line = text.slice(start, end).trim();
    start = end + 1;
    if (line === '' || line.charCodeAt(0) === 35 /* # */) continue;
    const parts = line.split(/\s+/);
    const kind = parts[0];
    if (kind === 'v') {
      if (parts.length < 4) fail(lineNumber, 'a vertex needs three coordinates (v x y z)');
      if ((vertexCount + 1) * 3 > vertices.length) vertices = growF64(vertices);
      for (let axis = 0; axis < 3; axis++) {
        const value = Number(parts[axis + 1]);
        if (!Number.isFinite(value)) {
          const word = parts[axis + 1] ?? '';
          const nonFinite = /^[+-]?(nan|inf(inity)?)$/i.test(word);
          fail(
            lineNumber,
            nonFinite
              ? `the vertex has a coordinate "${word}", which is not a finite number`
              : `"${word}" is not a number`,
            nonFinite ? 'NON_FINITE_COORDINATE' : 'OBJ_SYNTAX',
          );
        }
        vertices[vertexCount * 3 + axis] = value;
      }
      vertexCount++;
    } else if (kind === 'f') {
      if (parts.length < 4) fail(lineNumber, 'a face needs at least three corners');
      corners.length = 0;
      for (let k = 1; k < parts.length; k++) {
        corners.push(resolveIndex(parts[k]!, vertexCount, lineNumber));
      }
      const triangles = corners.length - 2;
      if (count + triangles > maxTriangles) throw tooManyTriangles(count + triangles, maxTriangles);
      while ((count + triangles) * 9 > positions.length) positions = growF32(positions);
      for (let k = 1; k <= triangles; k++) {
        const base = count * 9;
        copyVertex(vertices, corners[0]!, positions, base);
        copyVertex(vertices, corners[k]!, positions, base + 3);
        copyVertex(vertices, corners[k + 1]!, positions, base + 6);
        count++;
      }
    }
  }
  if (count === 0) {
    throw new MeshError('NO_TRIANGLES', 'The OBJ file holds no faces: there is no solid in it.');
  }
  return { format: 'obj', positions: positions.slice(0, count * 9), triangleCount: count };
}

/** A face corner's vertex as a 0-based index, checked against the vertices read so far. */
function resolveIndex(corner: string, vertexCount: number, line: number): number {
  const slash = corner.indexOf('/');
  const text = slash === -1 ? corner : corner.slice(0, slash);
  const index = /^-?\d+$/.test(text) ? Number(text) : NaN;
  if (Number.isNaN(index)) fail(line, `"${corner}" is not a vertex index`);
  const resolved = index < 0 ? vertexCount + index : index - 1;
  if (index === 0 || resolved < 0 || resolved >= vertexCount) {
    fail(
      line,
      `the face refers to vertex ${index}, but only ${vertexCount} vertices are defined before it`,
    );
  }
  return resolved;
}

function copyVertex(vertices: Float64Array, index: number, out: Float32Array, at: number): void {
  out[at] = vertices[index * 3]!;
  out[at + 1] = vertices[index * 3 + 1]!;
  out[at + 2] = vertices[index * 3 + 2]!;
}

function fail(
  line: number,
  what: string,
  code: 'OBJ_SYNTAX' | 'NON_FINITE_COORDINATE' = 'OBJ_SYNTAX',
): never {
  throw new MeshError(
    code,
    `Line ${line} of the OBJ file is not valid: ${what}. The file is damaged or was not exported as OBJ.`,
    { line },
  );
}

function growF64(array: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> {
  const bigger = new Float64Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

function growF32(array: Float32Array<ArrayBuffer>): Float32Array<ArrayBuffer> {
  const bigger = new Float32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
