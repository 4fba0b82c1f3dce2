import { randomUUID } from 'node:crypto';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { Database, DatabaseHandle } from '@makrx/db';
import { createFlagReader, type FlagReader } from '@makrx/flags/server';
import Fastify, {
  LogController,
  type FastifyInstance,
  type FastifyPluginAsync,
  type FastifyServerOptions,
} from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type FastifyPluginAsyncZod,
} from 'fastify-type-provider-zod';
import { sealAuditLogWhileRunning } from './audit-sequencer';
import { registerErrorHandling } from './error-handler';
import { registerHealth } from './health';
import { registerMaintenanceMode } from './maintenance-mode';
import { registerMetrics } from './metrics';
import { createPeers, unconfiguredPeers, type PeerSettings, type Peers } from './peers';
import {
  wireServiceEvents,
  type EventConsumer,
  type EventDelivery,
  type ServiceEvents,
} from './service-events';

declare module 'fastify' {
  interface FastifyInstance {
    /** The service's database, whichever engine is underneath. */
    db: Database;
    /** The handle behind `db`, for LISTEN/NOTIFY subscriptions. */
    database: DatabaseHandle;
    /** The feature flags as this service reads them (`app.flags.isOn(key, context)`). */
    flags: FlagReader;
    /** The other services' integration endpoints, called with this service's own token. */
    peers: Peers;
    /** The service's event dispatcher (its consumers, its outbox events). */
    events: ServiceEvents;
  }
}

/** A domain module: a plugin that registers its routes under a prefix. */
export interface ServiceModule {
  prefix: string;
  plugin: FastifyPluginAsyncZod;
}

export interface ServiceDefinition {
  name: 'auth' | 'cave' | 'store';
  title: string;
  description: string;
  modules: ServiceModule[];
  /**
   * Who may call: the service's token verification and access guard, given the realm's issuer.
   * Registered before the modules, so it covers every route they declare.
   */
  authentication?: (issuer: string, database: DatabaseHandle) => FastifyPluginAsync;
  /** Consumers of the events this service publishes, run by its dispatcher. */
  consumers?: EventConsumer[];
  /** Demo data for embedded mode (DESIGN "Demo data"); each seed runs once per database. */
  seedDemoData?: (db: Database) => Promise<void>;
}

export interface ServiceRuntime {
  database: DatabaseHandle;
  /** Origins allowed to call the service from a browser. */
  allowedOrigins: string[];
  /** The OpenID issuer whose tokens the service accepts (OIDC_ISSUER). */
  issuer: string;
  logger?: FastifyServerOptions['logger'];
  /** How long a reading of the feature flags is trusted; 1 s by default, 0 in tests. */
  flagCacheMs?: number;
  /** How to reach the other services; without it, calls to them fail with a clear 503. */
  peers?: PeerSettings;
  /** How events are delivered: in the background, unless a test delivers them itself. */
  events?: EventDelivery;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/**
 * Builds a service: the shared plumbing (logging with request ids, security headers, CORS,
 * OpenAPI, health, metrics, one error shape) around the domain modules it is given.
 */
export async function createService(
  definition: ServiceDefinition,
  runtime: ServiceRuntime,
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: runtime.logger ?? { level: 'info' },
    requestIdHeader: 'x-request-id',
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', runtime.database.db);
  app.decorate('database', runtime.database);
  app.decorate('flags', createFlagReader(runtime.database.db, { maxAgeMs: runtime.flagCacheMs }));
  app.decorate('peers', runtime.peers ? createPeers(runtime.peers) : unconfiguredPeers);
  app.decorate(
    'events',
    wireServiceEvents(
      app,
      definition.name,
      runtime.database,
      definition.consumers ?? [],
      runtime.events,
    ),
  );
  sealAuditLogWhileRunning(app, runtime.database.db);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  registerErrorHandling(app);
  await app.register(helmet, {
    // A JSON API loads nothing; /docs brings its own policy. Plain-HTTP dev must not be upgraded.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(cors, {
    origin: runtime.allowedOrigins,
    // @fastify/cors allows only GET, HEAD and POST unless told; the APIs also PUT, PATCH and DELETE.
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    credentials: true,
    exposedHeaders: ['x-request-id', 'retry-after'],
  });
  await app.register(swagger, {
    openapi: {
      info: { title: definition.title, description: definition.description, version: '1.0.0' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    staticCSP: true,
    transformStaticCSP: (header) => header.replace('upgrade-insecure-requests;', ''),
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerHealth(app, definition.name, runtime.database);
  registerMetrics(app, definition.name);

  if (definition.authentication) {
    await app.register(definition.authentication(runtime.issuer, runtime.database));
  }
  registerMaintenanceMode(app);
  for (const module of definition.modules) {
    await app.register(module.plugin, { prefix: module.prefix });
  }
  return app;
}
