import type { ModelAnalysis } from '@makrx/contracts';
import { storeSchema } from '@makrx/db/schema';
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  doublePrecision,
  index,
  jsonb,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

/** The server's analysis as the file states it (unit scale 1); format and scale have columns. */
export type StoredAnalysis = Omit<ModelAnalysis, 'format' | 'unitScale'>;

/**
 * How far a kept upload is: `ready` (analysed, quotable); `analysing` (accepted before the
 * server analysed models: analysed again by a background job, never dropped); `refused` (such
 * an earlier file the analysis could not read, with why).
 */
export const modelUploadStatuses = ['ready', 'analysing', 'refused'] as const;

/**
 * A customer's 3D model that arrived whole, passed the virus scan and the model checks. An
 * upload still in progress, or refused on arrival, has no row: only finished, accepted files
 * are listed.
 */
export const modelUploads = storeSchema.table(
  'model_uploads',
  {
    /** The tus upload's id: the last segment of its upload URL. */
    id: uuid('id').primaryKey(),
    ownerId: uuid('owner_id').notNull(),
    originalName: text('original_name').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    /** The file's key in the uploads store: a file under MAKRX_DATA_DIR/files, or an S3 key. */
    storageKey: text('storage_key').notNull().unique(),
    sha256: text('sha256').notNull(),
    /** Set with the analysis: every upload accepted since the server analyses models has both. */
    format: text('format', { enum: ['stl-binary', 'stl-ascii', 'obj', '3mf'] }),
    analysis: jsonb('analysis').$type<StoredAnalysis>(),
    /** 1 as uploaded; 25.4 once the customer said the file's numbers are inches. */
    unitScale: doublePrecision('unit_scale').notNull().default(1),
    status: text('status', { enum: modelUploadStatuses }).notNull().default('ready'),
    /** Why a `refused` earlier upload cannot be quoted: the analysis's code and sentence. */
    problemCode: text('problem_code'),
    problemMessage: text('problem_message'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('model_uploads_status_known', sql`${t.status} in ('ready', 'analysing', 'refused')`),
    check(
      'model_uploads_ready_analysed',
      sql`(${t.status} = 'ready') = (${t.analysis} is not null and ${t.format} is not null)`,
    ),
    check(
      'model_uploads_refused_says_why',
      sql`(${t.status} = 'refused') = (${t.problemCode} is not null)`,
    ),
    check('model_uploads_size_positive', sql`${t.sizeBytes} > 0`),
    check(
      'model_uploads_format_known',
      sql`${t.format} in ('stl-binary', 'stl-ascii', 'obj', '3mf')`,
    ),
    check('model_uploads_unit_scale_known', sql`${t.unitScale} in (1, 25.4)`),
    check('model_uploads_sha256_hex', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    index('model_uploads_owner_idx').on(t.ownerId, t.createdAt),
  ],
);
export type ModelUploadRow = typeof modelUploads.$inferSelect;
/** An upload with its analysis: what the owner's routes and quotes read. */
export type ReadyModelUpload = ModelUploadRow & {
  status: 'ready';
  format: NonNullable<ModelUploadRow['format']>;
  analysis: StoredAnalysis;
};
