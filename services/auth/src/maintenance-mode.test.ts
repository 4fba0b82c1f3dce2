import { testDrivers } from '@makrx/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAuthServiceWithDemoUsers } from './testing';

const justification = 'Database upgrade tonight, see the status page.';

/** MAINTENANCE_MODE as every service applies it (service-kit), seen through the auth service. */
describe.each(testDrivers)('maintenance mode over %s', (driver) => {
  let started: Awaited<ReturnType<typeof startAuthServiceWithDemoUsers>>;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    started = await startAuthServiceWithDemoUsers(driver);
    tokens.superAdmin = await started.tokenFor('superadmin', ['super_admin']);
    tokens.orgAdmin = await started.tokenFor('member', ['admin', 'admin:org']);
    tokens.customer = await started.tokenFor('customer', ['store_customer']);
  });
  afterAll(async () => {
    await started.close();
  });

  const call = (method: 'GET' | 'PATCH' | 'POST', url: string, token?: string, payload?: object) =>
    started.auth.app.inject({
      method,
      url,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ...(payload ? { payload } : {}),
    });
  const setMaintenance = (enabled: boolean) =>
    call('PATCH', '/api/v1/flags/MAINTENANCE_MODE', tokens.superAdmin, {
      enabled,
      justification,
    });

  it('refuses changes with 503, Retry-After and MAINTENANCE while reading goes on', async () => {
    expect((await setMaintenance(true)).statusCode).toBe(200);

    const change = await call('PATCH', '/api/v1/flags/SHOW_MAKER_SPOTLIGHT', tokens.orgAdmin, {
      enabled: false,
      justification,
    });
    expect(change.statusCode).toBe(503);
    expect(Number(change.headers['retry-after'])).toBeGreaterThan(0);
    expect(change.json().error).toMatchObject({ code: 'MAINTENANCE' });

    const guestChange = await call('PATCH', '/api/v1/flags/SHOW_MAKER_SPOTLIGHT', undefined, {
      enabled: false,
      justification,
    });
    expect(guestChange.statusCode).toBe(503);

    const read = await call('GET', '/api/v1/flags/evaluate', tokens.customer);
    expect(read.statusCode).toBe(200);
    expect(read.json().flags).toMatchObject({ MAINTENANCE_MODE: true, SHOW_MAKER_SPOTLIGHT: true });
    expect((await call('GET', '/health')).statusCode).toBe(200);
  });

  it('lets a super admin change things, and turn maintenance off again', async () => {
    const change = await call('PATCH', '/api/v1/flags/SHOW_MAKER_SPOTLIGHT', tokens.superAdmin, {
      enabled: false,
      justification,
    });
    expect(change.statusCode).toBe(200);
    expect((await setMaintenance(false)).statusCode).toBe(200);

    // A domain admin proposes changes again; the super admin's change went through at once.
    const afterwards = await call(
      'POST',
      '/api/v1/flags/SHOW_MAKER_SPOTLIGHT/proposals',
      tokens.orgAdmin,
      {
        enabled: true,
        justification,
      },
    );
    expect(afterwards.statusCode).toBe(201);
    expect(afterwards.json()).toMatchObject({ flagKey: 'SHOW_MAKER_SPOTLIGHT', status: 'open' });
  });
});
