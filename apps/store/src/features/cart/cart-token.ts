import { cookies } from 'next/headers';
import { cookieOptions } from '../session/session-cookies';

/**
 * A guest's cart lives in the store service under an opaque token the service issued; the
 * browser keeps it only in this httpOnly cookie, never readable by scripts.
 */
const COOKIE = 'makrx_store_cart';
const KEEP_SECONDS = 30 * 24 * 60 * 60;

export async function guestCartToken(): Promise<string | undefined> {
  return (await cookies()).get(COOKIE)?.value || undefined;
}

/** Only from a server action or route handler. */
export async function keepGuestCartToken(token: string): Promise<void> {
  (await cookies()).set(COOKIE, token, { ...cookieOptions(), maxAge: KEEP_SECONDS });
}

export async function forgetGuestCartToken(): Promise<void> {
  (await cookies()).set(COOKIE, '', { ...cookieOptions(), maxAge: 0 });
}

export const GUEST_CART_COOKIE = COOKIE;
