/**
 * Test meshes of known size and the bytes of each file format, for the package's tests and
 * `npm run bench`. Shapes are indexed (shared vertices computed once as float32, so corners that
 * should meet have identical bits, as a CAD export has); each comes with the exact volume and
 * area of the polyhedron it is, beside the analytic formula of the smooth shape it approximates.
 */
import { strToU8, zipSync } from 'fflate';

export interface Shape {
  /** x, y, z per vertex. */
  vertices: Float32Array;
  /** Three vertex indices per triangle, counter-clockwise seen from outside. */
  triangles: Uint32Array;
  /** The polyhedron's own volume and area, computed independently of the triangles. */
  exact: { volume: number; area: number };
}

/** An axis-aligned cube with one corner at `origin`. */
export function cube(size: number, origin: [number, number, number] = [0, 0, 0]): Shape {
  const [ox, oy, oz] = origin;
  const vertices = new Float32Array(24);
  for (let i = 0; i < 8; i++) {
    vertices[i * 3] = ox + (i & 1 ? size : 0);
    vertices[i * 3 + 1] = oy + (i & 2 ? size : 0);
    vertices[i * 3 + 2] = oz + (i & 4 ? size : 0);
  }
  // Vertex i has x = bit 0, y = bit 1, z = bit 2.
  const faces = [
    [0, 2, 3, 1], // bottom, z = 0, normal −z
    [4, 5, 7, 6], // top
    [0, 1, 5, 4], // y = 0
    [2, 6, 7, 3], // y = size
    [0, 4, 6, 2], // x = 0
    [1, 3, 7, 5], // x = size
  ];
  const triangles = new Uint32Array(faces.flatMap(([a, b, c, d]) => [a!, b!, c!, a!, c!, d!]));
  return { vertices, triangles, exact: { volume: size ** 3, area: 6 * size * size } };
}

/**
 * A UV sphere: `rings` bands of latitude, `segments` around. Its exact volume is a stack of
 * frustums of regular `segments`-gon pyramids; its area a sum of isosceles trapezoids.
 */
export function uvSphere(radius: number, segments: number, rings: number): Shape {
  const vertices = new Float32Array((2 + (rings - 1) * segments) * 3);
  const north = 0;
  const south = 1 + (rings - 1) * segments;
  vertices.set([0, 0, radius], north * 3);
  vertices.set([0, 0, -radius], south * 3);
  const ringVertex = (k: number, j: number) => 1 + (k - 1) * segments + (j % segments);
  for (let k = 1; k < rings; k++) {
    const theta = (Math.PI * k) / rings;
    for (let j = 0; j < segments; j++) {
      const phi = (2 * Math.PI * j) / segments;
      const at = ringVertex(k, j) * 3;
      vertices[at] = radius * Math.sin(theta) * Math.cos(phi);
      vertices[at + 1] = radius * Math.sin(theta) * Math.sin(phi);
      vertices[at + 2] = radius * Math.cos(theta);
    }
  }
  const triangles: number[] = [];
  for (let j = 0; j < segments; j++) {
    triangles.push(north, ringVertex(1, j), ringVertex(1, j + 1));
    for (let k = 1; k < rings - 1; k++) {
      const a = ringVertex(k, j),
        b = ringVertex(k + 1, j);
      const c = ringVertex(k + 1, j + 1),
        d = ringVertex(k, j + 1);
      triangles.push(a, b, c, a, c, d);
    }
    triangles.push(ringVertex(rings - 1, j), south, ringVertex(rings - 1, j + 1));
  }
  let volume = 0;
  let area = 0;
  const polygonArea = (rho: number) =>
    (segments / 2) * rho * rho * Math.sin((2 * Math.PI) / segments);
  for (let k = 0; k < rings; k++) {
    const rho1 = radius * Math.sin((Math.PI * k) / rings),
      z1 = radius * Math.cos((Math.PI * k) / rings);
    const rho2 = radius * Math.sin((Math.PI * (k + 1)) / rings),
      z2 = radius * Math.cos((Math.PI * (k + 1)) / rings);
    const a1 = polygonArea(rho1),
      a2 = polygonArea(rho2),
      h = z1 - z2;
    volume += (h / 3) * (a1 + a2 + Math.sqrt(a1 * a2));
    const half = Math.PI / segments;
    area +=
      segments * (rho1 + rho2) * Math.sin(half) * Math.hypot((rho1 - rho2) * Math.cos(half), h);
  }
  return { vertices, triangles: new Uint32Array(triangles), exact: { volume, area } };
}

