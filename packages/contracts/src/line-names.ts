/**
 * The order a product's options are offered in. Variant options are stored as jsonb, which
 * keeps its keys sorted by length ("size" before "colour"), so the order is set here: what the
 * thing looks like or is made of first, then other options, then how much of it.
 */
const appearance = ['colour', 'color', 'material', 'finish', 'type'];
const amount = ['size', 'length', 'diameter', 'weight', 'capacity', 'pack', 'quantity'];

function rank(name: string): number {
  const key = name.toLowerCase();
  const first = appearance.indexOf(key);
  if (first >= 0) return first;
  const last = amount.indexOf(key);
  return last >= 0 ? 200 + last : 100;
}

/** Option names in offering order; names of equal rank keep the order they came in. */
export function inOptionOrder(names: string[]): string[] {
  return names
    .map((name, index) => ({ name, index }))
    .sort((a, b) => rank(a.name) - rank(b.name) || a.index - b.index)
    .map(({ name }) => name);
}

/** A variant's options as [name, value] pairs in offering order. */
export function orderedOptions(options: Record<string, string>): Array<[string, string]> {
  return inOptionOrder(Object.keys(options)).map((name) => [name, options[name] ?? '']);
}

/** "Colour: Galaxy Silver · Size: 1 kg" */
export function optionsText(options: Record<string, string>): string {
  return orderedOptions(options)
    .map(([name, value]) => `${name[0]?.toUpperCase() ?? ''}${name.slice(1)}: ${value}`)
    .join(' · ');
}

/**
 * How a cart or order line is named wherever it is written out (email, invoice): the product
 * once, then its options once — "PETG Filament — Colour: Jet Black · Size: 2 kg".
 */
export function lineName(line: { productName: string; options: Record<string, string> }): string {
  const options = optionsText(line.options);
  return options ? `${line.productName} — ${options}` : line.productName;
}
