import type { SearchSuggestions } from '@makrx/contracts';
import { openService, storeMediaUrl } from '../../lib/service-client';

const noStore = { 'cache-control': 'no-store' };

/**
 * Asks the store service for the type-ahead's suggestions and answers with them, thumbnails
 * at the service's address; a refusal (400 for a bad `q`, 429 for too many) passes through
 * as the service said it. The visitor's X-Forwarded-For goes along, so with the store app
 * among the service's TRUSTED_PROXIES each visitor has their own rate limit.
 */
export async function suggestionsFor(request: Request): Promise<Response> {
  const q = new URL(request.url).searchParams.get('q') ?? '';
  const answer = await openService('store', `/search/suggestions?${new URLSearchParams({ q })}`, {
    as: 'anonymous',
    timeoutMs: 5_000,
    headers: { 'x-forwarded-for': request.headers.get('x-forwarded-for') ?? undefined },
  }).catch(() => null);
  if (!answer) {
    return Response.json(
      {
        error: { code: 'SERVICE_UNREACHABLE', message: 'Suggestions are not available just now.' },
      },
      { status: 503, headers: noStore },
    );
  }
  if (!answer.ok) {
    return new Response(answer.body, {
      status: answer.status,
      headers: { 'content-type': 'application/json', ...noStore },
    });
  }
  const body = (await answer.json()) as SearchSuggestions;
  return Response.json(
    {
      ...body,
      products: body.products.map((p) => ({ ...p, imageUrl: storeMediaUrl(p.imageUrl) })),
    } satisfies SearchSuggestions,
    { headers: noStore },
  );
}
