import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ServiceDefinition } from './create-service';
import { AppError } from '@makrx/contracts';
import { serviceEnv } from './config';
import { startTestService, testDrivers, type TestService } from './testing';

/** A small service of its own, so the plumbing is tested apart from any domain. */
const workshopService: ServiceDefinition = {
  name: 'cave',
  title: 'Workshop test API',
  description: 'Exercises the service kit.',
  env: serviceEnv('cave'),
  audience: 'makrcave-backend',
  modules: [
    {
      prefix: '/api/v1',
      plugin: async (app) => {
        app.post(
          '/tools',
          {
            config: { access: 'public' },
            schema: {
              body: z.object({ name: z.string().min(1), quantity: z.number().int().positive() }),
              response: { 201: z.object({ name: z.string(), quantity: z.number() }) },
            },
          },
          async (request, reply) => reply.status(201).send(request.body),
        );
        app.get(
          '/tools',
          {
            config: { access: 'public' },
            schema: {
              querystring: z.object({ limit: z.coerce.number().int().max(50).default(10) }),
            },
          },
          async (request) => ({ limit: request.query.limit }),
        );
        app.get(
          '/tools/inventory',
          { config: { access: { permission: 'store:admin' } } },
          async () => ({ tools: [] }),
        );
        app.get('/broken', { config: { access: 'public' } }, async () => {
          throw new Error('secret internals');
        });
        app.get('/reserved', { config: { access: 'public' } }, async () => {
          throw new AppError(409, 'OUT_OF_STOCK', 'That one is sold out.');
        });
      },
    },
  ],
};

describe.each(testDrivers)('a service built with the kit, over %s', (driver) => {
  let service: TestService;
  let app: FastifyInstance;
  beforeAll(async () => {
    service = await startTestService(workshopService, driver);
    app = service.app;
  });
  afterAll(() => service.close());

  it('answers /health and /ready', async () => {
    expect((await app.inject('/health')).json()).toMatchObject({ status: 'ok' });
    const ready = await app.inject('/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', database: driver });
  });

  it('serves its OpenAPI document and the interactive docs', async () => {
    const spec = await app.inject('/openapi.json');
    expect(spec.statusCode).toBe(200);
    expect(spec.json().paths).toHaveProperty('/api/v1/tools');
    const docs = await app.inject('/docs');
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger-ui');
  });

  it('rejects a bad body with 400, naming the field', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/tools',
      payload: { name: 'Saw', quantity: -2 },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', details: [{ location: 'body', field: 'quantity' }] },
    });
  });

  it('rejects a bad query with 400, naming the field', async () => {
    const response = await app.inject('/api/v1/tools?limit=500');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([
      expect.objectContaining({ location: 'query', field: 'limit' }),
    ]);
  });

  it('rejects malformed JSON with 400 in the same shape', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/tools',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('MALFORMED_BODY');
  });

  it('answers an unknown route with 404 in the same shape', async () => {
    const response = await app.inject('/api/v1/nothing-here');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: { code: 'ROUTE_NOT_FOUND', message: 'No route for GET /api/v1/nothing-here.' },
    });
  });

  it('maps a domain error to its status and code', async () => {
    const response = await app.inject('/api/v1/reserved');
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('OUT_OF_STOCK');
  });

  it('hides the internals of an unexpected failure', async () => {
    const response = await app.inject('/api/v1/broken');
    expect(response.statusCode).toBe(500);
    expect(response.json().error.code).toBe('INTERNAL');
    expect(response.body).not.toContain('secret internals');
  });

  it('allows the three app origins and no other', async () => {
    const allowed = await app.inject({
      url: '/api/v1/tools',
      headers: { origin: 'http://localhost:3003' },
    });
    expect(allowed.headers['access-control-allow-origin']).toBe('http://localhost:3003');
    const foreign = await app.inject({
      url: '/api/v1/tools',
      headers: { origin: 'https://evil.example' },
    });
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('lets an app read a refusal: the guard’s 401 carries CORS headers and a request id', async () => {
    const refused = await app.inject({
      url: '/api/v1/tools/inventory',
      headers: { origin: 'http://localhost:3001' },
    });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['access-control-allow-origin']).toBe('http://localhost:3001');
    expect(refused.headers['x-request-id']).toBeTruthy();
    expect(refused.headers['x-content-type-options']).toBe('nosniff');
  });

  it('lets an app origin change data with PUT, PATCH and DELETE', async () => {
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/api/v1/tools',
      headers: {
        origin: 'http://localhost:3000',
        'access-control-request-method': 'DELETE',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-methods']).toMatch(/PUT.*PATCH.*DELETE/);
  });

  it('echoes a given request id and makes one up otherwise', async () => {
    const given = await app.inject({ url: '/health', headers: { 'x-request-id': 'trace-42' } });
    expect(given.headers['x-request-id']).toBe('trace-42');
    const made = await app.inject('/health');
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers', async () => {
    const response = await app.inject('/api/v1/tools');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'none'");
  });

  it('exposes Prometheus metrics', async () => {
    await app.inject('/api/v1/tools');
    const metrics = await app.inject('/metrics');
    expect(metrics.body).toMatch(
      /http_request_duration_seconds_count\{[^}]*route="\/api\/v1\/tools",status="200"\} \d+/,
    );
  });
});

