import { randomUUID } from 'node:crypto';
import cors from '@fastify/cors';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  authPlugin,
  createTokenVerifier,
  type BackendClient,
  type MembershipSource,
} from '@makrx/auth';
import type { Database, DatabaseHandle } from '@makrx/db';
import { parkedEventRoutes } from '@makrx/events';
import { createFlagReader, type FlagReader } from '@makrx/flags/server';
import { createMailer, type Mailer } from '@makrx/mailer';
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type FastifyPluginAsyncZod,
} from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { sealAuditLogWhileRunning } from './audit-sequencer';
import {
  registerBackgroundJobs,
  type BackgroundJob,
  type BackgroundJobs,
  type JobRunning,
} from './background-jobs';
import { appOrigins, type ServiceConfig } from './config';
import { erasedAccountGate } from './erased-accounts';
import { registerErrorHandling } from './error-handler';
import { registerFlagGates } from './flag-gates';
import { registerHealth } from './health';
import { liveStreamRoutes, type LiveStreamSettings } from './live-stream';
import { declareKitRoutes } from './kit-routes';
import { maintenanceGate } from './maintenance-mode';
import { membershipsFromCave } from './memberships';
import { registerMetrics } from './metrics';
import { refuseNulCharacters } from './nul-characters';
import { registerSecurityHeaders } from './security-headers';
import {
  createPeers,
  peerSettingsOf,
  unconfiguredPeers,
  type PeerSettings,
  type Peers,
} from './peers';
import {
  wireServiceEvents,
  type EventConsumer,
  type EventDelivery,
  type ServiceEvents,
} from './service-events';

declare module 'fastify' {
  interface FastifyInstance {
    /** The service's settings, parsed from its environment once, at start. */
    config: ServiceConfig;
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
    /** How the service sends mail: SMTP, or the dev mailbox in embedded mode. */
    mailer: Mailer;
    /** The service's background jobs, by name (tests run one with `app.jobs.run(name)`). */
    jobs: BackgroundJobs;
  }
}

/**
 * A domain module: one plugin that registers its routes, under `prefix` when given. A module
 * whose routes sit under several prefixes (an API and files served beside it) names them itself.
 */
export interface ServiceModule {
  prefix?: string;
  plugin: FastifyPluginAsyncZod;
}

export interface ServiceDefinition {
  name: 'auth' | 'cave' | 'store';
  title: string;
  description: string;
  /** The environment the service reads (`baseServiceEnv` extended), parsed once at start. */
  env: z.ZodType<ServiceConfig>;
  /** The client id this service's tokens are addressed to (spec 7, "Keycloak → Clients"). */
  audience: BackendClient;
  /**
   * Where the guard learns a user's makerspace roles. By default the cave is asked through
   * `app.peers`; the cave reads its own memberships.
   */
  memberships?: (app: FastifyInstance) => MembershipSource;
  modules: ServiceModule[];
  /**
   * The service's live stream (`GET /api/v1/live`) and the NOTIFY channels it carries; a
   * service without one has no stream.
   */
  live?: LiveStreamSettings;
  /** Consumers of the events this service publishes, run by its dispatcher. */
  consumers?: EventConsumer[];
  /** Work the service does on a timer while it runs (the pending-order sweep, say). */
  jobs?: BackgroundJob[];
  /** What every deployment needs in its database (the spec's feature flags); idempotent. */
  seedConfiguration?: (db: Database) => Promise<void>;
  /** Demo data for embedded mode (DESIGN "Demo data"); each seed runs once per database. */
  seedDemoData?: (db: Database, config: ServiceConfig) => Promise<void>;
  /**
   * Servers the service runs beside its API, given its app and its raw environment (the auth
   * service's embedded identity provider); started after the API, closed with it.
   */
  companions?: (
    app: FastifyInstance,
    env: Record<string, string | undefined>,
  ) => Promise<Array<{ server: FastifyInstance; port: number }>>;
}

