/** The image types people may upload (product images, makerspace photos): PNG, JPEG, WebP. */
const imageTypes = [
  {
    contentType: 'image/png',
    extension: 'png',
    matches: (b: Uint8Array) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  },
  {
    contentType: 'image/jpeg',
    extension: 'jpg',
    matches: (b: Uint8Array) => startsWith(b, [0xff, 0xd8, 0xff]),
  },
  {
    contentType: 'image/webp',
    extension: 'webp',
    // RIFF....WEBP
    matches: (b: Uint8Array) =>
      startsWith(b, [0x52, 0x49, 0x46, 0x46]) &&
      startsWith(b.subarray(8), [0x57, 0x45, 0x42, 0x50]),
  },
] as const;

export type ImageType = (typeof imageTypes)[number];

/** The content types `detectImageType` knows, for a refusal to list. */
export const acceptedImageTypes: readonly string[] = imageTypes.map((type) => type.contentType);

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);
}

/**
 * What the bytes are, judged by their first bytes (magic numbers) and never by the name or the
 * declared content type, which the uploader controls; undefined for anything else.
 */
export function detectImageType(bytes: Uint8Array): ImageType | undefined {
  return imageTypes.find((type) => type.matches(bytes));
}
