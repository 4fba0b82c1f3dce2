import { MeshError } from './errors';
import type { Mesh, ParseOptions } from './mesh';
import { parseObj } from './obj';
import { looksLikeAsciiStl, parseAsciiStl } from './stl-ascii';
import { parseBinaryStl } from './stl-binary';
import { isZip, parse3mf } from './threemf';

/**
 * Reads an uploaded model, judging the format by its bytes: a ZIP is a 3MF or refused; a file
 * starting with `solid` that parses as text is an ASCII STL (some binary STLs also start their
 * header with `solid`: when the text does not parse but the size fits a binary STL exactly, it is
 * read as binary); a name ending in `.obj` is OBJ; anything else must be a binary STL.
 */
export function parseMesh(bytes: Uint8Array, options: ParseOptions = {}): Mesh {
  if (bytes.length === 0) {
    throw new MeshError('EMPTY_FILE', 'The file is empty (0 bytes): there is no model in it.');
  }
  if (isZip(bytes)) return parse3mf(bytes, options);
  if (/\.3mf$/i.test(options.fileName ?? '')) {
    throw new MeshError(
      'NOT_A_3MF',
      'The file is named .3mf but is not one: a 3MF file is a ZIP archive, and this is not. Export the model as 3MF again.',
    );
  }
  if (/\.obj$/i.test(options.fileName ?? '')) return parseObj(bytes, options);
  if (looksLikeAsciiStl(bytes)) {
    try {
      return parseAsciiStl(bytes, options);
    } catch (error) {
      if (error instanceof MeshError && error.code === 'ASCII_STL_SYNTAX' && fitsBinaryStl(bytes)) {
        return parseBinaryStl(bytes, options);
      }
      throw error;
    }
  }
  return parseBinaryStl(bytes, options);
}

function fitsBinaryStl(bytes: Uint8Array): boolean {
  if (bytes.length < 84) return false;
  const declared = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(
    80,
    true,
  );
  return bytes.length === 84 + 50 * declared;
}
