import { connection } from 'next/server';
import { developmentDefaultsInProduction } from '@makrx/contracts/production-defaults';
import type { PortalUrls } from '@makrx/ui';

export interface StoreConfig {
  /** Base URL of the store service, for server-side fetches and for product image URLs. */
  storeApiUrl: string;
  /** Base URL of the auth service: the visitor's feature flags and notifications. */
  authApiUrl: string;
  /** Base URL of the MakrCave service, for the calls the store makes to it. */
  caveApiUrl: string;
  portalUrls: PortalUrls;
  /** The OpenID Connect issuer the store signs in with (the embedded provider or Keycloak). */
  oidcIssuer: string;
  /** Keys the session cookies; anyone who knows it can forge a session. */
  sessionSecret: string;
  /**
   * Set when payments go to Stripe. Unset, the store service charges through its offline test
   * gateway, which takes only Stripe's test cards, so the payment page lists them.
   */
  stripePublishableKey: string | undefined;
  /**
   * Payments go to the offline test gateway: every page says "test mode". In production only
   * with MAKRX_PAYMENTS=offline set on purpose.
   */
  testMode: boolean;
  /**
   * The largest 3D model the print page lets a customer send (MODEL_UPLOAD_MAX_BYTES, as the
   * store service is set; 250 MB when unset). The service enforces its own limit regardless.
   */
  modelUploadMaxBytes: number;
}

const defaults = {
  STORE_API_URL: 'http://localhost:8003',
  AUTH_API_URL: 'http://localhost:8001',
  CAVE_API_URL: 'http://localhost:8002',
  GATEWAY_URL: 'http://localhost:3000',
  CAVE_URL: 'http://localhost:3001',
  STORE_URL: 'http://localhost:3003',
  OIDC_ISSUER: 'http://localhost:8080/realms/makrx',
} as const;

/** Only for `next dev` and tests; production refuses it (README "Production mode"). */
const developmentSessionSecret = 'embedded-store-app-session-development-secret';
const MIN_SECRET_LENGTH = 32;

type UrlKey = keyof typeof defaults;

function readUrl(key: UrlKey): string {
  const value = process.env[key]?.trim() || defaults[key];
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${key} must be an absolute URL such as ${defaults[key]}, got "${value}"`);
  }
  return url.href.replace(/\/+$/, '');
}

const DEFAULT_MODEL_UPLOAD_MAX_BYTES = 250 * 1024 * 1024;

function readModelUploadMaxBytes(): number {
  const value = process.env.MODEL_UPLOAD_MAX_BYTES?.trim();
  if (!value) return DEFAULT_MODEL_UPLOAD_MAX_BYTES;
  const bytes = Number(value);
  if (!Number.isInteger(bytes) || bytes <= 0) {
    throw new Error(`MODEL_UPLOAD_MAX_BYTES must be a whole number of bytes, got "${value}"`);
  }
  return bytes;
}

function readSessionSecret(): string {
  const secret = process.env.STORE_SESSION_SECRET?.trim();
  if (secret && secret.length >= MIN_SECRET_LENGTH) return secret;
  if (secret) {
    throw new Error(`STORE_SESSION_SECRET must be at least ${MIN_SECRET_LENGTH} characters long`);
  }
  return developmentSessionSecret;
}

/**
 * The store app's part of the production check every MakrX process makes (contracts'
 * production-defaults): all of it in one message, before the first page is served.
 */
function refuseDevelopmentDefaults(config: StoreConfig): void {
  const settings = {
    NODE_ENV: process.env.NODE_ENV,
    MAKRX_PAYMENTS: process.env.MAKRX_PAYMENTS,
    STORE_SESSION_SECRET: process.env.STORE_SESSION_SECRET?.trim() || undefined,
    STRIPE_PUBLISHABLE_KEY: config.stripePublishableKey,
  };
  // An unset secret is named as such; the development one it falls back to is not named twice.
  const problems = developmentDefaultsInProduction(settings, Object.keys(settings));
  if (problems.length > 0) {
    throw new Error(
      `Refusing to run in production on:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  }
}

let parsed: StoreConfig | undefined;

/**
 * The store's configuration, read once from the environment of the running server. For the
 * proxy and route handlers, which run per request and are never prerendered.
 */
export function readStoreConfig(): StoreConfig {
  if (parsed) return parsed;
  const stripePublishableKey = process.env.STRIPE_PUBLISHABLE_KEY?.trim() || undefined;
  const config: StoreConfig = {
    storeApiUrl: readUrl('STORE_API_URL'),
    authApiUrl: readUrl('AUTH_API_URL'),
    caveApiUrl: readUrl('CAVE_API_URL'),
    portalUrls: {
      gateway: readUrl('GATEWAY_URL'),
      cave: readUrl('CAVE_URL'),
      store: readUrl('STORE_URL'),
    },
    oidcIssuer: readUrl('OIDC_ISSUER'),
    sessionSecret: readSessionSecret(),
    stripePublishableKey,
    testMode: !stripePublishableKey,
    modelUploadMaxBytes: readModelUploadMaxBytes(),
  };
  refuseDevelopmentDefaults(config);
  parsed = config;
  return config;
}

/**
 * The store's configuration, for pages. Awaiting `connection()` first keeps every caller out of
 * build-time prerendering, so one build can be deployed anywhere and pointed at its services by
 * environment alone.
 */
export async function storeConfig(): Promise<StoreConfig> {
  await connection();
  return readStoreConfig();
}
