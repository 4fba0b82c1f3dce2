import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import { auditLogs, users } from '@makrx/db/schema';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedDemoUsers } from '../identity/testing';
import { authService } from '../../service';
import { shippingAddresses } from './tables';

const home = {
  name: 'Asha Rao',
  line1: '12 Residency Road',
  city: 'Bengaluru',
  region: 'KA',
  postalCode: '560025',
  country: 'in',
  phone: '+91 80 5555 0100',
};
const office = {
  name: 'Asha Rao, MakrX Hub',
  line1: '1 Market Street',
  line2: 'Floor 3',
  city: 'San Francisco',
  region: 'CA',
  postalCode: '94105',
  country: 'US',
};

describe.each(testDrivers)('saved shipping addresses over %s', (driver) => {
  let idp: TestIssuer;
  let auth: TestService;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    idp = await startTestIssuer();
    auth = await startTestService(authService, driver, { issuer: idp.issuer });
    await seedDemoUsers(auth.app.db, 'makrx-demo');
    for (const row of await auth.app.db.select().from(users)) ids[row.username] = row.id;
  });
  afterAll(async () => {
    await auth?.close();
    await idp?.close();
  });
  beforeEach(async () => {
    await auth.app.db.delete(shippingAddresses);
  });

  const tokenOf = (username: string) =>
    idp.userToken({ id: ids[username]!, username, realmRoles: ['member'] });
  const call = async (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    token: string,
    payload?: object,
  ) =>
    auth.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { authorization: `Bearer ${token}` },
      ...(payload === undefined ? {} : { payload }),
    });
  const mine = async (username = 'member') =>
    (await call('GET', '/me/addresses', await tokenOf(username))).json<{
      addresses: Array<{ id: string; name: string; isDefault: boolean; country: string }>;
      defaultShippingMethod: string | null;
    }>();

  it('makes the first saved address the default and keeps exactly one default', async () => {
    const token = await tokenOf('member');
    const first = await call('POST', '/me/addresses', token, home);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ name: 'Asha Rao', country: 'IN', isDefault: true });
    const second = await call('POST', '/me/addresses', token, office);
    expect(second.json()).toMatchObject({ line2: 'Floor 3', isDefault: false });

    const made = await call('POST', `/me/addresses/${second.json().id}/default`, token);
    expect(made.statusCode).toBe(200);
    const { addresses } = await mine();
    expect(addresses.map((a) => [a.name, a.isDefault])).toEqual([
      ['Asha Rao, MakrX Hub', true],
      ['Asha Rao', false],
    ]);

    // Adding a third as default moves the default again.
    await call('POST', '/me/addresses', token, { ...home, name: 'Dev Rao', isDefault: true });
    expect((await mine()).addresses.filter((a) => a.isDefault).map((a) => a.name)).toEqual([
      'Dev Rao',
    ]);
  });

  it('edits and deletes an address; deleting the default hands it to the oldest left', async () => {
    const token = await tokenOf('member');
    const first = (await call('POST', '/me/addresses', token, home)).json<{ id: string }>();
    const second = (await call('POST', '/me/addresses', token, office)).json<{ id: string }>();

    const edited = await call('PUT', `/me/addresses/${second.id}`, token, {
      ...office,
      city: 'Oakland',
      postalCode: '94607',
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ city: 'Oakland', line2: 'Floor 3', isDefault: false });

    expect((await call('DELETE', `/me/addresses/${first.id}`, token)).statusCode).toBe(204);
    expect((await mine()).addresses).toMatchObject([{ id: second.id, isDefault: true }]);

    const actions = await auth.app.db
      .select({ action: auditLogs.action })
      .from(auditLogs)
      .where(eq(auditLogs.entityId, first.id));
    expect(actions.map((a) => a.action)).toEqual([
      'shipping_address.added',
      'shipping_address.deleted',
    ]);
  });

  it('answers bad addresses with 400 naming the field, and saves nothing', async () => {
    const token = await tokenOf('member');
    const badCountry = await call('POST', '/me/addresses', token, { ...home, country: 'India' });
    expect(badCountry.statusCode).toBe(400);
    expect(badCountry.json().error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(badCountry.json().error.details)).toContain('country');

    const noCity = await call('POST', '/me/addresses', token, { ...home, city: '  ' });
    expect(noCity.statusCode).toBe(400);
    const badPhone = await call('POST', '/me/addresses', token, { ...home, phone: 'call me' });
    expect(badPhone.statusCode).toBe(400);
    expect((await mine()).addresses).toEqual([]);
  });

  it('keeps each user’s addresses to themselves', async () => {
    const saved = (await call('POST', '/me/addresses', await tokenOf('member'), home)).json<{
      id: string;
    }>();
    const other = await tokenOf('customer');
    expect((await mine('customer')).addresses).toEqual([]);
    expect((await call('PUT', `/me/addresses/${saved.id}`, other, office)).statusCode).toBe(404);
    expect((await call('DELETE', `/me/addresses/${saved.id}`, other)).statusCode).toBe(404);
    expect((await call('POST', `/me/addresses/${saved.id}/default`, other)).statusCode).toBe(404);
    expect((await mine()).addresses).toMatchObject([{ id: saved.id, name: 'Asha Rao' }]);
    const signedOut = await auth.app.inject({ method: 'GET', url: '/api/v1/me/addresses' });
    expect(signedOut.statusCode).toBe(401);
  });

  it('sets and clears the default shipping method', async () => {
    const token = await tokenOf('member');
    const set = await call('PUT', '/me/shipping-method', token, {
      defaultShippingMethod: 'express',
    });
    expect(set.statusCode).toBe(200);
    expect((await mine()).defaultShippingMethod).toBe('express');
    const bad = await call('PUT', '/me/shipping-method', token, {
      defaultShippingMethod: 'Next Day!',
    });
    expect(bad.statusCode).toBe(400);
    expect((await mine()).defaultShippingMethod).toBe('express');
    await call('PUT', '/me/shipping-method', token, { defaultShippingMethod: null });
    expect((await mine()).defaultShippingMethod).toBeNull();
  });

  it('answers GET /preferences/shipping to the store’s service account only', async () => {
    const token = await tokenOf('member');
    await call('POST', '/me/addresses', token, home);
    await call('PUT', '/me/shipping-method', token, { defaultShippingMethod: 'standard' });
    const url = `/preferences/shipping?userId=${ids.member}`;

    const store = await call('GET', url, await idp.serviceToken('store-backend'));
    expect(store.statusCode).toBe(200);
    expect(store.json()).toMatchObject({
      addresses: [{ name: 'Asha Rao', city: 'Bengaluru', country: 'IN', isDefault: true }],
      default_shipping_method: 'standard',
    });

    expect((await call('GET', url, token)).statusCode).toBe(403);
    expect((await call('GET', url, await idp.serviceToken('makrcave-backend'))).statusCode).toBe(
      403,
    );
    const badId = await call(
      'GET',
      '/preferences/shipping?userId=me',
      await idp.serviceToken('store-backend'),
    );
    expect(badId.statusCode).toBe(400);
  });
});
