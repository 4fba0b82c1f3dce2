import type { ClientMetadata } from 'oidc-provider';

/** The six clients of spec section 7 ("Keycloak → Clients"). */
export const frontendClients = {
  gateway: 'makrx-org-frontend',
  cave: 'makrcave-frontend',
  store: 'makrx-store-frontend',
} as const;

export const backendClients = {
  auth: 'auth-service',
  cave: 'makrcave-backend',
  store: 'store-backend',
} as const;

/** Every user access token is meant for the three backends (Keycloak: audience mappers). */
export const apiAudiences = Object.values(backendClients);

export interface ClientSettings {
  appUrls: { gateway: string; cave: string; store: string };
  secrets: { auth: string; cave: string; store: string };
}

/**
 * Apps told at once when a session ends (OpenID Connect Back-Channel Logout): the store, whose
 * server keeps its session in a cookie and would otherwise notice only at its next refresh.
 * The SPAs keep their tokens in the browser and notice at their next refresh.
 */
export function backchannelLogoutUris(appUrls: ClientSettings['appUrls']): Record<string, string> {
  return { [frontendClients.store]: `${appUrls.store.replace(/\/$/, '')}/auth/backchannel-logout` };
}

export function clientMetadata({ appUrls, secrets }: ClientSettings): ClientMetadata[] {
  const backchannel = backchannelLogoutUris(appUrls);
  const frontends = (Object.keys(frontendClients) as Array<keyof typeof frontendClients>).map(
    (app): ClientMetadata => {
      const origin = appUrls[app].replace(/\/$/, '');
      return {
        client_id: frontendClients[app],
        token_endpoint_auth_method: 'none',
        application_type: 'web',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: [`${origin}/auth/callback`],
        post_logout_redirect_uris: [`${origin}/`, `${origin}/auth/signed-out`],
        ...(backchannel[frontendClients[app]]
          ? {
              backchannel_logout_uri: backchannel[frontendClients[app]],
              backchannel_logout_session_required: true,
            }
          : {}),
      };
    },
  );
  const backends = (Object.keys(backendClients) as Array<keyof typeof backendClients>).map(
    (service): ClientMetadata => ({
      client_id: backendClients[service],
      client_secret: secrets[service],
      token_endpoint_auth_method: 'client_secret_basic',
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
    }),
  );
  return [...frontends, ...backends];
}
