import type { Database } from '@makrx/db';
import Provider, {
  type ClientMetadata,
  type Configuration,
  type KoaContextWithOIDC,
} from 'oidc-provider';
import { findAccount, signInStanding } from './accounts';
import { recordSessionActivity } from './active-sessions';
import {
  apiAudiences,
  backchannelLogoutUris,
  clientMetadata,
  type ClientSettings,
} from './clients';
import { postgresAdapter } from './oidc-adapter';
import { signOutPage, messagePage } from './pages';
import { activeSigningKeys, persistentSecret } from './signing-keys';

/** Keycloak's URL layout under the realm path (DESIGN "Identity"). */
export const keycloakRoutes = {
  authorization: '/protocol/openid-connect/auth',
  token: '/protocol/openid-connect/token',
  jwks: '/protocol/openid-connect/certs',
  userinfo: '/protocol/openid-connect/userinfo',
  end_session: '/protocol/openid-connect/logout',
  introspection: '/protocol/openid-connect/token/introspect',
  revocation: '/protocol/openid-connect/revoke',
};

export interface ProviderSettings extends ClientSettings {
  extraClients?: ClientMetadata[] | undefined;
  issuer: string;
  /** Where oidc-provider sends the browser to sign in (our login-actions pages). */
  interactionPath: string;
  rememberMeDays: number;
}

const MINUTE = 60;
const DAY = 24 * 60 * MINUTE;

