import type { Readable } from 'node:stream';
import type { ModelAnalysis } from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { AppError, conflict, notFound } from '@makrx/service-kit';
import type { ErrorCode } from '@makrx/contracts';
import { and, eq } from 'drizzle-orm';
import type { StoreConfig } from '../../config';
import { modelQuotesFor, scaledAnalysis } from './model-quotes';
import type { ProviderSource } from './providers';
import { modelUploads, type ModelUploadRow, type ReadyModelUpload } from './tables';
import { createUploadStore, type UploadStore } from './upload-store';

export type NewModelUpload = Omit<
  ModelUploadRow,
  'status' | 'createdAt' | 'problemCode' | 'problemMessage'
>;
export type { ModelUploadRow, ReadyModelUpload } from './tables';

/**
 * The upload as its owner's routes use it: analysed. One accepted before the server analysed
 * models waits for the background job (409 UPLOAD_BEING_ANALYSED), or says why the analysis
 * could not read it (422, the parser's own code and sentence).
 */
export function readyUpload(row: ModelUploadRow): ReadyModelUpload {
  if (row.status === 'ready' && row.analysis && row.format) return row as ReadyModelUpload;
  if (row.status === 'refused') {
    throw new AppError(
      422,
      (row.problemCode ?? 'UNSUPPORTED_FILE') as ErrorCode,
      row.problemMessage ?? 'The model could not be read.',
    );
  }
  throw conflict(
    'UPLOAD_BEING_ANALYSED',
    'This model was uploaded before the store analysed models, and is being analysed now; try again in a minute.',
  );
}

/** Records an upload that passed every check; from now on its owner can find it by id. */
export async function recordModelUpload(
  db: Database,
  upload: NewModelUpload,
): Promise<ModelUploadRow> {
  const [row] = await db.insert(modelUploads).values(upload).returning();
  return row!;
}

/** The upload, if it is the caller's: another user's upload is as absent as a missing one. */
export async function findOwnModelUpload(
  db: Database,
  id: string,
  ownerId: string,
): Promise<ModelUploadRow | undefined> {
  const [row] = await db
    .select()
    .from(modelUploads)
    .where(and(eq(modelUploads.id, id), eq(modelUploads.ownerId, ownerId)));
  return row;
}

/**
 * Any accepted upload by id, whoever owns it: for a print order's provider, who reads the file
 * of an order the store already tied to that upload. Customers use findOwnModelUpload.
 */
export async function findModelUpload(
  db: Database,
  id: string,
): Promise<ModelUploadRow | undefined> {
  const [row] = await db.select().from(modelUploads).where(eq(modelUploads.id, id));
  return row;
}

/** The upload's analysis at its unit scale: what its owner sees and its quotes were made on. */
export function modelAnalysisOf(row: ModelUploadRow): ModelAnalysis {
  const ready = readyUpload(row);
  return scaledAnalysis(ready.format, ready.analysis, ready.unitScale);
}

/** The media type a model file is sent with, by the format the analysis read. */
export const modelMediaTypeOf = (format: ModelUploadRow['format']): string =>
  format === '3mf' ? 'model/3mf' : format === 'obj' ? 'model/obj' : 'model/stl';

/** One uploads store per configuration: an S3 one holds a client worth reusing. */
const uploadStores = new WeakMap<StoreConfig, UploadStore>();

/**
 * The accepted upload's stored bytes as a stream from the first byte (a file under
 * MAKRX_DATA_DIR/files or an S3 object), never read whole into memory.
 */
export async function openModelFile(config: StoreConfig, row: ModelUploadRow): Promise<Readable> {
  let store = uploadStores.get(config);
  if (!store) {
    store = createUploadStore(config);
    uploadStores.set(config, store);
  }
  return store.read(row.storageKey);
}

/** Sets the owner's upload's unit scale (1: mm, 25.4: inches); undefined when not theirs. */
export async function setModelUnitScale(
  db: Database,
  id: string,
  ownerId: string,
  unitScale: 1 | 25.4,
): Promise<ModelUploadRow | undefined> {
  const [row] = await db
    .update(modelUploads)
    .set({ unitScale })
    .where(and(eq(modelUploads.id, id), eq(modelUploads.ownerId, ownerId)))
    .returning();
  return row;
}

export { cachedProviders, caveProviders, type ProviderSource } from './providers';

/**
 * One of the owner's uploads quoted again at one offering, as its quotes route prices it: what
 * a print order is placed at. 404 when the upload is not theirs; 409 QUOTE_UNAVAILABLE when the
 * offering is gone or cannot make the part.
 */
export async function quoteOwnUpload(
  db: Database,
  providers: ProviderSource,
  wanted: { uploadId: string; ownerId: string; offeringId: string; quantity: number; now?: Date },
) {
  const found = await findOwnModelUpload(db, wanted.uploadId, wanted.ownerId);
  if (!found) throw notFound('The upload');
  const row = readyUpload(found);
  const analysis = scaledAnalysis(row.format, row.analysis, row.unitScale);
  const { quotes } = modelQuotesFor({
    uploadId: row.id,
    analysis,
    providers: (await providers()).providers.filter((provider) =>
      provider.offerings.some((offering) => offering.id === wanted.offeringId),
    ),
    quantity: wanted.quantity,
    now: wanted.now ?? new Date(),
  });
  const quote = quotes.find((q) => q.offeringId === wanted.offeringId);
  if (!quote) {
    throw conflict(
      'QUOTE_UNAVAILABLE',
      'That offer is no longer available for this model: the provider withdrew it, or the part does not fit its printer. Choose another quote.',
    );
  }
  const { x, y, z } = analysis.dimensionsMm;
  return {
    upload: { id: row.id, originalName: row.originalName },
    quote,
    partSizeMm: { x, y, z },
    volumeMm3: analysis.volumeMm3,
  };
}
export { modelUploadsExportOf } from './privacy';
