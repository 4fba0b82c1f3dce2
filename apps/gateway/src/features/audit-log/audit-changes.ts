/** One field of an audited change, as the viewer shows it. */
export interface FieldChange {
  field: string;
  before: string;
  after: string;
  changed: boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** How a stored value reads: text as is, nothing as an em dash, the rest as JSON. */
export function displayValue(value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'string') return value === '' ? '""' : value;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string'))
    return value.length === 0 ? '(none)' : value.join(', ');
  return JSON.stringify(value);
}

/**
 * The before and after of an audit row side by side, field by field (the union of both
 * objects' keys, in order of first appearance); a value that is not an object is one field.
 */
export function changesOf(before: unknown, after: unknown): FieldChange[] {
  if (!isRecord(before) && !isRecord(after)) {
    if ((before ?? null) === null && (after ?? null) === null) return [];
    const [b, a] = [displayValue(before), displayValue(after)];
    return [{ field: 'value', before: b, after: a, changed: b !== a }];
  }
  const from = isRecord(before) ? before : {};
  const to = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(from), ...Object.keys(to)])];
  return fields.map((field) => {
    const [b, a] = [displayValue(from[field]), displayValue(to[field])];
    return { field, before: b, after: a, changed: b !== a };
  });
}