describe('what every route must declare', () => {
  const serviceWith = (
    plugin: ServiceDefinition['modules'][number]['plugin'],
  ): ServiceDefinition => ({
    ...workshopService,
    modules: [{ prefix: '/api/v1', plugin }],
  });

  it('refuses to start with a route that declares no access, naming it', async () => {
    const undeclared = serviceWith(async (app) => {
      app.get('/tools/forgotten', async () => ({ open: true }));
    });
    await expect(startTestService(undeclared, 'pglite')).rejects.toThrow(
      /GET \/api\/v1\/tools\/forgotten declares no access/,
    );
  });

  it('refuses a route registered by a plugin that nobody declared', async () => {
    const undeclared = serviceWith(async (app) => {
      await app.register(async (plugin) => {
        plugin.get('/from-a-plugin', async () => ({ open: true }));
      });
    });
    await expect(startTestService(undeclared, 'pglite')).rejects.toThrow(/from-a-plugin/);
  });

  it('refuses a declaration that names two kinds of access, or an unknown permission', async () => {
    const twice = serviceWith(async (app) => {
      app.get(
        '/tools/both',
        {
          config: {
            access: { permission: 'store:admin', serviceClients: ['store-backend'] } as never,
          },
        },
        async () => ({}),
      );
    });
    await expect(startTestService(twice, 'pglite')).rejects.toThrow(/exactly one/);
    const unknown = serviceWith(async (app) => {
      app.get(
        '/tools/unknown',
        { config: { access: { permission: 'tools:admin' } as never } },
        async () => ({}),
      );
    });
    await expect(startTestService(unknown, 'pglite')).rejects.toThrow(/not a permission/);
  });

  it('refuses a makerspace route whose makerspace parameter the guard cannot read', async () => {
    const loose = serviceWith(async (app) => {
      app.get(
        '/makerspaces/:slug/tools',
        { config: { access: { feature: 'equipmentManagement', mode: 'read' } } },
        async () => ({}),
      );
    });
    await expect(startTestService(loose, 'pglite')).rejects.toThrow(/:makerspaceSlug/);
  });
});

describe.each(testDrivers)('feature-flagged routes and background jobs over %s', (driver) => {
  let service: TestService;
  let runs = 0;
  const flagged: ServiceDefinition = {
    ...workshopService,
    modules: [
      {
        prefix: '/api/v1',
        plugin: async (app) => {
          app.get(
            '/quick-tools',
            { config: { access: 'public', flag: 'ENABLE_QUICK_REORDER' } },
            async () => ({ ok: true }),
          );
          app.get(
            '/bom-ordering',
            {
              config: { access: 'public', flag: ['ENABLE_BOM_ORDERING', 'ENABLE_QUICK_REORDER'] },
            },
            async () => ({ ok: true }),
          );
        },
      },
    ],
    jobs: [
      {
        name: 'count-tools',
        everyMs: 60_000,
        run: async () => {
          runs += 1;
        },
      },
    ],
  };
  beforeAll(async () => {
    service = await startTestService(flagged, driver);
  });
  afterAll(() => service.close());

  const setFlag = (enabled: boolean, key = 'ENABLE_QUICK_REORDER') =>
    service.app.db.execute(
      sql`insert into feature_flags (key, description, enabled, scope)
          values (${key}, 'A flag', ${enabled}, 'global')
          on conflict (key) do update set enabled = excluded.enabled`,
    );

  it('answers 404 FEATURE_DISABLED while its flag is off, and serves it once on', async () => {
    await setFlag(false);
    const off = await service.app.inject('/api/v1/quick-tools');
    expect(off.statusCode).toBe(404);
    expect(off.json().error).toMatchObject({
      code: 'FEATURE_DISABLED',
      details: { flag: 'ENABLE_QUICK_REORDER' },
    });
    await setFlag(true);
    const on = await service.app.inject('/api/v1/quick-tools');
    expect(on.statusCode).toBe(200);
  });

  it('serves a route behind several flags only while each is on, naming the one that is off', async () => {
    await setFlag(true);
    await setFlag(false, 'ENABLE_BOM_ORDERING');
    const off = await service.app.inject('/api/v1/bom-ordering');
    expect(off.statusCode).toBe(404);
    expect(off.json().error.details).toEqual({ flag: 'ENABLE_BOM_ORDERING' });
    await setFlag(true, 'ENABLE_BOM_ORDERING');
    await setFlag(false);
    expect((await service.app.inject('/api/v1/bom-ordering')).json().error.details).toEqual({
      flag: 'ENABLE_QUICK_REORDER',
    });
    await setFlag(true);
    expect((await service.app.inject('/api/v1/bom-ordering')).statusCode).toBe(200);
    expect(
      service.app.declaredRoutes().find((r) => r.url === '/api/v1/bom-ordering')?.flags,
    ).toEqual(['ENABLE_BOM_ORDERING', 'ENABLE_QUICK_REORDER']);
  });

  it('runs a named background job on demand, and knows no unnamed one', async () => {
    expect(service.app.jobs.names).toEqual(['count-tools']);
    await service.app.jobs.run('count-tools');
    expect(runs).toBe(1);
    await expect(service.app.jobs.run('nothing')).rejects.toThrow(/No background job/);
  });
});
