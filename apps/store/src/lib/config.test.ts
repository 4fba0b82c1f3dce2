import { afterEach, describe, expect, it, vi } from 'vitest';

async function freshConfig(env: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  const { readStoreConfig } = await import('./config');
  return readStoreConfig;
}

afterEach(() => void vi.unstubAllEnvs());

describe('readStoreConfig', () => {
  it('has a development session secret outside production', async () => {
    const read = await freshConfig({ NODE_ENV: 'development', STORE_SESSION_SECRET: undefined });
    expect(read().sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(read().oidcIssuer).toBe('http://localhost:8080/realms/makrx');
  });

  it('refuses to run in production without a session secret of its own', async () => {
    const read = await freshConfig({
      NODE_ENV: 'production',
      STORE_SESSION_SECRET: undefined,
      STRIPE_PUBLISHABLE_KEY: 'pk_live_of_this_store',
    });
    expect(read).toThrow(/STORE_SESSION_SECRET: not set/);
  });

  it('refuses the built-in development session secret in production', async () => {
    const read = await freshConfig({
      NODE_ENV: 'production',
      STORE_SESSION_SECRET: 'embedded-store-app-session-development-secret',
      STRIPE_PUBLISHABLE_KEY: 'pk_live_of_this_store',
    });
    expect(read).toThrow(/STORE_SESSION_SECRET: is a built-in development secret/);
  });

  it('refuses the offline test payments in production unless asked for on purpose', async () => {
    const env = {
      NODE_ENV: 'production',
      STORE_SESSION_SECRET: 'a-session-secret-of-this-deployment-0000',
      STRIPE_PUBLISHABLE_KEY: undefined,
    };
    expect(await freshConfig(env)).toThrow(/STRIPE_PUBLISHABLE_KEY: not set, so payments/);
    const read = await freshConfig({ ...env, MAKRX_PAYMENTS: 'offline' });
    expect(read().testMode).toBe(true);
  });

  it('names every development default in one message', async () => {
    const read = await freshConfig({
      NODE_ENV: 'production',
      STORE_SESSION_SECRET: undefined,
      STRIPE_PUBLISHABLE_KEY: undefined,
      MAKRX_PAYMENTS: undefined,
    });
    expect(read).toThrow(
      /^Refusing to run in production on:\n {2}- STORE_SESSION_SECRET: .*\n {2}- STRIPE_PUBLISHABLE_KEY: /,
    );
  });

  it('runs in production with a secret of its own and Stripe, not in test mode', async () => {
    const read = await freshConfig({
      NODE_ENV: 'production',
      STORE_SESSION_SECRET: 'a-session-secret-of-this-deployment-0000',
      STRIPE_PUBLISHABLE_KEY: 'pk_live_of_this_store',
    });
    expect(read()).toMatchObject({
      testMode: false,
      stripePublishableKey: 'pk_live_of_this_store',
    });
  });

  it('refuses a session secret too short to be a key', async () => {
    const read = await freshConfig({ STORE_SESSION_SECRET: 'short' });
    expect(read).toThrow(/at least 32 characters/);
  });

  it('gives the print page the store service’s upload limit, 250 MB unless set', async () => {
    expect((await freshConfig({ MODEL_UPLOAD_MAX_BYTES: undefined }))().modelUploadMaxBytes).toBe(
      250 * 1024 * 1024,
    );
    expect((await freshConfig({ MODEL_UPLOAD_MAX_BYTES: '1048576' }))().modelUploadMaxBytes).toBe(
      1048576,
    );
    const unreadable = await freshConfig({ MODEL_UPLOAD_MAX_BYTES: '2 MB' });
    expect(unreadable).toThrow(/MODEL_UPLOAD_MAX_BYTES must be a whole number/);
  });

  it('treats a blank Stripe key as none, so the payment page lists the test cards', async () => {
    const read = await freshConfig({ STRIPE_PUBLISHABLE_KEY: ' ' });
    expect(read().stripePublishableKey).toBeUndefined();
  });

  it('knows where each service the store calls answers', async () => {
    const read = await freshConfig({
      STORE_API_URL: undefined,
      AUTH_API_URL: undefined,
      CAVE_API_URL: 'https://cave-api.example.org/',
    });
    expect(read()).toMatchObject({
      storeApiUrl: 'http://localhost:8003',
      authApiUrl: 'http://localhost:8001',
      caveApiUrl: 'https://cave-api.example.org',
    });
  });
});
