import { NextResponse } from 'next/server';
import { currentSession } from '../../../../features/session/current-session';
import { openService, serviceErrorOf } from '../../../../lib/service-client';

/**
 * The order export form's target: passes the dates and status on to the store service and
 * streams its CSV file back as a download. A refusal (a bad date, say) goes back to the orders
 * page with the service's words, so the form works the same without JavaScript.
 */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const query = new URLSearchParams();
  for (const name of ['from', 'to', 'status']) {
    const value = url.searchParams.get(name);
    if (value) query.set(name, value);
  }
  if (!(await currentSession())) {
    const returnTo = `/admin/orders/export?${query}`;
    return NextResponse.redirect(
      new URL(`/auth/login?returnTo=${encodeURIComponent(returnTo)}`, url),
      303,
    );
  }
  const answer = await openService('store', `/admin/orders/export?${query}`, {
    headers: { accept: 'text/csv' },
    timeoutMs: 60_000,
  });
  if (!answer.ok || !answer.body) {
    const refusal = serviceErrorOf(
      answer.status,
      await answer.json().catch(() => undefined),
      'The export could not be made.',
    );
    const fieldMessages = Array.isArray(refusal.details)
      ? refusal.details.map((detail: { message?: string }) => detail.message).filter(Boolean)
      : [];
    const problem = `The export was refused: ${fieldMessages.join(' ') || refusal.message}`;
    const back = new URLSearchParams({ problem });
    for (const [name, value] of query) back.set(`export-${name}`, value);
    return NextResponse.redirect(new URL(`/admin/orders?${back}`, url), 303);
  }
  return new Response(answer.body, {
    headers: {
      'content-type': answer.headers.get('content-type') ?? 'text/csv; charset=utf-8',
      'content-disposition': answer.headers.get('content-disposition') ?? 'attachment',
      'cache-control': 'no-store',
    },
  });
}
