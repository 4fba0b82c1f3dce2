import type { Readable } from 'node:stream';
import type { ErrorCode } from '@makrx/contracts';

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
}

export type UploadCheckResult = { ok: true } | { ok: false; problem: UploadProblem };

/**
 * The seam where the model analysis plugs in: given the stored bytes of a finished upload,
 * accept the file or say what is wrong with it. The store's module takes one at start
 * (`modelUploadsModule` options); @makrx/mesh's parser fills it when it lands.
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

/** Until the model analysis is plugged in: a file has bytes and a model's file name. */
export const basicUploadCheck: AnalyseUpload = async (upload) => {
  if (upload.sizeBytes <= 0) {
    return {
      ok: false,
      problem: { code: 'EMPTY_FILE', message: `“${upload.originalName}” is empty.` },
    };
  }
  if (!isModelFileName(upload.originalName)) {
    return { ok: false, problem: unsupportedFile(upload.originalName) };
  }
  return { ok: true };
};
