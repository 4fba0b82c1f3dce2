import { expect } from './fixtures';
import { urls } from './urls';

/**
 * A backend's own token (client credentials at the embedded identity provider), for a test
 * that calls an integration endpoint as that backend would: the store routing a paid print
 * order, the cave filling a store cart.
 */
export async function serviceToken(client: 'store-backend' | 'makrcave-backend'): Promise<string> {
  const response = await fetch(`${urls.issuer}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${client}:embedded-${client}-secret`).toString('base64')}`,
    },
    body: 'grant_type=client_credentials',
  });
  expect(response.ok).toBe(true);
  return ((await response.json()) as { access_token: string }).access_token;
}