export async function createOidcProvider(
  db: Database,
  settings: ProviderSettings,
): Promise<Provider> {
  const keys = await activeSigningKeys(db);
  const cookieKey = await persistentSecret(db, 'cookie-key');

  const accountClaims = async (sub: string) => {
    const account = await findAccount(db, sub);
    if (!account) return undefined;
    return {
      sub,
      email: account.email,
      email_verified: account.emailVerified,
      name: account.displayName,
      preferred_username: account.username,
      realm_access: { roles: account.roles },
    };
  };

  const ownBackchannelUris = new Set(Object.values(backchannelLogoutUris(settings.appUrls)));

  const configuration: Configuration = {
    adapter: postgresAdapter(db),
    // oidc-provider refuses loopback and private addresses (SSRF): right for URLs a client
    // hands it, wrong for the store's back-channel logout URI set here, on localhost when embedded.
    fetch: (url, options) => {
      if (!ownBackchannelUris.has(String(url))) return globalThis.fetch(url, options);
      const { dispatcher: _ssrfGuard, ...plain } = options as RequestInit & {
        dispatcher?: unknown;
      };
      return globalThis.fetch(url, plain);
    },
    clients: [...clientMetadata(settings), ...(settings.extraClients ?? [])],
    jwks: { keys: keys as never },
    cookies: { keys: [cookieKey], long: { signed: true }, short: { signed: true } },
    routes: keycloakRoutes,
    scopes: ['openid', 'offline_access', 'profile', 'email', 'roles'],
    // A makerspace invite's token, passed by the cave app so sign-up can trust the address;
    // `screen_hint=signup` opens the sign-up form first (with `login_hint` as its email).
    extraParams: ['invite', 'screen_hint'],
    claims: {
      // sid ties an ID token to the browser session it was issued in (see logoutSource).
      openid: ['sub', 'sid'],
      email: ['email', 'email_verified'],
      profile: ['name', 'preferred_username'],
      roles: ['realm_access'],
    },
    conformIdTokenClaims: false,
    pkce: { required: (_ctx, client) => client.clientAuthMethod === 'none' },
    // Keycloak's "web origins": a browser app may call the token endpoint from its own origin.
    clientBasedCORS: (_ctx, origin, client) =>
      (client.redirectUris ?? []).some((uri) => new URL(uri).origin === origin),
    // Asked on every use of a session, code or refresh token: an account an admin locked, or
    // whose email is not yet verified, is no account at all to the provider.
    findAccount: async (_ctx, sub, token) => {
      if ((await signInStanding(db, sub)) !== 'ok') return undefined;
      const claims = await accountClaims(sub);
      if (!claims) return undefined;
      const sessionUid = (token as { sessionUid?: string } | undefined)?.sessionUid;
      return {
        accountId: sub,
        claims: async () => (sessionUid ? { ...claims, sid: sessionUid } : claims),
      };
    },
    interactions: {
      url: (_ctx, interaction) => `${settings.interactionPath}/${interaction.uid}`,
    },
    // First-party apps: no consent screen; every grant covers what the app asked for.
    loadExistingGrant: async (ctx) => {
      const grantId =
        ctx.oidc.result?.consent?.grantId ??
        ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      const grant = grantId
        ? await ctx.oidc.provider.Grant.find(grantId)
        : new ctx.oidc.provider.Grant({
            clientId: ctx.oidc.client!.clientId,
            accountId: ctx.oidc.session!.accountId,
          });
      if (!grant) return undefined;
      grant.addOIDCScope('openid profile email roles offline_access');
      grant.addResourceScope(apiResource(settings.issuer), 'openid profile email roles');
      await grant.save();
      return grant;
    },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      introspection: { enabled: true },
      revocation: { enabled: true },
      // The store is told at once when a session it holds ends here (clients.ts).
      backchannelLogout: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        // Signs out without asking only for a hint issued in this browser's own session:
        // anyone can get a page to load our logout URL with some other ID token.
        logoutSource: async (ctx: KoaContextWithOIDC, form: string) => {
          ctx.body = signOutPage(form, hintIsFromThisSession(ctx));
        },
        postLogoutSuccessSource: async (ctx: KoaContextWithOIDC) => {
          ctx.body = messagePage('Signed out', 'You are signed out of MakrX.');
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => apiResource(settings.issuer),
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({
          scope: 'openid profile email roles',
          audience: apiAudiences[0]!,
          accessTokenFormat: 'jwt',
          accessTokenTTL: 5 * MINUTE,
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
    formats: {
      customizers: {
        // Keycloak's claim shapes, so the services accept a real Keycloak's tokens unchanged.
        jwt: async (_ctx, token, parts) => {
          const payload = parts.payload as Record<string, unknown>;
          payload.aud = apiAudiences;
          payload.azp = token.clientId;
          const accountId = (token as { accountId?: string }).accountId;
          if (accountId) {
            Object.assign(payload, await accountClaims(accountId));
            const sessionUid = (token as { sessionUid?: string }).sessionUid;
            if (sessionUid) payload.sid = sessionUid;
          } else {
            payload.preferred_username = `service-account-${token.clientId}`;
            payload.realm_access = { roles: [] };
          }
        },
      },
    },
    ttl: {
      AccessToken: 5 * MINUTE,
      ClientCredentials: 5 * MINUTE,
      IdToken: 5 * MINUTE,
      AuthorizationCode: MINUTE,
      Interaction: 30 * MINUTE,
      Session: settings.rememberMeDays * DAY,
      Grant: settings.rememberMeDays * DAY,
      RefreshToken: settings.rememberMeDays * DAY,
    },
    // The apps keep users signed in by refreshing; offline_access (which forces consent) is not needed.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    // Public clients rotate on every use (oidc-provider's default does the same for them).
    rotateRefreshToken: true,
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = messagePage('Something went wrong', out.error_description ?? out.error);
    },
  };

  const provider = new Provider(settings.issuer, configuration);
  provider.proxy = true;
  recordSessionActivity(provider, db);
  return provider;
}

function hintIsFromThisSession(ctx: KoaContextWithOIDC): boolean {
  const hint = (ctx.oidc.entities as { IdTokenHint?: { payload?: Record<string, unknown> } })
    .IdTokenHint?.payload;
  const session = ctx.oidc.session;
  if (!hint || !session?.accountId) return false;
  // An app told of logouts by back-channel holds its own sid for the session (session.sidFor).
  const sids = [
    session.uid,
    ...Object.values(session.authorizations ?? {}).map((authorization) => authorization.sid),
  ];
  return hint.sub === session.accountId && sids.includes(hint.sid as string);
}

/** The resource every app token is for; its `aud` is rewritten to the backend client ids. */
export const apiResource = (issuer: string) => `${issuer.replace(/\/realms\/.*$/, '')}/api`;
