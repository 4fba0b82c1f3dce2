import { loadConfig } from '@makrx/service-kit';
import { z } from 'zod';

/** Links into the store app (emails, redirects from the cave), from STORE_URL. */
export function storeLinks(env = process.env) {
  const { STORE_URL } = loadConfig(
    z.object({ STORE_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:3003') }),
    env,
  );
  const base = STORE_URL.replace(/\/$/, '');
  return {
    cart: () => `${base}/cart`,
    order: (number: string, token: string) =>
      `${base}/orders/${encodeURIComponent(number)}?token=${encodeURIComponent(token)}`,
  };
}
