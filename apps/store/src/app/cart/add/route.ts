import { NextResponse, type NextRequest } from 'next/server';
import { addToCartFromForm } from '../../../features/cart/add-to-cart';
import { readStoreConfig } from '../../../lib/config';

/**
 * The product page's Add to cart. A plain form post answered 303, so the cart opens as a new
 * page at its top: the router's own navigation after a server action kept the product page's
 * scroll, which on a phone opened the cart partway down.
 */
export async function POST(request: NextRequest) {
  const { store } = readStoreConfig().portalUrls;
  const origin = request.headers.get('origin');
  if (origin && origin !== new URL(store).origin) {
    return new NextResponse('Add to the cart from the store itself.', { status: 403 });
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return new NextResponse('Send the add-to-cart form.', { status: 400 });
  }
  const response = NextResponse.redirect(new URL(await addToCartFromForm(form), store), 303);
  response.headers.set('cache-control', 'no-store');
  return response;
}
