import type { Readable } from 'node:stream';
import type { ErrorCode, ModelAnalysis } from '@makrx/contracts';
import type { AnalysisPool } from './analysis-pool';
import type { StoredAnalysis } from './tables';

/** The model formats a customer may upload (issue "Fabrication", item 1). */
export const modelExtensions = ['.stl', '.obj', '.3mf'] as const;

/** A finished upload's bytes, as the checks read them: streamed, never whole in memory. */
export interface UploadedBytes {
  originalName: string;
  sizeBytes: number;
  /** A fresh stream of the stored file from its first byte; each call opens another. */
  open(): Promise<Readable>;
}

/** Why a file is refused: one of the catalogue's codes and a sentence for the customer. */
export interface UploadProblem {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export type UploadCheckResult =
  | { ok: true; format: ModelAnalysis['format']; analysis: StoredAnalysis }
  | { ok: false; problem: UploadProblem };

/**
 * The seam where the model analysis plugs in: given the stored bytes of a finished upload,
 * accept the file with its analysis or say what is wrong with it. The store's module runs
 * `meshUploadCheck` on its worker pool unless it is given another (`modelUploadsModuleWith`).
 */
export type AnalyseUpload = (upload: UploadedBytes) => Promise<UploadCheckResult>;

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot).toLowerCase();
}

export const isModelFileName = (name: string) =>
  (modelExtensions as readonly string[]).includes(extensionOf(name));

export const unsupportedFile = (name: string): UploadProblem => ({
  code: 'UNSUPPORTED_FILE',
  message: `“${name}” is not a 3D model the store reads: upload an STL, OBJ or 3MF file.`,
});

/**
 * The model check: the stored file is read into one buffer (from disk or S3, streamed), moved
 * to a worker of the pool, parsed and analysed there (@makrx/mesh). A file the parser refuses
 * gets the parser's code and sentence; more than `maxTriangles` is refused before analysis.
 */
export const meshUploadCheck =
  (pool: AnalysisPool, maxTriangles: number): AnalyseUpload =>
  async (upload) => {
    const bytes = await readWhole(await upload.open(), upload.sizeBytes);
    const answer = await pool.analyse({ bytes, fileName: upload.originalName, maxTriangles });
    if (answer.ok) return answer;
    return {
      ok: false,
      problem: {
        code: answer.code,
        message: answer.message,
        ...(answer.details && { details: answer.details }),
      },
    };
  };

/** The stream's bytes in one ArrayBuffer of the size tus recorded (never more). */
async function readWhole(stream: Readable, sizeBytes: number): Promise<Uint8Array> {
  const bytes = new Uint8Array(new ArrayBuffer(sizeBytes));
  let offset = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (offset + chunk.length > sizeBytes) {
      stream.destroy();
      throw new Error(`The stored upload is longer than its recorded ${sizeBytes} bytes.`);
    }
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  if (offset !== sizeBytes) {
    throw new Error(`The stored upload has ${offset} of its recorded ${sizeBytes} bytes.`);
  }
  return bytes;
}
