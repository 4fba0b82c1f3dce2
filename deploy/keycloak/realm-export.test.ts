import { readFileSync } from 'node:fs';
import { adminDomains, backendClients as verifiedAudiences, realmRoles } from '@makrx/auth';
import { baseServiceEnv } from '@makrx/service-kit';
import { describe, expect, it } from 'vitest';
import { identityEnv, type IdentityConfig } from '../../services/auth/src/identity';
import {
  apiAudiences,
  backendClients,
  clientMetadata,
  frontendClients,
} from '../../services/auth/src/modules/identity/clients';

/**
 * Keeps the Keycloak realm export in step with the embedded identity provider: a real Keycloak
 * imported from makrx-realm.json must issue tokens the services accept unchanged (DESIGN
 * "Identity"). Read deploy/keycloak/README.md for what deliberately differs.
 */

interface ProtocolMapper {
  name: string;
  protocol: string;
  protocolMapper: string;
  config: Record<string, string>;
}

interface RealmClient {
  clientId: string;
  enabled: boolean;
  protocol: string;
  publicClient: boolean;
  bearerOnly: boolean;
  clientAuthenticatorType?: string;
  secret?: string;
  standardFlowEnabled: boolean;
  implicitFlowEnabled: boolean;
  directAccessGrantsEnabled: boolean;
  serviceAccountsEnabled: boolean;
  frontchannelLogout?: boolean;
  fullScopeAllowed: boolean;
  redirectUris: string[];
  webOrigins: string[];
  attributes: Record<string, string>;
  protocolMappers?: ProtocolMapper[];
  defaultClientScopes: string[];
}

interface RealmRole {
  name: string;
  description?: string;
  composite: boolean;
  composites?: { realm?: string[]; client?: Record<string, string[]> };
}

interface RealmExport {
  realm: string;
  enabled: boolean;
  registrationAllowed: boolean;
  verifyEmail: boolean;
  resetPasswordAllowed: boolean;
  rememberMe: boolean;
  loginWithEmailAllowed: boolean;
  bruteForceProtected: boolean;
  permanentLockout: boolean;
  failureFactor: number;
  waitIncrementSeconds: number;
  maxFailureWaitSeconds: number;
  ssoSessionMaxLifespanRememberMe: number;
  roles: { realm: RealmRole[] };
  defaultRole: { name: string };
  clients: RealmClient[];
  users?: unknown[];
  duplicateEmailsAllowed: boolean;
  identityProviders?: { alias: string; trustEmail?: boolean }[];
}

const realm = JSON.parse(
  readFileSync(new URL('./makrx-realm.json', import.meta.url), 'utf8'),
) as RealmExport;

const defaults: IdentityConfig = identityEnv.parse({});
const appDefaults = baseServiceEnv.parse({});
const appUrls = {
  gateway: appDefaults.GATEWAY_URL,
  cave: appDefaults.CAVE_URL,
  store: appDefaults.STORE_URL,
};

/** Which variable holds each backend's secret, as services/auth/src/identity.ts reads them. */
const secretVariables = {
  auth: 'CLIENT_SECRET_AUTH_SERVICE',
  cave: 'CLIENT_SECRET_MAKRCAVE_BACKEND',
  store: 'CLIENT_SECRET_STORE_BACKEND',
} as const satisfies Record<keyof typeof backendClients, keyof IdentityConfig>;

/** Keycloak resolves `${VAR}` from its environment when it imports at start (--import-realm). */
const placeholder = (variable: string) => `\${${variable}}`;

const ours = clientMetadata({
  appUrls,
  secrets: {
    auth: placeholder(secretVariables.auth),
    cave: placeholder(secretVariables.cave),
    store: placeholder(secretVariables.store),
  },
});

const clientNamed = (clientId: string): RealmClient => {
  const client = realm.clients.find((one) => one.clientId === clientId);
  if (!client) throw new Error(`makrx-realm.json has no client ${clientId}`);
  return client;
};

/** What `aud` of an access token issued to the client holds, by its audience mappers. */
const audiencesOf = (client: RealmClient): string[] =>
  (client.protocolMappers ?? [])
    .filter(
      (mapper) =>
        mapper.protocolMapper === 'oidc-audience-mapper' &&
        mapper.protocol === 'openid-connect' &&
        mapper.config['access.token.claim'] === 'true',
    )
    .map((mapper) => mapper.config['included.client.audience'] ?? '')
    .sort();

const sorted = (values: readonly string[]) => [...values].sort();

/** The realm roles MakrX knows; Keycloak's own (default-roles-makrx, uma_authorization) aside. */
const knownRoles = [
  realmRoles.superAdmin,
  realmRoles.admin,
  ...adminDomains.map((domain) => realmRoles.adminOf(domain)),
  realmRoles.storeCustomer,
];
const keycloakRoles = [realm.defaultRole.name, 'offline_access', 'uma_authorization'];

