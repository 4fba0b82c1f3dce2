import { z } from 'zod';

/** One photo of an album (a makerspace's, a machine's), served publicly at `url`. */
export const photo = z.object({
  id: z.uuid(),
  /** Where the image is served (the cave's public media route). */
  url: z.string(),
  alt: z.string(),
  contentType: z.enum(['image/png', 'image/jpeg', 'image/webp']),
  byteSize: z.number().int(),
});
export type Photo = z.infer<typeof photo>;

export const photoList = z.object({ items: z.array(photo) });
export type PhotoList = z.infer<typeof photoList>;

/** Every photo of the album, in the order it is to be shown. */
export const photoOrder = z.strictObject({
  photoIds: z
    .array(z.uuid())
    .max(50)
    .refine((ids) => new Set(ids).size === ids.length, 'each photo once'),
});
