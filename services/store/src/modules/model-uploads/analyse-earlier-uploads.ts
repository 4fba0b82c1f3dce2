import type { BackgroundJob } from '@makrx/service-kit';
import { and, asc, eq } from 'drizzle-orm';
import { storeConfigOf } from '../../config';
import { createAnalysisPool } from './analysis-pool';
import { modelUploads } from './tables';
import { meshUploadCheck } from './upload-checks';
import { createUploadStore } from './upload-store';

/** Uploads analysed per run: a run stays short, and the next minute takes the rest. */
const PER_RUN = 20;

/**
 * Uploads accepted before the server analysed models are kept, never dropped (migration
 * 0044): this job reads each stored file again, through the same check new uploads pass, and
 * marks it ready with its analysis, or refused with the parser's code and sentence. Every
 * minute, with a pool of one thread of its own that exists only while there is work.
 */
export const analyseEarlierModelUploads: BackgroundJob = {
  name: 'store.model-uploads.analyse-earlier',
  everyMs: 60_000,
  run: async (app) => {
    const waiting = await app.db
      .select()
      .from(modelUploads)
      .where(eq(modelUploads.status, 'analysing'))
      .orderBy(asc(modelUploads.createdAt))
      .limit(PER_RUN);
    if (waiting.length === 0) return 0;
    const config = storeConfigOf(app.config);
    const store = createUploadStore(config);
    const pool = createAnalysisPool({ threads: 1 });
    const check = meshUploadCheck(pool, config.MODEL_MAX_TRIANGLES);
    try {
      for (const row of waiting) {
        const checked = await check({
          originalName: row.originalName,
          sizeBytes: row.sizeBytes,
          open: () => store.read(row.storageKey),
        });
        await app.db
          .update(modelUploads)
          .set(
            checked.ok
              ? { status: 'ready', format: checked.format, analysis: checked.analysis }
              : {
                  status: 'refused',
                  problemCode: checked.problem.code,
                  problemMessage: checked.problem.message,
                },
          )
          .where(and(eq(modelUploads.id, row.id), eq(modelUploads.status, 'analysing')));
        app.log.info(
          { uploadId: row.id, ready: checked.ok },
          'an upload from before the server analysis was analysed',
        );
      }
    } finally {
      await pool.close();
    }
    return waiting.length;
  },
};