/**
 * A torus around the z axis: `segments` around the axis, `sides` around the tube. Each of its
 * `segments` pieces sweeps the tube's regular polygon P along straight chords, so its volume is
 * sin(2π/segments) · area(P) · R (P's centroid sits at radius R); its faces are trapezoids.
 */
export function torus(
  majorRadius: number,
  minorRadius: number,
  segments: number,
  sides: number,
): Shape {
  const vertices = new Float32Array(segments * sides * 3);
  const index = (i: number, j: number) => (i % segments) * sides + (j % sides);
  const ring = (j: number) => {
    const theta = (2 * Math.PI * j) / sides;
    return { rho: majorRadius + minorRadius * Math.cos(theta), z: minorRadius * Math.sin(theta) };
  };
  for (let i = 0; i < segments; i++) {
    const phi = (2 * Math.PI * i) / segments;
    for (let j = 0; j < sides; j++) {
      const { rho, z } = ring(j);
      vertices.set([rho * Math.cos(phi), rho * Math.sin(phi), z], index(i, j) * 3);
    }
  }
  const triangles = new Uint32Array(segments * sides * 6);
  let out = 0;
  for (let i = 0; i < segments; i++) {
    for (let j = 0; j < sides; j++) {
      const a = index(i, j),
        b = index(i + 1, j),
        c = index(i + 1, j + 1),
        d = index(i, j + 1);
      triangles.set([a, b, c, a, c, d], out);
      out += 6;
    }
  }
  const polygon = (sides / 2) * minorRadius ** 2 * Math.sin((2 * Math.PI) / sides);
  const volume = segments * Math.sin((2 * Math.PI) / segments) * polygon * majorRadius;
  const half = Math.PI / segments;
  let area = 0;
  for (let j = 0; j < sides; j++) {
    const p = ring(j),
      q = ring(j + 1);
    area +=
      (p.rho + q.rho) * Math.sin(half) * Math.hypot((p.rho - q.rho) * Math.cos(half), p.z - q.z);
  }
  return { vertices, triangles, exact: { volume, area: area * segments } };
}

/** Several shapes as one (their own vertices kept apart). */
export function combine(...shapes: Shape[]): Shape {
  const vertexCount = shapes.reduce((n, s) => n + s.vertices.length, 0);
  const triangleCount = shapes.reduce((n, s) => n + s.triangles.length, 0);
  const vertices = new Float32Array(vertexCount);
  const triangles = new Uint32Array(triangleCount);
  let v = 0;
  let t = 0;
  for (const shape of shapes) {
    vertices.set(shape.vertices, v);
    for (let k = 0; k < shape.triangles.length; k++) triangles[t + k] = shape.triangles[k]! + v / 3;
    v += shape.vertices.length;
    t += shape.triangles.length;
  }
  const sum = (key: 'volume' | 'area') => shapes.reduce((n, s) => n + s.exact[key], 0);
  return { vertices, triangles, exact: { volume: sum('volume'), area: sum('area') } };
}

/** The unindexed corners, nine floats per triangle: the package's Mesh positions. */
export function toPositions(shape: Shape): Float32Array {
  const positions = new Float32Array(shape.triangles.length * 3);
  for (let k = 0; k < shape.triangles.length; k++) {
    positions.set(
      shape.vertices.subarray(shape.triangles[k]! * 3, shape.triangles[k]! * 3 + 3),
      k * 3,
    );
  }
  return positions;
}

