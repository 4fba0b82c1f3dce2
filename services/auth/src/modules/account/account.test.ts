import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import { users } from '@makrx/db/schema';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authService } from '../../service';
import { seedDemoUsers } from '../identity/testing';
import { accountErasures } from './tables';

describe.each(testDrivers)('account preferences and deletion over %s', (driver) => {
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

  const tokenOf = (username: string) =>
    idp.userToken({ id: ids[username]!, username, realmRoles: ['store_customer'] });
  const call = async (
    method: 'GET' | 'PUT' | 'DELETE',
    url: string,
    token?: string,
    payload?: unknown,
  ) =>
    auth.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  it('gives the defaults until a person chooses, then what they chose', async () => {
    const token = await tokenOf('member');
    expect((await call('GET', '/me/preferences', token)).json()).toEqual({
      language: 'en',
      units: 'metric',
      currency: 'INR',
      timeZone: 'UTC',
    });
    const chosen = {
      language: 'en',
      units: 'imperial',
      currency: 'USD',
      timeZone: 'America/Chicago',
    };
    expect((await call('PUT', '/me/preferences', token, chosen)).statusCode).toBe(200);
    expect((await call('GET', '/me/preferences', token)).json()).toEqual(chosen);
  });

  it('refuses a guest 401, and a time zone, currency or units nobody knows 400, naming the field and changing nothing', async () => {
    expect((await call('GET', '/me/preferences')).statusCode).toBe(401);
    expect((await call('PUT', '/me/preferences', undefined, {})).statusCode).toBe(401);
    expect((await call('GET', '/me/export')).statusCode).toBe(401);
    expect((await call('DELETE', '/me/account', undefined, { confirmEmail: 'x' })).statusCode).toBe(
      401,
    );
    const token = await tokenOf('provider');
    const good = { language: 'en', units: 'metric', currency: 'EUR', timeZone: 'Europe/Berlin' };
    await call('PUT', '/me/preferences', token, good);
    for (const bad of [
      { ...good, timeZone: 'Mars/Olympus_Mons' },
      { ...good, currency: 'XYZ' },
      { ...good, units: 'furlongs' },
      { ...good, language: 'tlh' },
    ]) {
      const refused = await call('PUT', '/me/preferences', token, bad);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.code).toBe('VALIDATION_FAILED');
    }
    expect((await call('GET', '/me/preferences', token)).json()).toEqual(good);
  });

  it('refuses a body too large to be preferences with 413', async () => {
    const token = await tokenOf('provider');
    const huge = {
      language: 'en',
      units: 'metric',
      currency: 'EUR',
      timeZone: 'x'.repeat(2_000_000),
    };
    expect((await call('PUT', '/me/preferences', token, huge)).statusCode).toBe(413);
  });

  it('deletes nothing when the email typed to confirm is another’s', async () => {
    const token = await tokenOf('customer');
    const refused = await call('DELETE', '/me/account', token, {
      confirmEmail: 'member@demo.makrx.org',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('ACCOUNT_DELETION_UNCONFIRMED');
    const [row] = await auth.app.db.select().from(users).where(eq(users.id, ids.customer!));
    expect(row).toMatchObject({ email: 'customer@demo.makrx.org', erasedAt: null });
    expect((await call('GET', '/me/preferences', token)).statusCode).toBe(200);
  });

  it('with the cave and the store out of reach, erases MakrX.org’s part at once, refuses the old token and keeps the rest pending', async () => {
    const token = await tokenOf('customer');
    await call('PUT', '/me/preferences', token, {
      language: 'en',
      units: 'imperial',
      currency: 'USD',
      timeZone: 'UTC',
    });
    const saved = await auth.app.inject({
      method: 'POST',
      url: '/api/v1/me/addresses',
      headers: { authorization: `Bearer ${token}` },
      payload: {
        name: 'Chris Customer',
        line1: '1 Market Street',
        city: 'San Francisco',
        postalCode: '94105',
        country: 'US',
      },
    });
    expect(saved.statusCode).toBe(201);
    const deleted = await call('DELETE', '/me/account', token, {
      confirmEmail: 'Customer@demo.makrx.org',
    });
    expect(deleted.statusCode).toBe(200);
    expect(deleted.json()).toEqual({ status: 'pending', pendingServices: ['cave', 'store'] });

    const refused = await call('GET', '/me/preferences', token);
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.code).toBe('ACCOUNT_DELETED');
    const addresses = await auth.app.db.execute<{ n: number }>(
      sql`select count(*)::int as n from auth.shipping_addresses where user_id = ${ids.customer!}`,
    );
    expect(addresses.rows[0]!.n).toBe(0);
    // Until the cave and the store confirm, they may still look copies up by the address.
    const [kept] = await auth.app.db.select().from(users).where(eq(users.id, ids.customer!));
    expect(kept!.erasedAt).not.toBeNull();
    expect(kept!.email).toBe('customer@demo.makrx.org');

    // The job asks again; still out of reach, it stays pending, counted, and nothing breaks.
    await auth.app.jobs.run('auth.account.finish-erasures');
    const [pending] = await auth.app.db
      .select()
      .from(accountErasures)
      .where(eq(accountErasures.userId, ids.customer!));
    expect(pending).toMatchObject({ caveErasedAt: null, storeErasedAt: null });
    expect(pending!.attempts).toBeGreaterThanOrEqual(3);
  });
});
