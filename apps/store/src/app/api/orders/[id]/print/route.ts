import { NextResponse } from 'next/server';
import { readPrintOfOrder } from '../../../../../features/print-orders/api';
import { ServiceError } from '../../../../../lib/service-client';

/**
 * Where an order's print stands, for its page to follow it without a reload: as the visitor
 * may see the order (signed in as its buyer, or with the order link's `token`).
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const token = new URL(request.url).searchParams.get('token') ?? undefined;
  try {
    const print = await readPrintOfOrder(id, token);
    if (!print) return NextResponse.json({ error: 'not found' }, { status: 404 });
    return NextResponse.json(print, { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    const status = error instanceof ServiceError ? error.status : 502;
    return NextResponse.json({ error: 'unavailable' }, { status });
  }
}
