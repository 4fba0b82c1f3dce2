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

export function clientMetadata({ appUrls, secrets }: ClientSettings): ClientMetadata[] {
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
