import { serverFlags } from '../../../features/flags/server-flags';

/** The flags of the current visitor, for the page's live refresh (features/flags). */
export async function GET() {
  const { values } = await serverFlags();
  return Response.json({ flags: values }, { headers: { 'cache-control': 'no-store' } });
}
