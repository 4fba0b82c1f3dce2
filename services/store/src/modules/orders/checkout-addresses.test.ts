import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeService } from '../../service';

// The answer from a running MakrX.org, and the paid order's report to it, are checked with
// all three services in launcher/src/store-org-integration.test.ts.
describe.each(testDrivers)('checkout while MakrX.org is down over %s', (driver) => {
  let idp: TestIssuer;
  let store: TestService;
  beforeAll(async () => {
    idp = await startTestIssuer();
    const nowhere = 'http://127.0.0.1:9';
    store = await startTestService(storeService, driver, {
      issuer: idp.issuer,
      peers: {
        urls: { auth: nowhere, cave: nowhere, store: nowhere },
        token: () => idp.serviceToken('store-backend'),
      },
    });
  });
  afterAll(async () => {
    await store?.close();
    await idp?.close();
  });

  it('refuses a guest with 401: guests have no MakrX.org addresses', async () => {
    const response = await store.app.inject({ url: '/api/v1/checkout/addresses' });
    expect(response.statusCode).toBe(401);
  });

  it('answers an empty list so the buyer types an address', async () => {
    const token = await idp.userToken({ username: 'offline-buyer' });
    const response = await store.app.inject({
      url: '/api/v1/checkout/addresses',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      addresses: [],
      defaultShippingMethod: null,
      reachable: false,
    });
  });
});
