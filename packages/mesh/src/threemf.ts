import { unzipSync } from 'fflate';
import { MeshError } from './errors';
import { DEFAULT_MAX_TRIANGLES, type Mesh, type ParseOptions } from './mesh';
import { tooManyTriangles } from './stl-binary';

/** Does the file start with a ZIP local file header (`PK\x03\x04`)? */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** A 3MF model's `unit`, in millimetres. */
const UNIT_MM: Record<string, number> = {
  micron: 0.001,
  millimeter: 1,
  centimeter: 10,
  inch: 25.4,
  foot: 304.8,
  meter: 1000,
};

/** An affine transform as 3MF writes it: m00 m01 m02 m10 m11 m12 m20 m21 m22 m30 m31 m32. */
type Matrix = number[];
const IDENTITY: Matrix = [1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0];
const MAX_COMPONENT_DEPTH = 16;

interface ModelObject {
  vertices: number[];
  triangles: number[];
  components: { objectId: string; transform: Matrix }[];
}

/**
 * 3MF: a ZIP (read with fflate) whose root model part — named by `_rels/.rels`, usually
 * `3D/3dmodel.model` — is XML with objects (`<mesh>` of `<vertex>` and `<triangle>`, or
 * `<components>` placing other objects) and a `<build>` of items placing objects with
 * transforms. The few elements needed are read by a small tag scanner; every build item is
 * placed with its transform and the model's unit is converted to millimetres.
 */
export function parse3mf(bytes: Uint8Array, options: ParseOptions = {}): Mesh {
  const parts = unzip(bytes, options.fileName);
  const rootName = rootModelName(parts);
  const root = rootName ? parts[rootName] : undefined;
  if (!root) throw zipNot3mf(options.fileName);
  const model = readModel(new TextDecoder().decode(root));
  return placeBuildItems(model, options.maxTriangles ?? DEFAULT_MAX_TRIANGLES);
}

function unzip(bytes: Uint8Array, fileName: string | undefined): Record<string, Uint8Array> {
  try {
    return unzipSync(bytes, {
      filter: (file) => file.name === '_rels/.rels' || file.name.toLowerCase().endsWith('.model'),
    });
  } catch {
    throw new MeshError(
      looksLike3mfName(fileName) ? 'NOT_A_3MF' : 'ZIP_NOT_3MF',
      'The file starts like a ZIP archive but cannot be unpacked: it is damaged or cut off. Export it again.',
    );
  }
}

