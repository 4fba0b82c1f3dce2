import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { errorBody, type MakerspaceMembership } from '@makrx/contracts';
import { serviceEnv, type ServiceDefinition } from '@makrx/service-kit';
import { startTestService, type TestService } from '@makrx/service-kit/testing';
import Fastify, { type FastifyContextConfig } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { accessMatrix, features } from './access-matrix';
import { authPlugin } from './auth-plugin';
import { callingService, signedInUser } from './guard';
import { matrixRoles, type MakerspaceRole, type MatrixRole } from './roles';
import { specAccessCells } from './spec-access-table';
import { startTestIssuer, type TestIssuer, type TestUser } from './testing';
import { createTokenVerifier } from './verify-token';

/** The cave's membership table, as far as these tests need one: user → makerspace → roles. */
const memberships = new Map<string, Record<string, MakerspaceRole[]>>();
let resolverCalls = 0;

const membershipsOf = async (userId: string): Promise<MakerspaceMembership[]> => {
  resolverCalls += 1;
  return Object.entries(memberships.get(userId) ?? {}).map(([slug, roles]) => ({
    makerspace: { id: spaceIds[slug] ?? randomUUID(), slug, name: slug },
    roles,
  }));
};
const spaceIds: Record<string, string> = { 'space-a': randomUUID(), 'space-b': randomUUID() };

/** A small cave-like service whose routes each declare one cell, permission or client list. */
function workshopService(): ServiceDefinition {
  const spaceParams = z.object({ makerspaceSlug: z.string() });
  return {
    name: 'cave',
    title: 'Auth test API',
    description: 'Exercises the one guard.',
    env: serviceEnv('cave'),
    audience: 'makrcave-backend',
    memberships: () => membershipsOf,
    modules: [
      {
        prefix: '/api/v1',
        plugin: async (app) => {
          const answer = async () => ({ ok: true });
          for (const feature of features) {
            const url = `/makerspaces/:makerspaceSlug/${feature}`;
            const schema = { params: spaceParams };
            app.get(url, { schema, config: { access: { feature, mode: 'read' } } }, answer);
            app.post(url, { schema, config: { access: { feature, mode: 'write' } } }, answer);
          }
          app.post(
            '/jobs/route-service-order',
            {
              config: { access: { serviceClients: ['store-backend'] } },
              schema: { body: z.object({ service_order_id: z.uuid() }) },
            },
            async (request) => ({ caller: callingService(request) }),
          );
          app.get(
            '/me',
            { config: { access: { feature: 'userProfileManagement', mode: 'read' } } },
            async (request) => signedInUser(request),
          );
          app.get('/public', { config: { access: 'public' } }, async (request) => ({
            caller: request.caller,
          }));
          app.get('/store/admin', { config: { access: { permission: 'store:admin' } } }, answer);
          app.get('/flags/admin', { config: { access: { permission: 'flags:admin' } } }, answer);
          app.post(
            '/makerspaces/:makerspaceSlug/members',
            {
              config: { access: { permission: 'makerspace:admin' } },
              schema: {
                params: spaceParams,
                body: z.object({ email: z.email(), role: z.enum(['member', 'makerspace_admin']) }),
              },
            },
            answer,
          );
        },
      },
    ],
  };
}

let idp: TestIssuer;
let service: TestService;
let baseUrl: string;

