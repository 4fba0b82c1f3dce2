import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  exportJWK,
  generateKeyPair,
  SignJWT,
  type CryptoKey,
  type JSONWebKeySet,
  type JWTPayload,
} from 'jose';
import { backendClients, type BackendClient } from './caller';

export interface SignOptions {
  /** Defaults to every backend, so one token opens all three services in a test. */
  audience?: string | string[];
  /** Defaults to the test issuer itself. */
  issuer?: string;
  /** Seconds from now; negative for a token that has already expired. Defaults to 300. */
  expiresIn?: number;
  /** Sign with a key the issuer never published, under its current key id: a forgery. */
  forged?: boolean;
}

export interface TestUser {
  id?: string;
  username: string;
  email?: string;
  /** As the identity provider marks it; verified unless said otherwise. */
  emailVerified?: boolean;
  name?: string;
  realmRoles?: string[];
}

/**
 * A stand-in for the IdP in tests: a real JWKS served over loopback HTTP at Keycloak's path,
 * and access tokens shaped like Keycloak's, signed with the published key.
 */
export interface TestIssuer {
  /** `http://127.0.0.1:<port>/realms/makrx`. */
  issuer: string;
  /** How often the key set has been fetched: shows when a verifier went back for keys. */
  readonly keySetFetches: number;
  userToken(user: TestUser, options?: SignOptions): Promise<string>;
  serviceToken(clientId: BackendClient, options?: SignOptions): Promise<string>;
  /** Any payload, for tokens the helpers above would never make. */
  sign(payload: JWTPayload, options?: SignOptions): Promise<string>;
  /** Publishes a new key beside the old ones and signs with it from now on. */
  rotateKey(): Promise<void>;
  close(): Promise<void>;
}

interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
}

const ALG = 'RS256';

export async function startTestIssuer(): Promise<TestIssuer> {
  const published: JSONWebKeySet = { keys: [] };
  let current = await publishNewKey(published);
  let keySetFetches = 0;

  const server = createServer((request, response) => {
    if (request.url !== '/realms/makrx/protocol/openid-connect/certs') {
      response.writeHead(404).end();
      return;
    }
    keySetFetches += 1;
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(published));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}/realms/makrx`;

  const sign = async (payload: JWTPayload, options: SignOptions = {}) => {
    const key = options.forged ? (await generateKeyPair(ALG)).privateKey : current.privateKey;
    return new SignJWT({ typ: 'Bearer', ...payload })
      .setProtectedHeader({ alg: ALG, kid: current.kid, typ: 'JWT' })
      .setIssuer(options.issuer ?? issuer)
      .setAudience(options.audience ?? [...backendClients])
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + (options.expiresIn ?? 300))
      .setJti(randomUUID())
      .sign(key);
  };

  return {
    issuer,
    get keySetFetches() {
      return keySetFetches;
    },
    sign,
    userToken: (user, options) =>
      sign(
        {
          sub: user.id ?? randomUUID(),
          preferred_username: user.username,
          email: user.email ?? `${user.username}@demo.makrx.org`,
          email_verified: user.emailVerified ?? true,
          name: user.name ?? user.username,
          realm_access: { roles: user.realmRoles ?? ['store_customer'] },
          sid: randomUUID(),
          azp: 'makrcave-frontend',
        },
        options,
      ),
    serviceToken: (clientId, options) =>
      sign(
        { sub: randomUUID(), preferred_username: `service-account-${clientId}`, azp: clientId },
        options,
      ),
    rotateKey: async () => {
      current = await publishNewKey(published);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function publishNewKey(published: JSONWebKeySet): Promise<SigningKey> {
  const { publicKey, privateKey } = await generateKeyPair(ALG);
  const kid = randomUUID();
  published.keys.push({ ...(await exportJWK(publicKey)), kid, alg: ALG, use: 'sig' });
  return { kid, privateKey };
}
