import {
  forwardToModelUploads,
  isUploadId,
  refusal,
} from '../../../../features/print/model-upload-proxy';

/** The visitor's finished upload with the store's own analysis of it. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!isUploadId(id)) return refusal(404, 'NOT_FOUND', 'The upload was not found.');
  return forwardToModelUploads(request, `/${id}`);
}
