import formbody from '@fastify/formbody';
import middie from '@fastify/middie';
import proxyAddr from '@fastify/proxy-addr';
import rateLimit from '@fastify/rate-limit';
import type { DatabaseHandle } from '@makrx/db';
import { registerPageSecurityHeaders } from '@makrx/service-kit';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { PendingInvite } from '@makrx/contracts';
import type { Mailer } from '@makrx/mailer';
import type { ClientMetadata } from 'oidc-provider';
import type { BruteForcePolicy } from './accounts';
import { createBroker, type UpstreamProvider } from './upstream-provider';
import { registerAccountActions } from './account-actions';
import { registerFavicon } from './favicon';
import { registerLoginActions } from './login-actions';
import type { PasskeyLoginOptions } from './passkey-login-actions';
import { identityPagePolicy } from './page-policy';
import { messagePage } from './pages';
import { createOidcProvider, type ProviderSettings } from './provider';

export interface IdentityServerOptions extends Omit<ProviderSettings, 'interactionPath'> {
  database: DatabaseHandle;
  bruteForce: BruteForcePolicy;
  /** Sign-in attempts one address may make per minute. */
  signInRateLimit: number;
  /** Proxies whose X-Forwarded-* headers are believed (TRUSTED_PROXIES); none by default. */
  trustedProxies: string[];
  logger?: FastifyServerOptions['logger'];
  /** Called when a user signs in for the first time (auto-provisioning, spec section 6). */
  onFirstSignIn: (userId: string) => Promise<void>;
  mailer: Mailer;
  /** An upstream OpenID Connect provider to offer on the sign-in page (social login). */
  upstream?: UpstreamProvider | undefined;
  /** Clients beyond the six of the spec (another provider brokering to this one, say). */
  extraClients?: ClientMetadata[];
  /** The pending makerspace invite a token names, asked of the cave (sign-up from an invite). */
  pendingInvite?: (token: string) => Promise<PendingInvite | undefined>;
  /** Passkeys on the sign-in and sign-up pages, while their flag is on (decision 0033). */
  passkeys?: PasskeyLoginOptions;
}

/**
 * The embedded identity provider: oidc-provider behind Keycloak's URL layout, with our own
 * sign-in and sign-up pages at /realms/<realm>/login-actions. Production points OIDC_ISSUER at
 * a real Keycloak instead and never starts this.
 */
export async function createIdentityServer(
  options: IdentityServerOptions,
): Promise<FastifyInstance> {
  const realmPath = new URL(options.issuer).pathname.replace(/\/$/, '');
  const loginActionsPath = `${realmPath}/login-actions`;
  const provider = await createOidcProvider(options.database.db, {
    ...options,
    interactionPath: loginActionsPath,
  });

  const { trustedProxies } = options;
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: trustedProxies.length > 0 ? trustedProxies : false,
  });
  registerPageSecurityHeaders(
    app,
    identityPagePolicy({ appUrls: options.appUrls, upstreamIssuer: options.upstream?.issuer }),
  );
  await app.register(formbody);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      Object.assign(
        new Error(`Too many attempts from your address. Try again in ${context.after}.`),
        {
          statusCode: 429,
        },
      ),
  });
  // These are pages a person reads: failures are pages too, never JSON.
  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 500) request.log.error({ err: error }, 'identity request failed');
    const text =
      status === 429
        ? error.message
        : status >= 500
          ? 'Please try again in a moment.'
          : 'That request was not valid.';
    return reply
      .status(status)
      .type('text/html; charset=utf-8')
      .send(messagePage(status === 429 ? 'Slow down' : 'Something went wrong', text));
  });
  await app.register(middie);
  const oidc = provider.callback();
  const fromTrustedProxy = proxyAddr.compile(trustedProxies);
  app.use(realmPath, (req, res, next) => {
    if (req.url?.startsWith('/login-actions')) return next();
    // oidc-provider believes forwarded headers (provider.proxy); only a trusted proxy's count.
    if (!fromTrustedProxy(req.socket.remoteAddress ?? '', 0)) dropForwardedHeaders(req.headers);
    return oidc(req, res);
  });
  app.get('/health', async () => ({ status: 'ok', service: 'identity' }));
  registerFavicon(app);
  const accountEmails = {
    mailer: options.mailer,
    loginActionsUrl: new URL(loginActionsPath, options.issuer).toString(),
  };
  await app.register(registerAccountActions, {
    prefix: loginActionsPath,
    db: options.database.db,
    gatewayUrl: options.appUrls.gateway,
    rateLimit: options.signInRateLimit,
    ...accountEmails,
  });
  const loginActionsUrl = accountEmails.loginActionsUrl;
  const broker =
    options.upstream &&
    createBroker(
      options.database.db,
      options.upstream,
      `${loginActionsUrl}/broker/${options.upstream.alias}/endpoint`,
    );
  await app.register(registerLoginActions, {
    accountEmails,
    broker,
    prefix: loginActionsPath,
    provider,
    db: options.database.db,
    bruteForce: options.bruteForce,
    signInRateLimit: options.signInRateLimit,
    onFirstSignIn: options.onFirstSignIn,
    pendingInvite: options.pendingInvite,
    passkeys: options.passkeys,
  });
  return app;
}

function dropForwardedHeaders(headers: Record<string, unknown>) {
  for (const name of Object.keys(headers)) {
    if (name.startsWith('x-forwarded-') || name === 'forwarded') delete headers[name];
  }
}
