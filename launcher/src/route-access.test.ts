import { randomUUID } from 'node:crypto';
import { decideAccess, type RouteAccess } from '@makrx/auth';
import { authService } from '@makrx/auth-service';
import { caveService } from '@makrx/cave-service';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { storeService } from '@makrx/store-service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Every route of every service declares who may call it, and a protected route asks a caller
 * without a token to sign in before anything else: it says nothing about the request's shape,
 * whatever the request carries.
 */
/** Public routes, and matrix cells a guest holds (browsing the catalog, reading profiles). */
function letsGuestsIn(access: RouteAccess): boolean {
  if (access === 'public') return true;
  return 'feature' in access && decideAccess(access.feature, access.mode, ['guest']) === 'allow';
}

describe.each(testDrivers)('every protected route of every service, over %s', (driver) => {
  const running: Record<string, TestService> = {};
  beforeAll(async () => {
    for (const definition of [authService, caveService, storeService]) {
      running[definition.name] = await startTestService(definition, driver);
    }
  });
  afterAll(async () => {
    for (const service of Object.values(running)) await service.close();
  });

  it('has one declaration per route, and some routes of every kind', () => {
    const kinds = new Set<string>();
    for (const service of Object.values(running)) {
      for (const route of service.app.declaredRoutes()) {
        kinds.add(typeof route.access === 'string' ? route.access : Object.keys(route.access)[0]!);
      }
    }
    expect([...kinds].sort()).toEqual(['feature', 'permission', 'public', 'serviceClients']);
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
