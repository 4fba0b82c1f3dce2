import type { AddressInfo } from 'node:net';
import { MakrxWebFlagProvider, OpenFeature, ProviderEvents } from '@makrx/flags/web';
import { testDrivers } from '@makrx/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAuthServiceWithDemoUsers } from '../../testing';

const MAKERSPACE = '6a1c7c2e-4f1e-4d55-9a57-0d7c3b1f9e01';

/**
 * The browser apps' OpenFeature provider against the real auth service over real HTTP. The
 * test asks the provider to refresh instead of waiting for its 5-second poll.
 */
describe.each(testDrivers)('the OpenFeature web provider over %s', (driver) => {
  let started: Awaited<ReturnType<typeof startAuthServiceWithDemoUsers>>;
  let baseUrl: string;
  let superAdmin: string;
  let signedIn: string | null = null;
  let provider: MakrxWebFlagProvider;
  const changes: string[][] = [];

  beforeAll(async () => {
    started = await startAuthServiceWithDemoUsers(driver);
    await started.auth.app.listen({ host: '127.0.0.1', port: 0 });
    baseUrl = `http://127.0.0.1:${(started.auth.app.server.address() as AddressInfo).port}`;
    superAdmin = await started.tokenFor('superadmin', ['super_admin']);
    provider = new MakrxWebFlagProvider({
      authApiUrl: baseUrl,
      accessToken: () => signedIn,
      pollIntervalMs: 60 * 60 * 1000,
    });
    OpenFeature.addHandler(ProviderEvents.ConfigurationChanged, (details) => {
      changes.push((details?.flagsChanged ?? []) as string[]);
    });
    await OpenFeature.setProviderAndWait(provider);
  });
  afterAll(async () => {
    await OpenFeature.close();
    await started.close();
  });

  const change = async (method: string, path: string, body: object) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${superAdmin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...body, justification: 'Checking the flags reach the apps.' }),
    });
    expect(response.status).toBe(200);
  };

  it("answers a guest with the service's evaluation, and an unknown flag with the fallback", () => {
    const client = OpenFeature.getClient();
    expect(client.getBooleanValue('SHOW_MAKER_SPOTLIGHT', false)).toBe(true);
    expect(client.getBooleanValue('MAINTENANCE_MODE', true)).toBe(false);
    const unknown = client.getBooleanDetails('NO_SUCH_FLAG', true);
    expect(unknown).toMatchObject({ value: true, errorCode: 'FLAG_NOT_FOUND' });
  });

  it('tells the app which flags changed when an admin changes one', async () => {
    await change('PATCH', '/api/v1/flags/SHOW_MAKER_SPOTLIGHT', { enabled: false });
    await provider.refresh();
    expect(OpenFeature.getClient().getBooleanValue('SHOW_MAKER_SPOTLIGHT', true)).toBe(false);
    expect(changes).toEqual([['SHOW_MAKER_SPOTLIGHT']]);

    // Asking again with nothing changed is no change.
    await provider.refresh();
    expect(changes).toHaveLength(1);
  });

  it('asks again for the new context: a makerspace, a signed-in user', async () => {
    await change('PATCH', '/api/v1/flags/ENABLE_ADVANCED_ANALYTICS', {
      enabled: true,
      targeting: { roles: ['admin'] },
    });
    await change('PUT', `/api/v1/flags/ENABLE_ADVANCED_ANALYTICS/makerspaces/${MAKERSPACE}`, {
      enabled: true,
    });
    const client = OpenFeature.getClient();
    await provider.refresh();
    expect(client.getBooleanValue('ENABLE_ADVANCED_ANALYTICS', true)).toBe(false);

    await OpenFeature.setContext({ makerspaceId: MAKERSPACE });
    expect(client.getBooleanValue('ENABLE_ADVANCED_ANALYTICS', false)).toBe(true);

    await OpenFeature.setContext({});
    expect(client.getBooleanValue('ENABLE_ADVANCED_ANALYTICS', true)).toBe(false);

    // Signing in is a context change; the service reads the roles from the bearer token.
    signedIn = await started.tokenFor('member', ['admin', 'admin:cave']);
    await OpenFeature.setContext({ targetingKey: 'member' });
    expect(client.getBooleanValue('ENABLE_ADVANCED_ANALYTICS', false)).toBe(true);
  });
});
