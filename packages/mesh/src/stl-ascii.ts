import { MeshError } from './errors';
import { DEFAULT_MAX_TRIANGLES, type Mesh, type ParseOptions } from './mesh';
import { tooManyTriangles } from './stl-binary';

/** Does the file start like an ASCII STL (`solid`, after optional whitespace)? */
export function looksLikeAsciiStl(bytes: Uint8Array): boolean {
  let i = 0;
  while (i < bytes.length && isSpace(bytes[i]!)) i++;
  return lowerWordAt(bytes, i, 5) === 'solid';
}

/**
 * ASCII STL: `solid name`, then `facet normal nx ny nz / outer loop / vertex x y z ×3 /
 * endloop / endfacet` per triangle, then `endsolid`; several solids may follow each other.
 * Read token by token straight from the bytes (keywords in any case, any whitespace, CRLF,
 * exponents), counting lines so that an error can say where the file went wrong.
 */
export function parseAsciiStl(bytes: Uint8Array, options: ParseOptions = {}): Mesh {
  const reader = new TokenReader(bytes);
  const maxTriangles = options.maxTriangles ?? DEFAULT_MAX_TRIANGLES;
  let positions = new Float32Array(9 * 1024);
  let count = 0;
  let solids = 0;
  for (;;) {
    const word = reader.word();
    if (word === null && solids > 0) break;
    if (word !== 'solid') reader.fail(solids === 0 ? '"solid"' : '"solid" or the end of the file');
    solids++;
    reader.skipLine(); // the solid's name, if any
    for (;;) {
      const next = reader.word();
      if (next === 'endsolid') {
        reader.skipLine();
        break;
      }
      if (next !== 'facet') reader.fail('"facet" or "endsolid"');
      reader.expect('normal');
      for (let k = 0; k < 3; k++) reader.number();
      reader.expect('outer');
      reader.expect('loop');
      if (count === maxTriangles) throw tooManyTriangles(count + 1, maxTriangles);
      if ((count + 1) * 9 > positions.length) positions = grow(positions);
      const base = count * 9;
      for (let corner = 0; corner < 3; corner++) {
        reader.expect('vertex');
        for (let axis = 0; axis < 3; axis++) positions[base + corner * 3 + axis] = reader.number();
      }
      reader.expect('endloop');
      reader.expect('endfacet');
      count++;
    }
  }
  if (count === 0) {
    throw new MeshError(
      'NO_TRIANGLES',
      'The STL file holds no triangles: there is no model in it.',
    );
  }
  return { format: 'stl-ascii', positions: positions.slice(0, count * 9), triangleCount: count };
}

function grow(positions: Float32Array<ArrayBuffer>): Float32Array<ArrayBuffer> {
  const bigger = new Float32Array(positions.length * 2);
  bigger.set(positions);
  return bigger;
}

class TokenReader {
  private at = 0;
  private line = 1;
  private tokenLine = 1;

  constructor(private readonly bytes: Uint8Array) {}

  /** The next token lower-cased, or null at the end of the file. */
  word(): string | null {
    const [start, end] = this.token();
    if (start === end) return null;
    return lowerWordAt(this.bytes, start, end - start);
  }

  expect(keyword: string): void {
    if (this.word() !== keyword) this.fail(`"${keyword}"`);
  }

  number(): number {
    const [start, end] = this.token();
    let text = '';
    for (let i = start; i < end; i++) text += String.fromCharCode(this.bytes[i]!);
    const value = text === '' ? NaN : Number(text);
    if (!Number.isFinite(value)) {
      this.fail('a number', text === '' ? 'the end of the file' : `"${text.slice(0, 40)}"`);
    }
    return value;
  }

  skipLine(): void {
    const bytes = this.bytes;
    while (this.at < bytes.length && bytes[this.at] !== 10) this.at++;
  }

  fail(expected: string, found?: string): never {
    const seen = found ?? this.lastTokenText();
    throw new MeshError(
      'ASCII_STL_SYNTAX',
      `Line ${this.tokenLine} of the ASCII STL file is not valid: expected ${expected} but found ${seen}. The file is damaged or is not an STL file.`,
      { line: this.tokenLine },
    );
  }

  private lastStart = 0;
  private lastEnd = 0;

  private token(): [number, number] {
    const bytes = this.bytes;
    let i = this.at;
    while (i < bytes.length && isSpace(bytes[i]!)) {
      if (bytes[i] === 10) this.line++;
      i++;
    }
    const start = i;
    while (i < bytes.length && !isSpace(bytes[i]!)) i++;
    this.at = i;
    this.tokenLine = this.line;
    this.lastStart = start;
    this.lastEnd = i;
    return [start, i];
  }

  private lastTokenText(): string {
    if (this.lastStart === this.lastEnd) return 'the end of the file';
    let text = '';
    const end = Math.min(this.lastEnd, this.lastStart + 40);
    for (let i = this.lastStart; i < end; i++) {
      const c = this.bytes[i]!;
      text += c >= 32 && c < 127 ? String.fromCharCode(c) : '�';
    }
    return `"${text}"`;
  }
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** The bytes at [start, start+length) as lower-case text (ASCII letters only folded). */
function lowerWordAt(bytes: Uint8Array, start: number, length: number): string {
  let text = '';
  const end = Math.min(bytes.length, start + length);
  for (let i = start; i < end; i++) {
    const c = bytes[i]!;
    text += String.fromCharCode(c >= 65 && c <= 90 ? c + 32 : c);
  }
  return text;
}
