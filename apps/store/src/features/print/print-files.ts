/** The model formats the store reads (the store service refuses any other on its side too). */
export const MODEL_EXTENSIONS = ['.stl', '.obj', '.3mf'] as const;

/** What the file picker offers: the extensions, since browsers know no MIME type for them. */
export const MODEL_ACCEPT = MODEL_EXTENSIONS.join(',');

/** The store service's default MODEL_UPLOAD_MAX_BYTES. */
export const DEFAULT_MAX_UPLOAD_BYTES = 250 * 1024 * 1024;

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot).toLowerCase();
}

/**
 * Why a picked or dropped file cannot be sent, said before a byte leaves the browser; undefined
 * when it may be. The service checks the same again.
 */
export function fileProblem(
  file: { name: string; size: number },
  maxBytes: number,
): string | undefined {
  if (!(MODEL_EXTENSIONS as readonly string[]).includes(extensionOf(file.name))) {
    return `“${file.name}” is not a 3D model the store reads: choose an STL, OBJ or 3MF file.`;
  }
  if (file.size === 0) return `“${file.name}” is empty (0 bytes): there is no model in it.`;
  if (file.size > maxBytes) {
    return `“${file.name}” is ${formatMegabytes(file.size)}; the store takes files of up to ${formatMegabytes(maxBytes)}.`;
  }
  return undefined;
}

const formatMegabytes = (bytes: number) => `${Math.floor(bytes / 1024 / 1024)} MB`;