/** Binary STL bytes (normals left zero: readers take orientation from corner order). */
export function toBinaryStl(shape: Shape | Float32Array): Uint8Array {
  const positions = shape instanceof Float32Array ? shape : toPositions(shape);
  const count = positions.length / 9;
  const bytes = new Uint8Array(84 + 50 * count);
  bytes.set(strToU8('Binary STL of a generated test shape'));
  const view = new DataView(bytes.buffer);
  view.setUint32(80, count, true);
  for (let t = 0; t < count; t++) {
    const at = 84 + 50 * t + 12;
    for (let k = 0; k < 9; k++) view.setFloat32(at + k * 4, positions[t * 9 + k]!, true);
  }
  return bytes;
}

/** ASCII STL text; floats printed so that they read back to the same bits. */
export function toAsciiStl(shape: Shape, lineEnding = '\n'): Uint8Array {
  const positions = toPositions(shape);
  const lines = ['solid generated'];
  for (let i = 0; i < positions.length; i += 9) {
    lines.push('  facet normal 0 0 0', '    outer loop');
    for (let k = 0; k < 9; k += 3) {
      lines.push(
        `      vertex ${positions[i + k]} ${positions[i + k + 1]} ${positions[i + k + 2]}`,
      );
    }
    lines.push('    endloop', '  endfacet');
  }
  lines.push('endsolid generated', '');
  return strToU8(lines.join(lineEnding));
}

/** OBJ text with shared vertices and 1-based triangle faces. */
export function toObj(shape: Shape): Uint8Array {
  const lines = ['# generated test shape'];
  for (let v = 0; v < shape.vertices.length; v += 3) {
    lines.push(`v ${shape.vertices[v]} ${shape.vertices[v + 1]} ${shape.vertices[v + 2]}`);
  }
  for (let t = 0; t < shape.triangles.length; t += 3) {
    lines.push(
      `f ${shape.triangles[t]! + 1} ${shape.triangles[t + 1]! + 1} ${shape.triangles[t + 2]! + 1}`,
    );
  }
  return strToU8(lines.join('\n') + '\n');
}

/**
 * A 3MF package (zipped with fflate): the shape as one object, placed by one build item with an
 * optional 3MF transform (12 numbers), in the given unit.
 */
export function to3mf(
  shape: Shape,
  options: { transform?: number[]; unit?: string; modelPath?: string } = {},
): Uint8Array {
  const modelPath = options.modelPath ?? '3D/3dmodel.model';
  const vertices: string[] = [];
  for (let v = 0; v < shape.vertices.length; v += 3) {
    vertices.push(
      `<vertex x="${shape.vertices[v]}" y="${shape.vertices[v + 1]}" z="${shape.vertices[v + 2]}" />`,
    );
  }
  const triangles: string[] = [];
  for (let t = 0; t < shape.triangles.length; t += 3) {
    triangles.push(
      `<triangle v1="${shape.triangles[t]}" v2="${shape.triangles[t + 1]}" v3="${shape.triangles[t + 2]}" />`,
    );
  }
  const transform = options.transform ? ` transform="${options.transform.join(' ')}"` : '';
  const model = `<?xml version="1.0" encoding="UTF-8"?>
<model unit="${options.unit ?? 'millimeter'}" xml:lang="en-US" xmlns="http://schemas.microsoft.com/3dmanufacturing/core/2015/02">
  <resources>
    <object id="1" type="model">
      <mesh>
        <vertices>
          ${vertices.join('\n          ')}
        </vertices>
        <triangles>
          ${triangles.join('\n          ')}
        </triangles>
      </mesh>
    </object>
  </resources>
  <build>
    <item objectid="1"${transform} />
  </build>
</model>
`;
  const rels = `<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Target="/${modelPath}" Id="rel0" Type="http://schemas.microsoft.com/3dmanufacturing/2013/01/3dmodel" />
</Relationships>
`;
  const contentTypes = `<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml" />
  <Default Extension="model" ContentType="application/vnd.ms-package.3dmanufacturing-3dmodel+xml" />
</Types>
`;
  return zipSync({
    '[Content_Types].xml': strToU8(contentTypes),
    '_rels/.rels': strToU8(rels),
    [modelPath]: strToU8(model),
  });
}
