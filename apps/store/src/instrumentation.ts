/**
 * Runs once as the server starts: the configuration is read here rather than by the first
 * page, so a production server on development defaults refuses to start instead of serving.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { readStoreConfig } = await import('./lib/config');
  readStoreConfig();
}
