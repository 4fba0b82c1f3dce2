import {
  forwardToModelUploads,
  isUploadId,
  refusal,
} from '../../../../../features/print/model-upload-proxy';

type Context = { params: Promise<{ uploadId: string }> };

/** One tus upload: where to resume (HEAD), its next bytes (PATCH), or abandoning it (DELETE). */
async function forward(request: Request, { params }: Context, stream: boolean) {
  const { uploadId } = await params;
  if (!isUploadId(uploadId)) return refusal(404, 'NOT_FOUND', 'The upload was not found.');
  return forwardToModelUploads(request, `/tus/${uploadId}`, {
    tus: true,
    body: stream ? 'stream' : 'none',
    // A chunk of several megabytes on a slow line takes a while; tus resumes one that breaks.
    timeoutMs: stream ? 10 * 60_000 : 15_000,
  });
}

export const HEAD = (request: Request, context: Context) => forward(request, context, false);
export const PATCH = (request: Request, context: Context) => forward(request, context, true);
export const DELETE = (request: Request, context: Context) => forward(request, context, false);