export interface ServiceRuntime {
  database: DatabaseHandle;
  /** The service's settings, parsed from `definition.env`. */
  config: ServiceConfig;
  logger?: FastifyServerOptions['logger'];
  /** How long a reading of the feature flags is trusted; 1 s by default, 0 in tests. */
  flagCacheMs?: number;
  /** How to reach the other services; by default from the config (SERVICE_CLIENT_SECRET). */
  peers?: PeerSettings;
  /** How events are delivered: in the background, unless a test delivers them itself. */
  events?: EventDelivery;
  /** Whether background jobs run on their timers (default) or only when a test runs them. */
  jobs?: JobRunning;
  /** A mailer to use instead of one made from the config (a test's own dev mailbox). */
  mailer?: Mailer;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/**
 * Builds a service: the one guard first, so every route after it must declare who may call
 * it; then the shared plumbing (request ids, security headers, CORS, OpenAPI, health, metrics,
 * flags, maintenance mode, one error shape) around the domain modules it is given.
 */
export async function createService(
  definition: ServiceDefinition,
  runtime: ServiceRuntime,
): Promise<FastifyInstance> {
  const { config } = runtime;
  const app = Fastify({
    logger: runtime.logger ?? { level: config.LOG_LEVEL },
    requestIdHeader: 'x-request-id',
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    bodyLimit: 1024 * 1024,
    // request.ip follows X-Forwarded-For only when a configured proxy sent it, never a client.
    trustProxy: config.TRUSTED_PROXIES.length > 0 ? config.TRUSTED_PROXIES : false,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  decorateShared(app, definition, runtime);
  // Every service seals the audit log into its hash chain, taking turns with the others.
  sealAuditLogWhileRunning(app, runtime.database.db);
  // Every answer names its request, refusals by the guard included.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  registerSecurityHeaders(app);
  declareKitRoutes(app);
  // Before the guard: a browser must be able to read a refusal (401, 403) to act on it.
  await app.register(cors, {
    origin: appOrigins(config),
    // @fastify/cors allows only GET, HEAD and POST unless told; the APIs also PUT, PATCH and DELETE.
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    credentials: true,
    // content-disposition: a download fetched with a token keeps the file name the service gave.
    exposedHeaders: ['x-request-id', 'retry-after', 'content-disposition'],
  });

  const memberships = (definition.memberships ?? membershipsFromCave)(app);
  await app.register(authPlugin, {
    verifier: createTokenVerifier({ issuer: config.OIDC_ISSUER, audience: definition.audience }),
    memberships,
    afterAuthentication: [erasedAccountGate(runtime.database.db), maintenanceGate(app)],
    operatorToken: config.METRICS_TOKEN,
  });
  registerFlagGates(app);
  refuseNulCharacters(app);
  registerErrorHandling(app);
  await registerHttpPlumbing(app, definition);
  registerHealth(app, definition.name, runtime.database);
  registerMetrics(app, definition.name);
  registerBackgroundJobs(app, definition.jobs ?? [], runtime.jobs);

  for (const module of definition.modules) {
    await app.register(module.plugin, module.prefix ? { prefix: module.prefix } : {});
  }
  if (definition.live) {
    await app.register(liveStreamRoutes(definition.live, memberships), { prefix: '/api/v1' });
  }
  // Every service lists and replays the events it parked (the audit viewer shows all three).
  await app.register(
    parkedEventRoutes({
      source: definition.name,
      db: app.db,
      nudge: () => app.events.nudge(),
    }),
    { prefix: '/api/v1' },
  );
  return app;
}

function decorateShared(
  app: FastifyInstance,
  definition: ServiceDefinition,
  runtime: ServiceRuntime,
): void {
  const { config, database } = runtime;
  app.decorate('config', config);
  app.decorate('db', database.db);
  app.decorate('database', database);
  app.decorate('flags', createFlagReader(database.db, { maxAgeMs: runtime.flagCacheMs }));
  const peers = runtime.peers ?? peerSettingsOf(definition.name, config);
  app.decorate('peers', peers ? createPeers(peers) : unconfiguredPeers);
  const mailer =
    runtime.mailer ??
    createMailer({
      smtpUrl: config.SMTP_URL,
      from: config.MAIL_FROM,
      database: database.db,
      log: app.log,
    });
  app.decorate('mailer', mailer);
  if (!runtime.mailer) app.addHook('onClose', async () => mailer.close());
  app.decorate(
    'events',
    wireServiceEvents(app, definition.name, database, definition.consumers ?? [], runtime.events),
  );
}

/** OpenAPI and the docs UI. */
async function registerHttpPlumbing(
  app: FastifyInstance,
  definition: ServiceDefinition,
): Promise<void> {
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
  // The API's description is the docs' own source, for operators like the docs UI.
  app.get('/openapi.json', { schema: { hide: true }, config: { access: 'operators' } }, async () =>
    app.swagger(),
  );
}
