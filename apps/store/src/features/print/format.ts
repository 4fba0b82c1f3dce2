/** Numbers as the print page shows them: sizes, speeds, lengths, volumes and times. */

const units = ['B', 'KB', 'MB', 'GB'] as const;

/** 1536 → "1.5 KB"; binary multiples, as file managers show sizes. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toFixed(digits)} ${units[unit]}`;
}

/** Bytes per second as "2.4 MB/s". */
export const formatSpeed = (bytesPerSecond: number) => `${formatBytes(bytesPerSecond)}/s`;

/** A share of the whole as a whole percentage, never 100 % before the last byte. */
export function percentOf(done: number, total: number): number {
  if (total <= 0) return 0;
  if (done >= total) return 100;
  return Math.min(99, Math.floor((done / total) * 100));
}

/** Seconds left as "about 12 s" / "about 3 min"; undefined while the speed is not known. */
export function formatTimeLeft(bytesLeft: number, bytesPerSecond: number): string | undefined {
  if (bytesPerSecond <= 0 || !Number.isFinite(bytesPerSecond)) return undefined;
  const seconds = Math.ceil(bytesLeft / bytesPerSecond);
  if (seconds < 60) return `about ${seconds} s left`;
  return `about ${Math.ceil(seconds / 60)} min left`;
}

const lengthFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
const countFormat = new Intl.NumberFormat('en');

/** A length in mm with one decimal at most. */
export const formatMm = (mm: number) => `${lengthFormat.format(mm)} mm`;

/** x × y × z mm. */
export const formatDimensions = ([x, y, z]: readonly [number, number, number]) =>
  `${lengthFormat.format(x)} × ${lengthFormat.format(y)} × ${lengthFormat.format(z)} mm`;

/** mm³ as cm³, the unit filament and resin are sold by. */
export const formatVolume = (mm3: number) =>
  `${new Intl.NumberFormat('en', { maximumFractionDigits: 2 }).format(mm3 / 1000)} cm³`;

/** mm² as cm². */
export const formatArea = (mm2: number) =>
  `${new Intl.NumberFormat('en', { maximumFractionDigits: 1 }).format(mm2 / 100)} cm²`;

export const formatCount = (n: number) => countFormat.format(n);

/** "1 triangle", "12,000 triangles". */
export const plural = (n: number, one: string, many = `${one}s`) =>
  `${countFormat.format(n)} ${n === 1 ? one : many}`;

/** A lead time in working days as the customer reads it. */
export const formatLeadTime = (days: number) =>
  days <= 0 ? 'Ships today' : days === 1 ? 'Ready in 1 day' : `Ready in ${days} days`;

/** "valid until" in the customer's own time, to the minute. */
export function formatValidUntil(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso));
}

/** A rating as "4.6 ★ (12)", or "New provider" before the first. */
export function formatRating(rating: { average: number | null; count: number }): string {
  if (rating.average === null || rating.count === 0) return 'New provider';
  return `${rating.average.toFixed(1)} ★ (${countFormat.format(rating.count)})`;
}
