import {
  forwardToModelUploads,
  isUploadId,
  refusal,
} from '../../../../../features/print/model-upload-proxy';

/** The visitor says the file is in mm or inches; the store analyses it again at that scale. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!isUploadId(id)) return refusal(404, 'NOT_FOUND', 'The upload was not found.');
  return forwardToModelUploads(request, `/${id}/units`, { body: 'json' });
}