beforeAll(async () => {
  idp = await startTestIssuer();
  service = await startTestService(workshopService(), 'pglite', { issuer: idp.issuer });
  await service.app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(service.app.server.address() as AddressInfo).port}/api/v1`;
});
afterAll(async () => {
  await service.close();
  await idp.close();
});
afterEach(() => vi.useRealTimers());

async function call(
  method: 'GET' | 'POST',
  path: string,
  token?: string | { header: string },
  body?: unknown,
) {
  const authorization = typeof token === 'string' ? `Bearer ${token}` : token?.header;
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(authorization ? { authorization } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** A signed-in user with the given realm roles, and makerspace roles in the cave's table. */
async function signIn(realmRoles: string[], spaces: Record<string, MakerspaceRole[]> = {}) {
  const user: TestUser = { id: crypto.randomUUID(), username: 'maker', realmRoles };
  memberships.set(user.id as string, spaces);
  return idp.userToken(user);
}

const errorCode = (body: unknown) => errorBody.parse(body).error.code;

describe('who is calling', () => {
  it('lets a request without a token through to a public route as a guest', async () => {
    expect(await call('GET', '/public')).toEqual({ status: 200, body: { caller: null } });
  });

  it('sets the caller from a valid bearer token', async () => {
    const token = await idp.userToken({ id: 'u-42', username: 'ada', realmRoles: ['super_admin'] });
    const { status, body } = await call('GET', '/public', token);
    expect(status).toBe(200);
    expect(body.caller).toMatchObject({ kind: 'user', userId: 'u-42', username: 'ada' });
  });

  it.each<[string, () => Promise<string | { header: string }>]>([
    ['a bad signature', () => idp.userToken({ username: 'm' }, { forged: true })],
    ['another issuer', () => idp.userToken({ username: 'm' }, { issuer: 'https://x/realms/x' })],
    ['an expired token', () => idp.userToken({ username: 'm' }, { expiresIn: -60 })],
    ['a wrong audience', () => idp.userToken({ username: 'm' }, { audience: 'store-backend' })],
    ['a malformed token', async () => 'abc.def.ghi'],
    ['another auth scheme', async () => ({ header: 'Basic bWFrZXI6cGFzcw==' })],
    ['an empty bearer', async () => ({ header: 'Bearer ' })],
  ])('answers %s with 401 INVALID_TOKEN, never treating it as a guest', async (_, token) => {
    const { status, body } = await call('GET', '/public', await token());
    expect(status).toBe(401);
    expect(errorCode(body)).toBe('INVALID_TOKEN');
  });

  it('accepts a token signed with a key rotated at the IdP without a restart', async () => {
    expect((await call('GET', '/me', await idp.userToken({ username: 'a' }))).status).toBe(200);
    await idp.rotateKey();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 31_000); // past jose's cool-down between key set fetches
    const { status, body } = await call('GET', '/me', await idp.userToken({ username: 'rotated' }));
    expect(status).toBe(200);
    expect(body).toMatchObject({ username: 'rotated' });
  });
});

describe('the guard, walking every cell of the matrix over HTTP', () => {
  /** A caller standing in exactly one column (a signed-in user is a store customer too). */
  const holders: Record<MatrixRole, () => Promise<string | undefined>> = {
    super_admin: () => signIn(['super_admin', 'store_customer']),
    admin: () => signIn(['admin', 'admin:org', 'admin:cave', 'admin:store', 'store_customer']),
    makerspace_admin: () => signIn(['store_customer'], { 'space-a': ['makerspace_admin'] }),
    service_provider: () => signIn(['store_customer'], { 'space-a': ['service_provider'] }),
    member: () => signIn(['store_customer'], { 'space-a': ['member'] }),
    store_customer: () => signIn(['store_customer']),
    guest: async () => undefined,
  };

  it.each(matrixRoles)('answers %s as the spec table says, cell by cell', async (role) => {
    const token = await holders[role]();
    const denied = role === 'guest' ? 401 : 403;
    for (const feature of features) {
      const cell = specAccessCells.get(accessMatrix[feature].label)?.[role];
      const path = `/makerspaces/space-a/${feature}`;
      const read = await call('GET', path, token);
      const write = await call('POST', path, token);
      expect({ feature, read: read.status, write: write.status }).toEqual({
        feature,
        read: cell === 'none' ? denied : 200,
        write: cell === 'full' ? 200 : denied,
      });
    }
  });
});

describe('the guard, cell by hand-checked cell', () => {
  it('lets a member view equipment (👁️) but answers a change with 403 FORBIDDEN', async () => {
    const token = await signIn(['store_customer'], { 'space-a': ['member'] });
    expect((await call('GET', '/makerspaces/space-a/equipmentManagement', token)).status).toBe(200);
    const write = await call('POST', '/makerspaces/space-a/equipmentManagement', token);
    expect(write.status).toBe(403);
    expect(errorCode(write.body)).toBe('FORBIDDEN');
  });

  it('answers a ❌ cell with 401 for a guest and 403 for a signed-in user', async () => {
    const guest = await call('GET', '/makerspaces/space-a/billingManagement');
    expect(guest.status).toBe(401);
    expect(errorCode(guest.body)).toBe('AUTHENTICATION_REQUIRED');
    const customer = await call(
      'GET',
      '/makerspaces/space-a/billingManagement',
      await signIn(['store_customer']),
    );
    expect(customer.status).toBe(403);
    expect(errorCode(customer.body)).toBe('FORBIDDEN');
  });

  it('counts makerspace roles only in the makerspace that granted them', async () => {
    const token = await signIn(['store_customer'], { 'space-a': ['makerspace_admin'] });
    expect((await call('POST', '/makerspaces/space-a/memberManagement', token)).status).toBe(200);
    // Not theirs: answered as if it did not exist, so other makerspaces cannot be probed.
    expect((await call('POST', '/makerspaces/space-b/memberManagement', token)).status).toBe(404);
  });

  it('lets an admin of the cave run cave features, but not the store column’s tools', async () => {
    const caveAdmin = await signIn(['admin', 'admin:cave', 'store_customer']);
    expect((await call('POST', '/makerspaces/space-b/memberManagement', caveAdmin)).status).toBe(
      200,
    );
    expect(
      (await call('POST', '/makerspaces/space-b/serviceProviderTools', caveAdmin)).status,
    ).toBe(403);
    // …falling back to its other roles there: a customer may still buy.
    expect((await call('POST', '/makerspaces/space-b/purchaseProducts', caveAdmin)).status).toBe(
      200,
    );
    const storeAdmin = await signIn(['admin', 'admin:store', 'store_customer']);
    expect(
      (await call('POST', '/makerspaces/space-b/serviceProviderTools', storeAdmin)).status,
    ).toBe(200);
    expect((await call('POST', '/makerspaces/space-b/memberManagement', storeAdmin)).status).toBe(
      403,
    );
  });

  it('gives an admin without a domain role no admin rights', async () => {
    const token = await signIn(['admin', 'store_customer']);
    expect((await call('GET', '/makerspaces/space-a/analyticsDashboard', token)).status).toBe(403);
  });

  it('keeps system feature flags to the super admin', async () => {
    const everyDomainAdmin = await signIn(['admin', 'admin:org', 'admin:cave', 'admin:store']);
    const superAdmin = await signIn(['super_admin']);
    expect((await call('POST', '/makerspaces/x/systemFeatureFlags', everyDomainAdmin)).status).toBe(
      403,
    );
    expect((await call('POST', '/makerspaces/x/systemFeatureFlags', superAdmin)).status).toBe(200);
  });

  it('refuses a service token on a matrix route with 403: a service is no person', async () => {
    const token = await idp.serviceToken('store-backend');
    expect((await call('GET', '/makerspaces/space-a/productBrowsing', token)).status).toBe(403);
  });

  it('asks the membership table only when the token’s roles fall short', async () => {
    const before = resolverCalls;
    await call('GET', '/makerspaces/space-a/productBrowsing');
    await call('GET', '/makerspaces/space-a/equipmentManagement');
    await call('GET', '/makerspaces/space-a/productBrowsing', await signIn(['store_customer']));
    expect(resolverCalls).toBe(before);
    await call('GET', '/makerspaces/space-a/equipmentManagement', await signIn(['store_customer']));
    expect(resolverCalls).toBe(before + 1);
  });
});

describe('service-to-service endpoints', () => {
  const path = '/jobs/route-service-order';

  const order = { service_order_id: randomUUID() };

  it('accept a service token of a listed client', async () => {
    const token = await idp.serviceToken('store-backend');
    const { status, body } = await call('POST', path, token, order);
    expect(status).toBe(200);
    expect(body).toEqual({ caller: { kind: 'service', clientId: 'store-backend' } });
  });

  it('refuse another client’s service token with 403', async () => {
    const { status, body } = await call(
      'POST',
      path,
      await idp.serviceToken('auth-service'),
      order,
    );
    expect(status).toBe(403);
    expect(errorCode(body)).toBe('FORBIDDEN');
  });

  it('refuse a user token with 403, even a super admin’s', async () => {
    const { status, body } = await call('POST', path, await signIn(['super_admin']), order);
    expect(status).toBe(403);
    expect(errorCode(body)).toBe('FORBIDDEN');
  });

  it('ask for a token with 401 when none is given', async () => {
    const { status, body } = await call('POST', path);
    expect(status).toBe(401);
    expect(errorCode(body)).toBe('AUTHENTICATION_REQUIRED');
  });
});

describe('a route for signed-in people (userProfileManagement)', () => {
  it('returns the signed-in user', async () => {
    const token = await idp.userToken({ id: 'u-7', username: 'grace' });
    expect(await call('GET', '/me', token)).toMatchObject({
      status: 200,
      body: { kind: 'user', userId: 'u-7', username: 'grace' },
    });
  });

  it('asks a guest to sign in with 401', async () => {
    const { status, body } = await call('GET', '/me');
    expect(status).toBe(401);
    expect(errorCode(body)).toBe('AUTHENTICATION_REQUIRED');
  });

  it('refuses a service with 403', async () => {
    const { status, body } = await call('GET', '/me', await idp.serviceToken('store-backend'));
    expect(status).toBe(403);
    expect(errorCode(body)).toBe('FORBIDDEN');
  });
});

describe('named permissions', () => {
  it('lets a store admin and a super admin administer the store, and no other admin', async () => {
    const storeAdmin = await signIn(['admin', 'admin:store', 'store_customer']);
    const caveAdmin = await signIn(['admin', 'admin:cave', 'store_customer']);
    expect((await call('GET', '/store/admin', storeAdmin)).status).toBe(200);
    expect((await call('GET', '/store/admin', await signIn(['super_admin']))).status).toBe(200);
    const refused = await call('GET', '/store/admin', caveAdmin);
    expect(refused.status).toBe(403);
    expect(errorBody.parse(refused.body).error).toMatchObject({
      code: 'FORBIDDEN',
      details: { permission: 'store:admin' },
    });
    expect((await call('GET', '/store/admin')).status).toBe(401);
  });

  it('holds a makerspace permission only in the makerspace the route names', async () => {
    const token = await signIn(['store_customer'], { 'space-a': ['makerspace_admin'] });
    const invite = { email: 'new@example.org', role: 'member' };
    expect((await call('POST', '/makerspaces/space-a/members', token, invite)).status).toBe(200);
    expect((await call('POST', '/makerspaces/space-b/members', token, invite)).status).toBe(404);
    const member = await signIn(['store_customer'], { 'space-a': ['member'] });
    expect((await call('POST', '/makerspaces/space-a/members', member, invite)).status).toBe(403);
    const caveAdmin = await signIn(['admin', 'admin:cave']);
    expect((await call('POST', '/makerspaces/space-b/members', caveAdmin, invite)).status).toBe(
      200,
    );
  });

  it('lets a makerspace admin of any makerspace into flag administration, a member not', async () => {
    const spaceAdmin = await signIn(['store_customer'], { 'space-b': ['makerspace_admin'] });
    expect((await call('GET', '/flags/admin', spaceAdmin)).status).toBe(200);
    const member = await signIn(['store_customer'], { 'space-b': ['member'] });
    expect((await call('GET', '/flags/admin', member)).status).toBe(403);
    expect((await call('GET', '/flags/admin', await signIn(['admin', 'admin:org']))).status).toBe(
      200,
    );
  });

  it('asks for the memberships at most once per request', async () => {
    const token = await signIn(['store_customer'], { 'space-a': ['makerspace_admin'] });
    const before = resolverCalls;
    await call('GET', '/flags/admin', token);
    expect(resolverCalls).toBe(before + 1);
  });
});

describe('authentication before validation', () => {
  it('answers a request without a token 401, saying nothing about its shape', async () => {
    const { status, body } = await call('POST', '/makerspaces/space-a/members', undefined, {
      nonsense: true,
    });
    expect(status).toBe(401);
    expect(errorBody.parse(body).error.code).toBe('AUTHENTICATION_REQUIRED');
    expect(JSON.stringify(body)).not.toMatch(/email|role|VALIDATION/);
  });

  it('answers a signed-in caller without the permission 403 before validating', async () => {
    const token = await signIn(['store_customer']);
    const { status, body } = await call('POST', '/makerspaces/space-a/members', token, {});
    expect(status).toBe(403);
    expect(JSON.stringify(body)).not.toMatch(/VALIDATION/);
  });

  it('validates once the caller may call the route', async () => {
    const token = await signIn(['store_customer'], { 'space-a': ['makerspace_admin'] });
    const { status, body } = await call('POST', '/makerspaces/space-a/members', token, {});
    expect(status).toBe(400);
    expect(errorBody.parse(body).error.code).toBe('VALIDATION_FAILED');
  });
});

describe('route declarations', () => {
  /** A module that registers the plugin and one route with `config`, as a service would. */
  async function startupFailure(config: FastifyContextConfig, url = '/route') {
    const app = Fastify({ logger: false });
    const verifier = createTokenVerifier({ issuer: idp.issuer, audience: 'store-backend' });
    await app.register(authPlugin, { verifier });
    app.get(url, { config }, async () => ({}));
    try {
      await app.ready();
    } catch (error) {
      return (error as Error).message;
    } finally {
      await app.close();
    }
    return 'started';
  }

  it('refuse at start-up a route that declares nothing', async () => {
    expect(await startupFailure({})).toMatch(/GET \/route declares no access/);
  });

  it('refuse at start-up a route that is both a matrix cell and a service endpoint', async () => {
    const both = {
      access: { feature: 'orderManagement', mode: 'read', serviceClients: ['makrcave-backend'] },
    } as never;
    expect(await startupFailure(both)).toMatch(/exactly one/);
  });

  it('refuse at start-up a feature the matrix does not have', async () => {
    const misspelled = { feature: 'equipmentManagment', mode: 'read' } as never;
    expect(await startupFailure({ access: misspelled })).toMatch(/not a feature of the matrix/);
  });

  it('refuse at start-up a makerspace permission on a route that names no makerspace', async () => {
    expect(await startupFailure({ access: { permission: 'makerspace:admin' } })).toMatch(
      /must name it/,
    );
  });

  it('start with every kind of declaration done right', async () => {
    expect(await startupFailure({ access: 'public' })).toBe('started');
    expect(
      await startupFailure(
        { access: { permission: 'makerspace:provide' } },
        '/makerspaces/:makerspaceSlug/jobs',
      ),
    ).toBe('started');
  });
});
