/**
 * Why a file could not be read as a mesh. The `code` is stable (the server maps it to its error
 * body, the browser to its message); the `message` says what is wrong in words a maker knows.
 */
export type MeshErrorCode =
  | 'EMPTY_FILE'
  | 'TRUNCATED_STL'
  | 'TRIANGLE_COUNT_MISMATCH'
  | 'NON_FINITE_COORDINATE'
  | 'ASCII_STL_SYNTAX'
  | 'NOT_A_3MF'
  | 'ZIP_NOT_3MF'
  | 'THREEMF_SYNTAX'
  | 'OBJ_SYNTAX'
  | 'NO_TRIANGLES'
  | 'TOO_MANY_TRIANGLES';

export class MeshError extends Error {
  override readonly name = 'MeshError';

  constructor(
    readonly code: MeshErrorCode,
    message: string,
    /** Where in the file, when it helps: a 1-based line, or a 0-based triangle index. */
    readonly where?: { line?: number; triangle?: number },
  ) {
    super(message);
  }
}

export function isMeshError(error: unknown): error is MeshError {
  return error instanceof MeshError;
}
