/**
 * Runs once as the server starts: the configuration is read here rather than by the first
 * page, so a production server on development defaults stops, naming them, instead of serving
 * (Next.js would only log a failed hook and go on answering).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { readStoreConfig } = await import('./lib/config');
  try {
    readStoreConfig();
  } catch (error) {
    console.error(`MakrX.Store: ${(error as Error).message}`);
    process.exit(1);
  }
}
