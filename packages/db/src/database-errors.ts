/** PostgreSQL's error code and constraint, whether the driver or Drizzle's wrapper threw. */
export function databaseErrorOf(err: unknown): { code?: string; constraint?: string } {
  for (let current = err, depth = 0; current && depth < 3; depth += 1) {
    const { code, constraint, cause } = current as {
      code?: unknown;
      constraint?: unknown;
      cause?: unknown;
    };
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code))
      return { code, ...(typeof constraint === 'string' ? { constraint } : {}) };
    current = cause;
  }
  return {};
}

/** Whether `err` is a violation of `constraint` (any constraint when none is named). */
export function violates(err: unknown, sqlState: string, constraint?: string): boolean {
  const found = databaseErrorOf(err);
  return found.code === sqlState && (constraint === undefined || found.constraint === constraint);
}