function rootModelName(parts: Record<string, Uint8Array>): string | undefined {
  const rels = parts['_rels/.rels'];
  if (rels) {
    const text = new TextDecoder().decode(rels);
    for (const tag of scanTags(text)) {
      if (tag.name !== 'Relationship') continue;
      const target = tag.attributes.Target;
      if (target && /3dmodel$/.test(tag.attributes.Type ?? '')) {
        const name = target.replace(/^\//, '');
        if (parts[name]) return name;
      }
    }
  }
  if (parts['3D/3dmodel.model']) return '3D/3dmodel.model';
  return Object.keys(parts).find((name) => name.toLowerCase().endsWith('.model'));
}

function zipNot3mf(fileName: string | undefined): MeshError {
  const extension = fileName?.match(/\.([a-z0-9]+)$/i)?.[1]?.toUpperCase();
  if (looksLike3mfName(fileName)) {
    return new MeshError(
      'NOT_A_3MF',
      'This ZIP archive has no 3D model part (3D/3dmodel.model), so it is not a 3MF file. Export the model as 3MF again.',
    );
  }
  const claimed = extension ? `an ${extension === 'OBJ' ? 'OBJ' : extension} file` : 'a 3D model';
  return new MeshError(
    'ZIP_NOT_3MF',
    `This is a ZIP archive, not ${extension === 'STL' ? 'an STL file' : claimed}. Unpack it and upload the STL, OBJ or 3MF file inside.`,
  );
}

function looksLike3mfName(fileName: string | undefined): boolean {
  return /\.3mf$/i.test(fileName ?? '');
}

interface Tag {
  name: string;
  closing: boolean;
  attributes: Record<string, string>;
  at: number;
}

/** The XML's element tags in order, namespace prefixes dropped; comments and declarations skipped. */
function* scanTags(text: string): Generator<Tag> {
  let at = 0;
  for (;;) {
    const open = text.indexOf('<', at);
    if (open === -1) return;
    if (text.startsWith('<!--', open)) {
      const end = text.indexOf('-->', open);
      at = end === -1 ? text.length : end + 3;
      continue;
    }
    const close = text.indexOf('>', open);
    if (close === -1) return;
    at = close + 1;
    const first = text.charCodeAt(open + 1);
    if (first === 63 /* ? */ || first === 33 /* ! */) continue;
    const closing = first === 47; /* / */
    const body = text.slice(closing ? open + 2 : open + 1, close);
    const nameEnd = body.search(/[\s/]|$/);
    const qualified = body.slice(0, nameEnd);
    const name = qualified.slice(qualified.indexOf(':') + 1);
    yield { name, closing, attributes: closing ? {} : readAttributes(body, nameEnd), at: open };
  }
}

const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function readAttributes(body: string, from: number): Record<string, string> {
  const attributes: Record<string, string> = {};
  ATTRIBUTE.lastIndex = from;
  for (let match = ATTRIBUTE.exec(body); match; match = ATTRIBUTE.exec(body)) {
    const qualified = match[1]!;
    attributes[qualified.slice(qualified.indexOf(':') + 1)] = match[2] ?? match[3] ?? '';
  }
  return attributes;
}

interface Model {
  unitMm: number;
  objects: Map<string, ModelObject>;
  items: { objectId: string; transform: Matrix }[];
}

function readModel(text: string): Model {
  const model: Model = { unitMm: 1, objects: new Map(), items: [] };
  let current: ModelObject | undefined;
  let inBuild = false;
  const fail = (at: number, what: string): never => {
    const line = lineAt(text, at);
    throw new MeshError('THREEMF_SYNTAX', `Line ${line} of the 3MF model is not valid: ${what}.`, {
      line,
    });
  };
  for (const tag of scanTags(text)) {
    const a = tag.attributes;
    switch (tag.closing ? `/${tag.name}` : tag.name) {
      case 'model':
        model.unitMm = UNIT_MM[a.unit ?? 'millimeter'] ?? 1;
        break;
      case 'object':
        current = { vertices: [], triangles: [], components: [] };
        model.objects.set(a.id ?? '', current);
        break;
      case '/object':
        current = undefined;
        break;
      case 'vertex': {
        if (!current) break;
        for (const axis of ['x', 'y', 'z']) {
          const value = Number(a[axis]);
          if (a[axis] === undefined || a[axis].trim() === '' || Number.isNaN(value)) {
            fail(tag.at, `a vertex has no valid ${axis} coordinate`);
          }
          if (!Number.isFinite(value)) {
            const line = lineAt(text, tag.at);
            throw new MeshError(
              'NON_FINITE_COORDINATE',
              `Line ${line} of the 3MF model has a vertex coordinate that is infinite: the exporting program wrote a broken vertex.`,
              { line },
            );
          }
          current.vertices.push(value);
        }
        break;
      }
      case 'triangle': {
        if (!current) break;
        const vertexCount = current.vertices.length / 3;
        for (const key of ['v1', 'v2', 'v3']) {
          const index = Number(a[key]);
          if (!Number.isInteger(index) || index < 0 || index >= vertexCount) {
            fail(
              tag.at,
              `a triangle refers to vertex ${a[key] ?? '(none)'}, but the object has ${vertexCount} vertices`,
            );
          }
          current.triangles.push(index);
        }
        break;
      }
      case 'component':
        if (current)
          current.components.push({
            objectId: a.objectid ?? '',
            transform: readMatrix(a.transform, () =>
              fail(tag.at, 'a component transform is not 12 numbers'),
            ),
          });
        break;
      case 'build':
        inBuild = true;
        break;
      case '/build':
        inBuild = false;
        break;
      case 'item':
        if (inBuild)
          model.items.push({
            objectId: a.objectid ?? '',
            transform: readMatrix(a.transform, () =>
              fail(tag.at, 'a build item transform is not 12 numbers'),
            ),
          });
        break;
    }
  }
  return model;
}

function readMatrix(text: string | undefined, fail: () => never): Matrix {
  if (text === undefined) return IDENTITY;
  const values = text.trim().split(/\s+/).map(Number);
  if (values.length !== 12 || values.some((v) => !Number.isFinite(v))) fail();
  return values;
}

/** `first` then `second`, for row vectors: p·first·second. */
function compose(first: Matrix, second: Matrix): Matrix {
  const out: number[] = [];
  for (let row = 0; row < 4; row++) {
    for (let col = 0; col < 3; col++) {
      let sum = row === 3 ? second[9 + col]! : 0;
      for (let k = 0; k < 3; k++) sum += first[row * 3 + k]! * second[k * 3 + col]!;
      out.push(sum);
    }
  }
  return out;
}

function determinant(m: Matrix): number {
  return (
    m[0]! * (m[4]! * m[8]! - m[5]! * m[7]!) -
    m[1]! * (m[3]! * m[8]! - m[5]! * m[6]!) +
    m[2]! * (m[3]! * m[7]! - m[4]! * m[6]!)
  );
}

function placeBuildItems(model: Model, maxTriangles: number): Mesh {
  const items = model.items.length
    ? model.items
    : [...model.objects.keys()].map((objectId) => ({ objectId, transform: IDENTITY }));
  const placed: { object: ModelObject; transform: Matrix }[] = [];
  const place = (objectId: string, transform: Matrix, depth: number) => {
    const object = model.objects.get(objectId);
    if (!object || depth > MAX_COMPONENT_DEPTH) return;
    if (object.triangles.length) placed.push({ object, transform });
    for (const component of object.components) {
      place(component.objectId, compose(component.transform, transform), depth + 1);
    }
  };
  const unit: Matrix = [model.unitMm, 0, 0, 0, model.unitMm, 0, 0, 0, model.unitMm, 0, 0, 0];
  for (const item of items) place(item.objectId, compose(item.transform, unit), 0);

  const count = placed.reduce((sum, p) => sum + p.object.triangles.length / 3, 0);
  if (count > maxTriangles) throw tooManyTriangles(count, maxTriangles);
  if (count === 0) {
    throw new MeshError(
      'NO_TRIANGLES',
      'The 3MF file holds no triangles: there is no model in it.',
    );
  }
  const positions = new Float32Array(count * 9);
  let out = 0;
  for (const { object, transform: m } of placed) {
    // A mirroring transform turns the surface inside out: swap two corners to keep it outward.
    const order = determinant(m) < 0 ? [0, 2, 1] : [0, 1, 2];
    const { vertices, triangles } = object;
    for (let t = 0; t < triangles.length; t += 3) {
      for (const corner of order) {
        const v = triangles[t + corner]! * 3;
        const x = vertices[v]!,
          y = vertices[v + 1]!,
          z = vertices[v + 2]!;
        positions[out++] = x * m[0]! + y * m[3]! + z * m[6]! + m[9]!;
        positions[out++] = x * m[1]! + y * m[4]! + z * m[7]! + m[10]!;
        positions[out++] = x * m[2]! + y * m[5]! + z * m[8]! + m[11]!;
      }
    }
  }
  return { format: '3mf', positions, triangleCount: count };
}

function lineAt(text: string, at: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
