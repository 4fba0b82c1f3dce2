import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { POST } from './route';

const post = (body: string) =>
  POST(
    new NextRequest('http://localhost:3003/auth/backchannel-logout', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    }),
  );

describe('the back-channel logout endpoint', () => {
  it('answers a request without a logout_token 400 invalid_request, never cached', async () => {
    const response = await post('state=x');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_request' });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('refuses a body far larger than any logout token with 413', async () => {
    const response = await post(`logout_token=${'x'.repeat(20_000)}`);
    expect(response.status).toBe(413);
  });
});
