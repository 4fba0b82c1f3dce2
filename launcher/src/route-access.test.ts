import { randomUUID } from 'node:crypto';
import { decideAccess, type RouteAccess } from '@makrx/auth';
import { authService } from '@makrx/auth-service';
import { caveService } from '@makrx/cave-service';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { storeService } from '@makrx/store-service';
import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Every route of every service declares who may call it, and a protected route asks a caller
 * without a token to sign in before anything else: it says nothing about the request's shape,
 * whatever the request carries. A caller it lets in gets 400, never a 500 from the database,
 * for a NUL character anywhere in the input.
 */

const flagsOf = (service: TestService) =>
  service.app.declaredRoutes().flatMap((route) => route.flags);
/**
 * Public routes, the operators' routes (open while no METRICS_TOKEN is set, as here), and matrix
 * cells a guest holds (browsing the catalog, reading profiles).
 */
function letsGuestsIn(access: RouteAccess): boolean {
  if (access === 'public' || access === 'operators') return true;
  return 'feature' in access && decideAccess(access.feature, access.mode, ['guest']) === 'allow';
}

describe.each(testDrivers)('every route of every service, over %s', (driver) => {
  const running: Record<string, TestService> = {};
  let issuer: TestIssuer;
  beforeAll(async () => {
    issuer = await startTestIssuer();
    for (const definition of [authService, caveService, storeService]) {
      const service = await startTestService(definition, driver, { issuer: issuer.issuer });
      // Every flag on, so a flagged route answers for itself rather than as switched off.
      for (const flag of new Set(flagsOf(service))) {
        await service.app.db.execute(sql`
          insert into feature_flags (key, description, enabled, scope)
          values (${flag}, 'On for this test', true, 'global')
          on conflict (key) do update set enabled = true, rollout_percentage = 100, targeting = '{}'`);
      }
      running[definition.name] = service;
    }
  });
  afterAll(async () => {
    for (const service of Object.values(running)) await service.close();
    await issuer?.close();
  });

  it('answers a NUL character in a path, query or body 400, naming where, to a caller it lets in', async () => {
    const superAdmin = await issuer.userToken({
      id: randomUUID(),
      username: 'root',
      realmRoles: ['super_admin', 'store_customer'],
    });
    let walked = 0;
    for (const [name, service] of Object.entries(running)) {
      for (const route of service.app.declaredRoutes()) {
        if (route.method === 'HEAD' || route.method === 'OPTIONS') continue;
        const { access } = route;
        const token =
          typeof access === 'object' && 'serviceClients' in access
            ? await issuer.serviceToken(access.serviceClients[0]!)
            : superAdmin;
        const where = route.url.includes(':') || route.url.includes('*') ? 'path' : 'query';
        const url = where === 'path' ? route.url.replace(/:\w+|\*/g, '%00') : `${route.url}?q=%00`;
        const response = await service.app.inject({
          method: route.method as 'GET',
          url,
          headers: { authorization: `Bearer ${token}` },
          ...(route.method === 'GET' ? {} : { payload: { note: 'a\u0000b' } }),
        });
        const what = `${name} ${route.method} ${route.url}`;
        expect(response.statusCode, `${what}: ${response.body}`).toBe(400);
        expect(response.json().error.details[0].location, what).toBe(where);
        walked += 1;
      }
    }
    expect(walked).toBeGreaterThan(80);
  });

  it('has one declaration per route, and some routes of every kind', () => {
    const kinds = new Set<string>();
    for (const service of Object.values(running)) {
      for (const route of service.app.declaredRoutes()) {
        kinds.add(typeof route.access === 'string' ? route.access : Object.keys(route.access)[0]!);
      }
    }
    expect([...kinds].sort()).toEqual([
      'feature',
      'operators',
      'permission',
      'public',
      'serviceClients',
    ]);
  });

  it('answers a request without a token 401 AUTHENTICATION_REQUIRED, never a validation error', async () => {
    const answers: string[] = [];
    for (const [name, service] of Object.entries(running)) {
      for (const route of service.app.declaredRoutes()) {
        if (route.method === 'HEAD' || letsGuestsIn(route.access)) continue;
        // Parameters filled with something plausible; the body is junk on purpose.
        const url = route.url.replace(/:(\w+)/g, (_, param: string) =>
          /id$/i.test(param) ? randomUUID() : 'anything',
        );
        const response = await service.app.inject({
          method: route.method as 'GET',
          url,
          ...(route.method === 'GET' ? {} : { payload: { junk: ['x'.repeat(10)] } }),
        });
        const body = response.json();
        answers.push(
          `${name} ${route.method} ${route.url}: ${response.statusCode} ${body.error?.code}`,
        );
        expect(response.statusCode, `${name} ${route.method} ${route.url}`).toBe(401);
        expect(body.error.code).toBe('AUTHENTICATION_REQUIRED');
        expect(JSON.stringify(body)).not.toMatch(/VALIDATION|junk/);
      }
    }
    // The walk reached the routes of all three services.
    expect(new Set(answers.map((line) => line.split(' ')[0]))).toEqual(
      new Set(['auth', 'cave', 'store']),
    );
  });
});
