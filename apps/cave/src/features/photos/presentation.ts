/** Moves the item at `index` one place up (-1) or down (+1); out of range changes nothing. */
export function moved<T>(items: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (target < 0 || target >= items.length) return [...items];
  const copy = [...items];
  [copy[index], copy[target]] = [copy[target]!, copy[index]!];
  return copy;
}

/**
 * A photo's text alternative on a machine's page: the machine's name and the photo's place,
 * then what the uploader said it shows, if anything.
 */
export function photoAlt(name: string, index: number, count: number, alt: string): string {
  const place = count > 1 ? `${name}, photo ${index + 1} of ${count}` : `${name}, photo`;
  return alt ? `${place}: ${alt}` : place;
}
