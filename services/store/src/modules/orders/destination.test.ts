import type { Order } from '@makrx/contracts';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeService } from '../../service';
import { regionCodeOf } from './destination';
import { orders } from './tables';
import { aCaliforniaAddress, aGuestEmail, postOrder, variantOf } from './testing';

describe('region names and codes', () => {
  it('reads a state typed as its name, its code or its full ISO 3166-2 code', () => {
    for (const typed of ['California', 'california', 'CALIFORNIA', 'ca', 'CA', 'US-CA', 'us-ca']) {
      expect(regionCodeOf('US', typed)).toBe('CA');
    }
    expect(regionCodeOf('IN', 'Karnataka')).toBe('KA');
    expect(regionCodeOf('FR', 'ile de france')).toBe('IDF');
  });

  it('finds no region the country does not have', () => {
    expect(regionCodeOf('US', 'Bavaria')).toBeUndefined();
    expect(regionCodeOf('US', 'XX')).toBeUndefined();
    expect(regionCodeOf('DE', 'CA')).toBeUndefined();
  });
});

describe.each(testDrivers)('where an order can go, over %s', (driver) => {
  let store: TestService;
  beforeAll(async () => {
    store = await startTestService(storeService, driver);
  });
  afterAll(async () => {
    await store.close();
  });

  const check = (shippingAddress: object) =>
    store.app.inject({
      method: 'POST',
      url: '/api/v1/checkout/address-check',
      payload: { shippingAddress },
    });
  const orderCount = async () => (await store.app.db.select({ n: count() }).from(orders))[0]!.n;

  it('keeps "California" as CA and taxes it at California’s 7.25 %', async () => {
    const response = await check({ ...aCaliforniaAddress(), region: 'California' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      shippingAddress: { region: 'CA', country: 'US' },
      taxRateBasisPoints: 725,
    });
  });

  it('places an order typed with a state’s name at its tax, keeping the code and phone', async () => {
    const calipers = await variantOf(store.app, 'digital-calipers-150mm');
    const response = await postOrder(store.app, {
      items: [{ variantId: calipers.id, quantity: 1 }],
      email: aGuestEmail(),
      shippingAddress: { ...aCaliforniaAddress(), region: 'US-CA', phone: '+1 (415) 555-0100' },
    });
    expect(response.statusCode).toBe(201);
    const order: Order = response.json();
    expect(order.taxRateBasisPoints).toBe(725);
    expect(order.shippingAddress).toMatchObject({ region: 'CA', phone: '+14155550100' });
  });

  it('refuses a region the country does not have with 400 naming region, placing nothing', async () => {
    const calipers = await variantOf(store.app, 'digital-calipers-150mm');
    const before = await orderCount();
    const response = await postOrder(store.app, {
      items: [{ variantId: calipers.id, quantity: 1 }],
      email: aGuestEmail(),
      shippingAddress: { ...aCaliforniaAddress(), region: 'Atlantis' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'UNKNOWN_REGION',
      details: [expect.objectContaining({ field: 'region' })],
    });
    expect(await orderCount()).toBe(before);
  });

  it('asks for the state where the country’s tax depends on it', async () => {
    const { region: _none, ...noRegion } = aCaliforniaAddress();
    const response = await check(noRegion);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([expect.objectContaining({ field: 'region' })]);
  });

  it('refuses a region without a tax rate with 422 and its reason, never taxing it at zero', async () => {
    // Guam is one of the US's ISO 3166-2 subdivisions; the store has no rate for its territories.
    const guam = {
      ...aCaliforniaAddress(),
      city: 'Hagåtña',
      region: 'Guam',
      postalCode: '96910',
    };
    const checked = await check(guam);
    expect(checked.statusCode).toBe(422);
    expect(checked.json().error.code).toBe('DESTINATION_NOT_TAXABLE');
    expect(checked.json().error.message).toMatch(/no sales tax rate/);
    const quoted = await store.app.inject({
      method: 'POST',
      url: '/api/v1/checkout/quote',
      payload: {
        items: [{ variantId: (await variantOf(store.app, 'esp32-devkit-v1')).id, quantity: 1 }],
        shippingAddress: guam,
        shippingMethod: 'standard',
      },
    });
    expect(quoted.statusCode).toBe(422);
    const before = await orderCount();
    const placed = await postOrder(store.app, {
      items: [{ variantId: (await variantOf(store.app, 'esp32-devkit-v1')).id, quantity: 1 }],
      email: aGuestEmail(),
      shippingAddress: guam,
    });
    expect(placed.statusCode).toBe(422);
    expect(await orderCount()).toBe(before);
  });

  it.each([
    ['US', 'CA', '9410'],
    ['US', 'CA', '94107-12'],
    ['CA', 'ON', '12345'],
    ['GB', '', '12345'],
    ['IN', 'KA', '56003'],
    ['DE', '', '1011'],
    ['FR', '', '750011'],
    ['NL', '', '1012'],
    ['AU', 'NSW', '20000'],
  ])(
    'refuses a %s postal code shaped otherwise (%s, %s) with 400 naming postalCode',
    async (country, region, postalCode) => {
      const response = await check({
        ...aCaliforniaAddress(),
        country,
        region: region || undefined,
        postalCode,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatchObject({
        code: 'INVALID_POSTAL_CODE',
        details: [expect.objectContaining({ field: 'postalCode' })],
      });
    },
  );

  it.each([
    ['US', 'CA', '94107-1234'],
    ['CA', 'ON', 'k1a 0b1'],
    ['GB', '', 'SW1A 1AA'],
    ['IN', 'KA', '560038'],
    ['DE', '', '10115'],
    ['NL', '', '1012 AB'],
    ['AU', 'NSW', '2000'],
  ])('takes a %s postal code of the right shape (%s, %s)', async (country, region, postalCode) => {
    const response = await check({
      ...aCaliforniaAddress(),
      country,
      region: region || undefined,
      postalCode,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().shippingAddress.postalCode).toBe(postalCode.toUpperCase());
  });

  it('refuses a malformed phone number, an unknown country and an oversized region', async () => {
    for (const [address, field] of [
      [{ ...aCaliforniaAddress(), phone: 'call me maybe' }, 'phone'],
      [{ ...aCaliforniaAddress(), phone: '+1 23' }, 'phone'],
      [{ ...aCaliforniaAddress(), country: 'ZZ' }, 'country'],
      [{ ...aCaliforniaAddress(), region: 'C'.repeat(5000) }, 'region'],
    ] as const) {
      const response = await check(address);
      expect(response.statusCode).toBe(400);
      expect(JSON.stringify(response.json().error.details)).toContain(field);
    }
  });
});
