import {
  modelQuotes,
  modelUpload,
  modelUploadDetail,
  type ModelQuotes,
  type ModelUpload,
  type ModelUploadDetail,
} from '@makrx/contracts';
import { callService, ServiceError } from '../../lib/service-client';

/**
 * The visitor's upload as the store service has it: with its analysis when the service gives
 * one (`modelUploadDetail`), else the upload alone.
 */
export async function readModelUpload(id: string): Promise<ModelUpload | ModelUploadDetail> {
  const { body } = await callService<unknown>('store', `/model-uploads/${id}`);
  const detail = modelUploadDetail.safeParse(body);
  if (detail.success) return detail.data;
  return modelUpload.parse(body);
}

/** The quotes for the visitor's upload at a quantity. */
export async function readModelQuotes(id: string, quantity: number): Promise<ModelQuotes> {
  const { body } = await callService<unknown>(
    'store',
    `/model-uploads/${id}/quotes?quantity=${quantity}`,
  );
  const parsed = modelQuotes.safeParse(body);
  if (!parsed.success) {
    throw new ServiceError(
      502,
      'UNEXPECTED_ANSWER',
      'The quotes came back in a shape the store does not read.',
    );
  }
  return parsed.data;
}
