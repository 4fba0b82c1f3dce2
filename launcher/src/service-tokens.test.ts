import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serviceAccessToken, signInForAccessToken } from '@makrx/auth-service/testing';
import { makerspaceMembershipList, profileSyncResult } from '@makrx/contracts';
import { createPeers, peerSettingsOf, type PeerName } from '@makrx/service-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLauncherConfig } from './config';
import { startMakrx, type RunningMakrx } from './start-makrx';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'makrx-tokens-'));
const issuer = 'http://localhost:28580/realms/makrx';
const env = {
  MAKRX_DATA_DIR: dataDir,
  AUTH_API_URL: 'http://localhost:28501',
  CAVE_API_URL: 'http://localhost:28502',
  STORE_API_URL: 'http://localhost:28503',
  OIDC_ISSUER: issuer,
  MAKRX_EMBEDDED_IDP: 'true',
  LOG_LEVEL: 'silent',
};
const config = loadLauncherConfig(env);
const cave = 'http://localhost:28502/api/v1';
const org = 'http://localhost:28501/api/v1';

let makrx: RunningMakrx;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  makrx = await startMakrx(root, env, () => {}, { withApps: false });
  tokens.auth = await serviceAccessToken(issuer, 'auth-service', config.CLIENT_SECRET_AUTH_SERVICE);
  tokens.cave = await serviceAccessToken(
    issuer,
    'makrcave-backend',
    config.CLIENT_SECRET_MAKRCAVE_BACKEND,
  );
  tokens.store = await serviceAccessToken(
    issuer,
    'store-backend',
    config.CLIENT_SECRET_STORE_BACKEND,
  );
  tokens.member = await signInForAccessToken({
    issuer,
    clientId: 'makrcave-frontend',
    redirectUri: 'http://localhost:3001/auth/callback',
    login: 'member@demo.makrx.org',
    password: config.MAKRX_DEMO_PASSWORD,
  });
});
afterAll(async () => {
  await makrx.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const get = (url: string, token?: string) =>
  fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
const memberId = () =>
  JSON.parse(Buffer.from(tokens.member!.split('.')[1]!, 'base64url').toString()).sub as string;

describe('tokens between the services of npm start', () => {
  it('lets a signed-in member see their own makerspaces with their role', async () => {
    const response = await get(`${cave}/me/makerspaces`, tokens.member);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      items: [{ makerspace: { slug: 'makrx-hub-bengaluru' }, roles: ['member'] }],
    });
  });

  it('answers the auth service’s client-credentials token on MakrX.org → MakrCave endpoints', async () => {
    const response = await get(`${cave}/user/makerspaces?userId=${memberId()}`, tokens.auth);
    expect(response.status).toBe(200);
    expect((await response.json()).items[0].roles).toEqual(['member']);
  });

  it('refuses a service the spec does not list for the endpoint with 403, a user with 403, no token with 401', async () => {
    const url = `${cave}/user/makerspaces?userId=${memberId()}`;
    // MakrX.org and the store (whose guard asks for makerspace roles) may; the cave has its own.
    expect((await get(url, tokens.store)).status).toBe(200);
    expect((await get(url, tokens.cave)).status).toBe(403);
    expect((await get(url, tokens.member)).status).toBe(403);
    expect((await get(url)).status).toBe(401);
  });

  it('takes profile highlights only from MakrCave’s service account', async () => {
    const sync = (token: string) =>
      fetch(`${org}/profiles/sync`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          user_id: memberId(),
          achievements: [
            { key: 'first-print', title: 'First print', earnedAt: '2026-11-01T10:00:00.000Z' },
          ],
          featured_projects: [],
        }),
      });
    expect((await sync(tokens.store!)).status).toBe(403);
    expect((await sync(tokens.cave!)).status).toBe(200);
    // Profiles are private until their owner shows them; the member chooses to.
    const shown = await fetch(`${org}/me/profile/visibility`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${tokens.member}`, 'content-type': 'application/json' },
      body: JSON.stringify({ public: true }),
    });
    expect(shown.status).toBe(200);
    const profile = await (await get(`${org}/profiles/member`)).json();
    expect(profile.achievements).toEqual([
      { key: 'first-print', title: 'First print', earnedAt: '2026-11-01T10:00:00.000Z' },
    ]);
  });

  it('refuses a token whose signature was tampered with', async () => {
    const [header, payload] = tokens.member!.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, realm_access: { roles: ['super_admin'] } })).toString('base64url')}.${tokens.member!.split('.')[2]}`;
    const response = await get(`${cave}/me/makerspaces`, forged);
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe('INVALID_TOKEN');
  });
});

describe('calls between the services (app.peers)', () => {
  const peerSettingsAs = (name: PeerName, secret: string) =>
    peerSettingsOf(name, { ...makrx.config, SERVICE_CLIENT_SECRET: secret })!;

  it('signs in as the calling service and reaches the other service’s integration endpoint', async () => {
    const peers = createPeers(peerSettingsAs('auth', config.CLIENT_SECRET_AUTH_SERVICE));
    const body = await peers.json(
      'cave',
      `/api/v1/user/makerspaces?userId=${memberId()}`,
      makerspaceMembershipList,
    );
    expect(body.items.map((item) => item.makerspace.slug)).toContain('makrx-hub-bengaluru');
  });

  it('is refused by an endpoint meant for another service, and names the failure', async () => {
    const peers = createPeers(peerSettingsAs('store', config.CLIENT_SECRET_STORE_BACKEND));
    // Only the cave may sync makers' achievements to MakrX.org (spec 7, Cave → Org).
    await expect(
      peers.json('auth', '/api/v1/profiles/sync', profileSyncResult, {
        method: 'POST',
        body: JSON.stringify({ user_id: memberId(), achievements: [], featured_projects: [] }),
      }),
    ).rejects.toMatchObject({ status: 502, code: 'PEER_FAILED' });
  });

  it('reports credentials the provider refuses', async () => {
    const peers = createPeers(peerSettingsAs('auth', 'not-the-auth-service-secret'));
    await expect(peers.fetch('cave', '/api/v1/makerspaces')).rejects.toMatchObject({
      code: 'PEER_AUTH_FAILED',
    });
  });
});
