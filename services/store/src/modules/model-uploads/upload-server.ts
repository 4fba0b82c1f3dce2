import { createHash } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { ErrorCode } from '@makrx/contracts';
import { Server, type Upload } from '@tus/server';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '@makrx/db';
import type { StoreConfig } from '../../config';
import { ClamdUnavailableError, scanWithClamd } from './clamd';
import { recordModelUpload } from './service';
import {
  isModelFileName,
  modelExtensions,
  unsupportedFile,
  type AnalyseUpload,
  type UploadProblem,
} from './upload-checks';
import { createUploadStore, type UploadStore } from './upload-store';

/** Where the tus endpoint answers; an upload's URL is this path and the upload's id. */
export const TUS_PATH = '/api/v1/model-uploads/tus';

/** A refusal tus sends as it is: our error body, with the status we chose. */
interface Refusal {
  status_code: number;
  body: string;
}

const refusal = (status: number, code: ErrorCode, message: string, details?: unknown): Refusal => ({
  status_code: status,
  body: JSON.stringify({ error: { code, message, ...(details === undefined ? {} : { details }) } }),
});

export interface ModelUploadServerOptions {
  config: StoreConfig;
  db: Database;
  log: FastifyBaseLogger;
  analyse: AnalyseUpload;
  /** The signed-in user behind a Node request (the raw one), as the route's guard found them. */
  uploaderOf(request: object): string | undefined;
}

/**
 * The tus server of model uploads: who may resume what, the size limit, and what happens when
 * the last byte arrives (scan, check, record — or remove everything and say why).
 */
export function createModelUploadServer(options: ModelUploadServerOptions): {
  tus: Server;
  store: UploadStore;
} {
  const { config, log } = options;
  const store = createUploadStore(config);
  const uploaderOfRequest = (request: { runtime?: { node?: { req: object } } }) => {
    const raw = request.runtime?.node?.req;
    return raw ? options.uploaderOf(raw) : undefined;
  };
  const tus = new Server({
    path: TUS_PATH,
    datastore: store.datastore,
    maxSize: config.MODEL_UPLOAD_MAX_BYTES,
    // A path, resolved by the client against the URL it posted to: right behind any proxy.
    relativeLocation: true,
    // A finished upload has its row; removing its file would leave the row pointing nowhere.
    disableTerminationForFinishedUploads: true,
    namingFunction: () => crypto.randomUUID(),
    onUploadCreate: async (request, upload) => {
      const name = upload.metadata?.filename ?? '';
      if (upload.size === undefined) {
        throw refusal(
          400,
          'UPLOAD_PROTOCOL_ERROR',
          'Send the file’s length (Upload-Length) when creating the upload.',
        );
      }
      // Refused before anything is stored: tus would otherwise finish an empty upload at once.
      if (upload.size === 0) {
        throw refusal(422, 'EMPTY_FILE', `“${name || 'The file'}” is empty.`);
      }
      if (!isModelFileName(name)) {
        throw refusal(415, 'UNSUPPORTED_FILE', unsupportedFile(name || 'The file').message, {
          allowed: modelExtensions,
        });
      }
      // The owner is who the guard signed in, never what the client wrote in the metadata.
      return {
        metadata: {
          ...upload.metadata,
          filename: name,
          ownerId: uploaderOfRequest(request) ?? null,
        },
      };
    },
    onIncomingRequest: async (request, id) => {
      if (request.method === 'POST') return;
      const upload = await store.datastore.getUpload(id);
      if (upload.metadata?.ownerId !== uploaderOfRequest(request)) {
        throw refusal(404, 'NOT_FOUND', 'The upload was not found.');
      }
    },
    onUploadFinish: async (_request, upload) => {
      const problem = await finishUpload(options, store, upload).catch(async (error: unknown) => {
        // A file whose checks broke off is as unchecked as a refused one: it is not kept.
        await store.remove(upload.id).catch(() => undefined);
        log.error({ err: error, uploadId: upload.id }, 'model upload failed; nothing was kept');
        return {
          status: 500,
          body: refusal(500, 'INTERNAL', 'The upload could not be checked; please send it again.')
            .body,
        };
      });
      if (!problem) return {};
      return {
        status_code: problem.status,
        body: problem.body,
        headers: { 'Content-Type': 'application/json' },
      };
    },
  });
  return { tus, store };
}

interface FinishRefusal {
  status: number;
  body: string;
}

/**
 * The last byte arrived: scan the file and hash it in one pass, check it, and record it. Any
 * refusal removes the stored file and its tus record, so nothing of it stays but a log line.
 */
async function finishUpload(
  { config, db, log, analyse }: ModelUploadServerOptions,
  store: UploadStore,
  upload: Upload,
): Promise<FinishRefusal | undefined> {
  const originalName = upload.metadata?.filename ?? 'model';
  const ownerId = upload.metadata?.ownerId ?? '';
  const sizeBytes = upload.size ?? upload.offset;
  const refuse = async (status: number, problem: UploadProblem, details?: unknown) => {
    await store.remove(upload.id);
    log.warn(
      { uploadId: upload.id, ownerId, originalName, sizeBytes, code: problem.code, details },
      'model upload refused; nothing was kept',
    );
    return { status, body: refusal(status, problem.code, problem.message, details).body };
  };

  let sha256: string;
  try {
    const scanned = await scanAndHash(config, await store.read(upload.id));
    sha256 = scanned.sha256;
    if (scanned.signature !== undefined) {
      return refuse(
        422,
        {
          code: 'INFECTED_FILE',
          message: `The virus scan found ${scanned.signature} in “${originalName}”; it was not kept.`,
        },
        { signature: scanned.signature },
      );
    }
  } catch (error) {
    if (!(error instanceof ClamdUnavailableError)) throw error;
    log.error({ err: error }, 'clamd failed');
    return refuse(503, {
      code: 'VIRUS_SCAN_UNAVAILABLE',
      message:
        'The virus scanner is not answering, so the file was not kept; please try again later.',
    });
  }

  const checked = await analyse({ originalName, sizeBytes, open: () => store.read(upload.id) });
  if (!checked.ok) return refuse(422, checked.problem, checked.problem.details);

  await recordModelUpload(db, {
    id: upload.id,
    ownerId,
    originalName,
    sizeBytes,
    storageKey: upload.id,
    sha256,
    format: checked.format,
    analysis: checked.analysis,
    unitScale: 1,
  });
  return undefined;
}

/** One pass over the stored file: its sha256, and clamd's verdict when CLAMAV_HOST is set. */
async function scanAndHash(
  config: StoreConfig,
  content: Readable,
): Promise<{ sha256: string; signature?: string }> {
  const hash = createHash('sha256');
  const hashing = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  const flowing = content.pipe(hashing);
  content.once('error', (error) => hashing.destroy(error));
  if (!config.CLAMAV_HOST) {
    flowing.resume();
    await finished(flowing);
    return { sha256: hash.digest('hex') };
  }
  const verdict = await scanWithClamd(
    { host: config.CLAMAV_HOST, port: config.CLAMAV_PORT },
    flowing,
  );
  // clamd stops reading once it has matched a signature; the hash is then of no use.
  if (!verdict.clean) {
    content.destroy();
    return { sha256: '', signature: verdict.signature };
  }
  return { sha256: hash.digest('hex') };
}