describe('the Keycloak realm export (deploy/keycloak/makrx-realm.json)', () => {
  it('is the realm our issuer names', () => {
    expect(realm.enabled).toBe(true);
    expect(new URL(defaults.OIDC_ISSUER).pathname).toBe(`/realms/${realm.realm}`);
  });

  it('has exactly the six clients of the spec', () => {
    expect(sorted(realm.clients.map((client) => client.clientId))).toEqual(
      sorted(ours.map((client) => client.client_id)),
    );
    expect(sorted(ours.map((client) => client.client_id))).toEqual(
      sorted([...Object.values(frontendClients), ...Object.values(backendClients)]),
    );
  });

  describe.each(ours.map((client) => [client.client_id, client] as const))(
    '%s',
    (id, ourClient) => {
      const client = clientNamed(id);
      const isPublic = ourClient.token_endpoint_auth_method === 'none';

      it('is an enabled OIDC client of the same kind as ours', () => {
        expect(client.enabled).toBe(true);
        expect(client.protocol).toBe('openid-connect');
        expect(client.bearerOnly).toBe(false);
        expect(client.publicClient).toBe(isPublic);
        expect(client.implicitFlowEnabled).toBe(false);
        expect(client.directAccessGrantsEnabled).toBe(false);
      });

      it('carries username, email, name and realm roles in its tokens', () => {
        // profile: preferred_username, name; email: email; roles: realm_access.roles;
        // basic (Keycloak 25+): sub. azp, sid and typ Keycloak sets itself.
        expect(client.defaultClientScopes).toEqual(
          expect.arrayContaining(['basic', 'profile', 'email', 'roles']),
        );
        expect(client.fullScopeAllowed).toBe(true);
      });

      if (isPublic) {
        it('signs in with the authorization code flow and PKCE S256 only', () => {
          expect(ourClient.grant_types).toContain('authorization_code');
          expect(client.standardFlowEnabled).toBe(true);
          expect(client.serviceAccountsEnabled).toBe(false);
          expect(client.attributes['pkce.code.challenge.method']).toBe('S256');
        });

        it('redirects where our client does, at the default app URLs', () => {
          expect(sorted(client.redirectUris)).toEqual(sorted(ourClient.redirect_uris ?? []));
          const postLogout = client.attributes['post.logout.redirect.uris']?.split('##') ?? [];
          expect(sorted(postLogout)).toEqual(sorted(ourClient.post_logout_redirect_uris ?? []));
          const origins = (ourClient.redirect_uris ?? []).map((uri) => new URL(uri).origin);
          expect(sorted(client.webOrigins)).toEqual(sorted([...new Set(origins)]));
        });

        it('is told of ended sessions by back-channel logout where our client is', () => {
          const uri = client.attributes['backchannel.logout.url'];
          expect(uri).toBe(ourClient.backchannel_logout_uri);
          if (uri) {
            expect(client.attributes['backchannel.logout.session.required']).toBe('true');
            expect(client.frontchannelLogout).toBe(false);
          }
        });

        it('puts all three backends into aud, so each backend accepts the token', () => {
          expect(audiencesOf(client)).toEqual(sorted(apiAudiences));
          expect(audiencesOf(client)).toEqual(sorted(verifiedAudiences));
        });
      } else {
        it('gets client-credentials tokens through a service account, never a browser', () => {
          expect(ourClient.grant_types).toEqual(['client_credentials']);
          expect(client.serviceAccountsEnabled).toBe(true);
          expect(client.standardFlowEnabled).toBe(false);
          expect(client.redirectUris).toEqual([]);
          expect(client.webOrigins).toEqual([]);
        });

        it('has a secret placeholder named after our variable, never a real secret', () => {
          expect(client.clientAuthenticatorType).toBe('client-secret');
          expect(client.secret).toBe(ourClient.client_secret);
          expect(client.secret).toMatch(/^\$\{CLIENT_SECRET_[A-Z_]+\}$/);
        });

        it('addresses its service tokens to the other two backends', () => {
          const others = Object.values(backendClients).filter((backend) => backend !== id);
          expect(audiencesOf(client)).toEqual(expect.arrayContaining(others));
        });
      }
    },
  );

  it('defines every realm role the code knows, each described, and no others', () => {
    const byName = new Map(realm.roles.realm.map((role) => [role.name, role]));
    for (const name of knownRoles) {
      expect(byName.get(name)?.description, name).toBeTruthy();
      expect(byName.get(name)?.composite, name).toBe(false);
    }
    const extra = [...byName.keys()].filter(
      (name) => !knownRoles.includes(name) && !keycloakRoles.includes(name),
    );
    expect(extra).toEqual([]);
  });

  it('gives every new user store_customer through the default role', () => {
    const defaultRole = realm.roles.realm.find((role) => role.name === realm.defaultRole.name);
    expect(defaultRole?.composite).toBe(true);
    expect(defaultRole?.composites?.realm).toContain(realmRoles.storeCustomer);
  });

  it('locks accounts after the same failures as ours, for the same first and longest waits', () => {
    expect(realm.bruteForceProtected).toBe(true);
    expect(realm.permanentLockout).toBe(false);
    expect(realm.failureFactor).toBe(defaults.LOGIN_MAX_FAILURES);
    expect(realm.waitIncrementSeconds).toBe(defaults.LOGIN_LOCK_SECONDS);
    expect(realm.maxFailureWaitSeconds).toBe(defaults.LOGIN_MAX_LOCK_SECONDS);
  });

  it('lets people sign up, verify their email, reset passwords and stay signed in', () => {
    expect(realm.registrationAllowed).toBe(true);
    expect(realm.verifyEmail).toBe(true);
    expect(realm.resetPasswordAllowed).toBe(true);
    expect(realm.loginWithEmailAllowed).toBe(true);
    expect(realm.rememberMe).toBe(true);
    expect(realm.ssoSessionMaxLifespanRememberMe).toBe(defaults.REMEMBER_ME_DAYS * 24 * 60 * 60);
  });

  it('links upstream accounts only by an email verified on both sides, as ours does', () => {
    expect(realm.duplicateEmailsAllowed).toBe(false);
    for (const provider of realm.identityProviders ?? []) {
      expect(provider.trustEmail ?? false, provider.alias).toBe(false);
    }
  });

  it('ships no users (demo users stay in the embedded provider)', () => {
    expect(realm.users ?? []).toEqual([]);
  });
});
