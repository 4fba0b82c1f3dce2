import { forwardToModelUploads } from '../../../../features/print/model-upload-proxy';

/** Starts a resumable model upload (tus creation) for the signed-in visitor. */
export function POST(request: Request) {
  return forwardToModelUploads(request, '/tus', { tus: true });
}
