/** Links into the store app (emails, redirects from the cave), from STORE_URL. */
export interface StoreLinks {
  cart(): string;
  /** An order's tracking page, opened by its token without an account. */
  order(number: string, token: string): string;
}

export function storeLinks({ STORE_URL }: { STORE_URL: string }): StoreLinks {
  const base = STORE_URL.replace(/\/$/, '');
  return {
    cart: () => `${base}/cart`,
    order: (number, token) =>
      `${base}/orders/${encodeURIComponent(number)}?token=${encodeURIComponent(token)}`,
  };
}
