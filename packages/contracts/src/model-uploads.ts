import { z } from 'zod';

/** A customer's 3D model that arrived whole and passed the virus scan and the model checks. */
export const modelUpload = z.object({
  /** The last segment of the tus upload URL the file was sent to. */
  id: z.uuid(),
  originalName: z.string(),
  sizeBytes: z.number().int().positive(),
  /** Hex SHA-256 of the stored bytes: a client can compare it with the file it sent. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  status: z.enum(['ready']),
  createdAt: z.iso.datetime({ offset: true }),
});
export type ModelUpload = z.infer<typeof modelUpload>;
