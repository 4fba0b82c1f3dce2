import { baseServiceEnv } from '@makrx/service-kit';
import { z } from 'zod';

// Its own file, free of the provider's code: the service's config (config.ts) reads it, and
// modules the provider imports read the config.

const count = (fallback: number, max: number) =>
  z.coerce.number().int().min(1).max(max).default(fallback);

/** What the embedded identity provider reads (README "Configuration"). */
export const identityEnv = z.object({
  OIDC_ISSUER: baseServiceEnv.shape.OIDC_ISSUER,
  TRUSTED_PROXIES: baseServiceEnv.shape.TRUSTED_PROXIES,
  /** Run the embedded provider. Defaults to on while OIDC_ISSUER is unset (DESIGN "Two ways to run"). */
  MAKRX_EMBEDDED_IDP: z.enum(['true', 'false']).optional(),
  MAKRX_DEMO_PASSWORD: z.string().min(8).default('makrx-demo'),
  CLIENT_SECRET_AUTH_SERVICE: z.string().min(16).default('embedded-auth-service-secret'),
  CLIENT_SECRET_MAKRCAVE_BACKEND: z.string().min(16).default('embedded-makrcave-backend-secret'),
  CLIENT_SECRET_STORE_BACKEND: z.string().min(16).default('embedded-store-backend-secret'),
  LOGIN_MAX_FAILURES: count(5, 100),
  LOGIN_LOCK_SECONDS: count(60, 86_400),
  LOGIN_MAX_LOCK_SECONDS: count(900, 7 * 86_400),
  LOGIN_RATE_LIMIT_PER_MINUTE: count(30, 10_000),
  REMEMBER_ME_DAYS: count(30, 365),
  /**
   * The passkeys' relying party (decision 0033): by default the issuer's host name; set it to
   * the domain the identity provider and the gateway share when they are different hosts.
   */
  PASSKEY_RP_ID: z
    .string()
    .regex(/^(?=.{1,253}$)[a-z0-9-]+(\.[a-z0-9-]+)*$/)
    .optional(),
  /** Social login (Keycloak: identity brokering) to one upstream OpenID Connect provider. */
  UPSTREAM_OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
  UPSTREAM_OIDC_CLIENT_ID: z.string().min(1).optional(),
  UPSTREAM_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  UPSTREAM_OIDC_NAME: z.string().min(1).max(40).default('single sign-on'),
  UPSTREAM_OIDC_ALIAS: z
    .string()
    .regex(/^[a-z0-9-]{1,32}$/)
    .default('oidc'),
});
export type IdentityConfig = z.infer<typeof identityEnv>;
