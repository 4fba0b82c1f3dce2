import { isIP } from 'node:net';
import { mailEnv } from '@makrx/mailer';
import { z } from 'zod';
import { developmentDefaultsInProduction } from '@makrx/contracts/production-defaults';

/** Raised when the environment does not describe a service that can run. */
export class ConfigError extends Error {
  constructor(
    readonly problems: string[],
    heading = 'Invalid configuration',
  ) {
    super(`${heading}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export type Environment = Record<string, string | undefined>;

/**
 * Parses the environment once, at start. Every bad or missing variable is named in one
 * message, so an operator fixes them all in one go; with NODE_ENV=production, so is every
 * development default the process would run on (contracts' production-defaults.ts).
 */
export function loadConfig<T extends z.ZodType>(
  schema: T,
  env: Environment = process.env,
  { startsAlso = [] }: { startsAlso?: z.ZodType[] } = {},
): z.infer<T> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => describeIssue(i, env)));
  refuseDevelopmentDefaults(env, [schema, ...startsAlso]);
  return parsed.data;
}

/**
 * With NODE_ENV=production, names every development default that this process, or a process it
 * starts with the same environment (`startsAlso`: the launcher's services), would run on.
 */
function refuseDevelopmentDefaults(env: Environment, schemas: z.ZodType[]): void {
  const problems = new Set<string>();
  for (const schema of schemas) {
    const parsed = schema.safeParse(env);
    if (!parsed.success || !(schema instanceof z.ZodObject)) continue;
    // The raw environment too: MAKRX_PAYMENTS=offline is read only to excuse the offline gateway.
    const settings = { ...env, ...(parsed.data as object) };
    for (const problem of developmentDefaultsInProduction(settings, Object.keys(schema.shape)))
      problems.add(problem);
  }
  if (problems.size > 0) throw new ConfigError([...problems], 'Refusing to run in production on');
}

function describeIssue(issue: z.core.$ZodIssue, env: Environment): string {
  const variable = issue.path.join('.') || '(environment)';
  const value = typeof issue.path[0] === 'string' ? env[issue.path[0]] : undefined;
  return value === undefined
    ? `${variable}: ${issue.message} (not set)`
    : `${variable}: ${issue.message} (got "${value}")`;
}

const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);
const url = (fallback: string) => z.url({ protocol: /^https?$/ }).default(fallback);

/** proxy-addr's names for whole ranges, which Fastify's trustProxy passes on. */
const namedRanges = new Set(['loopback', 'linklocal', 'uniquelocal']);

const isAddressOrRange = (entry: string) => {
  if (namedRanges.has(entry)) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
};

/**
 * The reverse proxies whose X-Forwarded-For a service believes (IPs, CIDR ranges or
 * `loopback`, comma separated). None by default: a header anyone can write must not choose the address that
 * rate limits and sign-in throttling key on.
 */
export const trustedProxies = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean),
  )
  .refine((entries) => entries.every(isAddressOrRange), {
    message: 'must be IP addresses or CIDR ranges, comma separated',
  });

/** What every service reads. Each service extends it with its own variables. */
export const baseServiceEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  MAKRX_DATA_DIR: z.string().min(1).default('./.makrx'),
  /** Seed demo users and data; unset, whenever the database is embedded. */
  MAKRX_DEMO_DATA: z.enum(['true', 'false']).optional(),
  /**
   * The bearer token that opens /metrics and /docs (Prometheus: `authorization: Bearer`).
   * Required in production; unset in development, they are open.
   */
  METRICS_TOKEN: z.string().min(32).optional(),
  GATEWAY_URL: url('http://localhost:3000'),
  CAVE_URL: url('http://localhost:3001'),
  STORE_URL: url('http://localhost:3003'),
  /** The realm whose tokens the services accept: the embedded provider, or a Keycloak realm. */
  OIDC_ISSUER: url('http://localhost:8080/realms/makrx'),
  /** The services' APIs, for calls between them (spec section 7). */
  AUTH_API_URL: url('http://localhost:8001'),
  CAVE_API_URL: url('http://localhost:8002'),
  STORE_API_URL: url('http://localhost:8003'),
  /** This service's client secret at the realm (client credentials for those calls). */
  SERVICE_CLIENT_SECRET: z.string().min(16).optional(),
  TRUSTED_PROXIES: trustedProxies,
  /** How mail leaves (every service sends some): SMTP, or the dev mailbox when unset. */
  ...mailEnv.shape,
});
export type BaseServiceConfig = z.infer<typeof baseServiceEnv>;

export const servicePorts = {
  auth: port(8001),
  cave: port(8002),
  store: port(8003),
} as const;

/** What a service reads at the least: the shared variables and its own port. */
export const serviceEnv = (name: keyof typeof servicePorts) =>
  baseServiceEnv.extend({ PORT: servicePorts[name] });
export type ServiceConfig = BaseServiceConfig & { PORT: number };

/** The three app origins a browser may call the services from (CORS). */
export function appOrigins(config: BaseServiceConfig): string[] {
  return [config.GATEWAY_URL, config.CAVE_URL, config.STORE_URL].map((u) => new URL(u).origin);
}
