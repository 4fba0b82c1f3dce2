/** The model formats @makrx/mesh reads, by the file's extension. */
const previewableExtensions = ['stl', 'obj', '3mf'];

/** Whether a project file can be shown in 3D: an STL, OBJ or 3MF (STEP is not a mesh). */
export function isPreviewableModel(fileName: string): boolean {
  const dot = fileName.lastIndexOf('.');
  if (dot <= 0) return false;
  return previewableExtensions.includes(fileName.slice(dot + 1).toLowerCase());
}

const lengthFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

/** 20 mm, 12.5 mm: one length along an axis. */
export const formatMm = (mm: number) => `${lengthFormat.format(mm)} mm`;

/** 120 × 80 × 12.5 mm: a part's size along x, y and z. */
export const formatDimensions = ([x, y, z]: readonly [number, number, number]) =>
  `${lengthFormat.format(x)} × ${lengthFormat.format(y)} × ${lengthFormat.format(z)} mm`;
