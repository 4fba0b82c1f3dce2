/**
 * How the catalog admin forms read what was typed into the admin API's bodies. Text that is not
 * a number becomes null rather than a guess, so the service refuses it by name and the form
 * marks that field.
 */

/** "24.99" → 2499. */
export function centsOf(price: string): number | null {
  return /^\d+(\.\d{1,2})?$/.test(price) ? Math.round(Number(price) * 100) : null;
}

/** "12" → 12; a sign, a fraction or nothing at all is not a count. */
export function wholeNumberOf(value: string): number | null {
  return /^\d+$/.test(value) ? Number(value) : null;
}

/** "a=b; c=d" or "A: b" lines → a record; a piece without its separator keeps an empty name,
 * so the service refuses it instead of the form dropping it silently. */
function pairsOf(text: string, pieces: RegExp, separator: string): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const piece of text.split(pieces)) {
    if (!piece.trim()) continue;
    const at = piece.indexOf(separator);
    const name = at < 0 ? '' : piece.slice(0, at).trim();
    pairs[name] = (at < 0 ? piece : piece.slice(at + 1)).trim();
  }
  return pairs;
}

/** "colour=Red; size=1 kg" → { colour: 'Red', size: '1 kg' }. */
export const optionsOf = (text: string) => pairsOf(text, /;/, '=');

/** One specification per line, as "Name: value". */
export const specsOf = (text: string) => pairsOf(text, /\r?\n/, ':');

/** A variant's options as the options field shows them. */
export const optionsText = (options: Record<string, string>) =>
  Object.entries(options)
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');

/** What the forms say beside a field the service refused, in words an admin can act on. */
export const catalogFieldAdvice = {
  name: 'Give the product a name of up to 160 characters.',
  slug: 'Use lowercase letters, digits and dashes, like pla-filament-red-1kg.',
  categorySlug: 'Pick a category.',
  specs: 'Write one specification per line, as Name: value.',
  sku: 'Use capital letters, digits and dashes, like FIL-PLA-RED-1000.',
  price: 'Enter a price like 24.99.',
  stock: 'Enter a whole number, 0 or more.',
  options: 'Write options as name=value, separated by semicolons: colour=Red; size=1 kg.',
  reason: 'Say why the stock changed, in 3 to 300 characters: stocktake, delivery, damage…',
  alt: 'Describe the photo in up to 200 characters.',
  position: 'Enter a whole number from 0 to 100; lower numbers show first.',
} as const;
