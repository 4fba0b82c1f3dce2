/** Links into the store app (emails, redirects from the cave), from STORE_URL. */
export interface StoreLinks {
  cart(): string;
  /**
   * The cart, reached through the store app's sign-in: someone signed in at MakrX lands in
   * their own cart without a password prompt (the identity provider's session answers), and
   * anyone else signs in first, since a cart filled for a user is theirs alone.
   */
  cartSignedIn(): string;
  /** An order's tracking page, opened by its token without an account. */
  order(number: string, token: string): string;
}

export function storeLinks({ STORE_URL }: { STORE_URL: string }): StoreLinks {
  const base = STORE_URL.replace(/\/$/, '');
  return {
    cart: () => `${base}/cart`,
    cartSignedIn: () => `${base}/auth/login?returnTo=${encodeURIComponent('/cart')}`,
    order: (number, token) =>
      `${base}/orders/${encodeURIComponent(number)}?token=${encodeURIComponent(token)}`,
  };
}
