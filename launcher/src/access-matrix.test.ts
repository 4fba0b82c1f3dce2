import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  accessMatrix,
  decideAccess,
  features,
  type AccessMode,
  type Feature,
  type MatrixRole,
} from '@makrx/auth';
import { signInForAccessToken } from '@makrx/auth-service/testing';
import { createEmptyPostgresDatabase, testDrivers } from '@makrx/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMakrx, type RunningMakrx } from './start-makrx';

/**
 * The spec's access matrix, all 112 cells, against the product's own routes: the demo users
 * sign in at the identity provider of `npm start`, makerspace roles come from the cave's
 * memberships (through `app.peers` for the other services), and each feature is stood for by
 * real routes of the three services that declare it. Features whose routes do not exist yet
 * are listed as waiting; the issues that build them move their cells onto their new routes.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
const issuer = 'http://localhost:28780/realms/makrx';
const services = {
  auth: 'http://localhost:28701',
  cave: 'http://localhost:28702',
  store: 'http://localhost:28703',
};
const logins: Record<Exclude<MatrixRole, 'guest'>, string> = {
  super_admin: 'superadmin@demo.makrx.org',
  admin: 'admin@demo.makrx.org',
  makerspace_admin: 'spaceadmin@demo.makrx.org',
  service_provider: 'provider@demo.makrx.org',
  member: 'member@demo.makrx.org',
  store_customer: 'customer@demo.makrx.org',
};
const roles = [...(Object.keys(logins) as MatrixRole[]), 'guest'] as const;

/** One request that stands for a cell, and what the route answers when the guard lets it by. */
interface Probe {
  service: keyof typeof services;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  path: string | (() => string);
  body?: () => unknown;
  headers?: Record<string, string>;
  /** The route's own answer to an allowed caller (404: allowed, but there is nothing there). */
  allowed: number;
}

let demoVariantId = '';
let demoHubId = '';

/** The real routes standing for each feature, by the mode they exercise. */
const probes: Partial<Record<Feature, Partial<Record<AccessMode, Probe>>>> = {
  // The notification bell follows the signed-in person across the three portals.
  crossDomainSso: {
    read: {
      service: 'auth',
      method: 'GET',
      path: '/api/v1/notifications/unread-count',
      allowed: 200,
    },
    write: {
      service: 'auth',
      method: 'POST',
      path: '/api/v1/notifications/read-all',
      allowed: 200,
    },
  },
  userProfileManagement: {
    read: { service: 'auth', method: 'GET', path: '/api/v1/me/addresses', allowed: 200 },
    write: {
      service: 'auth',
      method: 'PUT',
      path: '/api/v1/me/shipping-method',
      body: () => ({ defaultShippingMethod: null }),
      allowed: 200,
    },
  },
  // Community: a public profile's followers; following a maker who is not there (allowed
  // callers reach the lookup and get 404; nothing is followed whoever asks).
  communityFeatures: {
    read: {
      service: 'auth',
      method: 'GET',
      path: '/api/v1/community/makers/ananya-rao/followers',
      allowed: 200,
    },
    write: {
      service: 'auth',
      method: 'PUT',
      path: '/api/v1/me/follows/makers/nobody-here',
      allowed: 404,
    },
  },
  // Changing a global flag for everyone (reading flag settings is flag administration).
  systemFeatureFlags: {
    write: {
      service: 'auth',
      method: 'PATCH',
      path: '/api/v1/flags/ENABLE_NEW_AUTHENTICATION_FLOW',
      body: () => ({
        enabled: false,
        justification: 'Access matrix check; the state stays as it is.',
      }),
      allowed: 200,
    },
  },
  equipmentManagement: {
    read: {
      service: 'cave',
      method: 'GET',
      path: '/api/v1/makerspaces/makrx-hub-bengaluru/equipment?type=3d_printer',
      allowed: 200,
    },
    // A machine that is not there: a role with the write cell reaches the lookup (404), one
    // without is refused before it (403), and nothing is changed either way.
    write: {
      service: 'cave',
      method: 'PUT',
      path: '/api/v1/makerspaces/makrx-hub-bengaluru/equipment/no-such-machine/status',
      body: () => ({ status: 'offline' }),
      allowed: 404,
    },
  },
  // Projects: one's own list, and a change to a project that is not there (allowed callers
  // reach the lookup and get 404; nothing is changed whoever asks).
  projectManagement: {
    read: { service: 'cave', method: 'GET', path: '/api/v1/me/projects', allowed: 200 },
    write: {
      service: 'cave',
      method: 'PATCH',
      path: '/api/v1/projects/no-such-project',
      body: () => ({ title: 'Nothing changes' }),
      allowed: 404,
    },
  },
  equipmentReservations: {
    // A day of one machine's calendar; every role with the cell reads it (admins of the realm
    // included), the others are refused before the lookup.
    read: {
      service: 'cave',
      method: 'GET',
      path: () => {
        const from = new Date().toISOString();
        const to = new Date(Date.now() + 24 * 60 * 60 * 1000).toISOString();
        return `/api/v1/makerspaces/makrx-hub-bengaluru/equipment/prusa-mk4-1/reservations?from=${from}&to=${to}`;
      },
      allowed: 200,
    },
    // Booking a machine that is not there: allowed callers reach the lookup (404), and nothing
    // is booked whoever asks.
    write: {
      service: 'cave',
      method: 'POST',
      path: '/api/v1/makerspaces/makrx-hub-bengaluru/equipment/no-such-machine/reservations',
      body: () => ({
        startsAt: new Date(Date.now() + 2 * 24 * 60 * 60 * 1000).toISOString(),
        endsAt: new Date(Date.now() + 2 * 24 * 60 * 60 * 1000 + 60 * 60 * 1000).toISOString(),
      }),
      allowed: 404,
    },
  },
  // The demo makerspace's last week of use; members and those outside the cave are refused.
  analyticsDashboard: {
    read: {
      service: 'cave',
      method: 'GET',
      path: () => {
        const day = (daysAgo: number) =>
          new Date(Date.now() - daysAgo * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
        return `/api/v1/makerspaces/makrx-hub-bengaluru/analytics?from=${day(7)}&to=${day(0)}`;
      },
      allowed: 200,
    },
  },
  // The demo makerspace's invoices: its admins see all, a member their own (both 200); a plan
  // that is not there is changed by nobody (404 for the write cell's holders).
  billingManagement: {
    read: {
      service: 'cave',
      method: 'GET',
      path: '/api/v1/makerspaces/makrx-hub-bengaluru/billing/invoices',
      allowed: 200,
    },
    write: {
      service: 'cave',
      method: 'PATCH',
      path: () => `/api/v1/makerspaces/makrx-hub-bengaluru/billing/plans/${randomUUID()}`,
      body: () => ({ archived: true }),
      allowed: 404,
    },
  },
  makerProfiles: {
    read: { service: 'auth', method: 'GET', path: '/api/v1/profiles/ananya-rao', allowed: 200 },
  },
  productBrowsing: {
    read: { service: 'store', method: 'GET', path: '/api/v1/products?pageSize=1', allowed: 200 },
    write: {
      service: 'store',
      method: 'POST',
      path: '/api/v1/cart/items',
      body: () => ({ variantId: demoVariantId, quantity: 1 }),
      allowed: 200,
    },
  },
  purchaseProducts: {
    read: { service: 'store', method: 'GET', path: '/api/v1/checkout/addresses', allowed: 200 },
    write: {
      service: 'store',
      method: 'POST',
      path: '/api/v1/cart/merge',
      headers: { 'x-cart-token': 'a-guest-cart-that-was-never-filled' },
      allowed: 200,
    },
  },
  // Member management in the demo makerspace, whose admin, provider and member are demo users.
  memberManagement: {
    read: {
      service: 'cave',
      method: 'GET',
      path: () => `/api/v1/makerspaces/${demoHubId}/members`,
      allowed: 200,
    },
    write: {
      service: 'cave',
      method: 'POST',
      path: () => `/api/v1/makerspaces/${demoHubId}/invites/${randomUUID()}/revoke`,
      allowed: 404,
    },
  },
  orderManagement: {
    read: { service: 'store', method: 'GET', path: '/api/v1/orders', allowed: 200 },
    write: {
      service: 'store',
      method: 'POST',
      path: () => `/api/v1/orders/${randomUUID()}/reorder`,
      allowed: 404,
    },
  },
};

/** Features with no route yet, and the work that brings them. */
const waiting: Partial<Record<Feature, string>> = {
  uploadFilesForQuotes: 'fabrication (3D model upload and quotes)',
  serviceProviderTools: 'fabrication (provider job queue)',
};

describe('every cell of the matrix is stood for by a route, or waits for its feature', () => {
  const waitingCells = Object.keys(waiting).length * roles.length;

  it(`covers ${112 - waitingCells} cells with real routes; ${waitingCells} wait: ${Object.values(waiting).join('; ')}`, () => {
    expect(features.length * roles.length).toBe(112);
    for (const feature of features) {
      const probed = probes[feature] !== undefined;
      expect(probed !== feature in waiting, `${feature} is either probed or waiting`).toBe(true);
    }
  });
});

describe.each(testDrivers)('the access matrix over %s, on the product’s routes', (driver) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'makrx-matrix-'));
  let postgres: Awaited<ReturnType<typeof createEmptyPostgresDatabase>> | undefined;
  let makrx: RunningMakrx;
  const tokens: Partial<Record<MatrixRole, string>> = {};

  beforeAll(async () => {
    if (driver === 'postgres') {
      postgres = await createEmptyPostgresDatabase(process.env.TEST_DATABASE_URL!, 'makrx_matrix');
    }
    makrx = await startMakrx(
      root,
      {
        MAKRX_DATA_DIR: dataDir,
        ...(postgres ? { DATABASE_URL: postgres.url } : {}),
        AUTH_API_URL: services.auth,
        CAVE_API_URL: services.cave,
        STORE_API_URL: services.store,
        OIDC_ISSUER: issuer,
        MAKRX_EMBEDDED_IDP: 'true',
        LOG_LEVEL: 'silent',
      },
      () => {},
      { withApps: false },
    );
    const signIn = (login: string) =>
      signInForAccessToken({
        issuer,
        clientId: 'makrcave-frontend',
        redirectUri: 'http://localhost:3001/auth/callback',
        login,
        password: makrx.config.MAKRX_DEMO_PASSWORD,
      });
    tokens.super_admin = await signIn(logins.super_admin);
    // The Admin column is a domain admin of the feature's domain: make the demo admin one of all three.
    const adminId = JSON.parse(
      Buffer.from((await signIn(logins.admin)).split('.')[1]!, 'base64url').toString(),
    ).sub;
    for (const role of ['admin:org', 'admin:store']) {
      const granted = await fetch(`${services.auth}/api/v1/admin/users/${adminId}/roles/${role}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${tokens.super_admin}` },
      });
      expect(granted.status).toBe(200);
    }
    for (const [role, login] of Object.entries(logins))
      tokens[role as MatrixRole] ??= await signIn(login);
    const product = await (await fetch(`${services.store}/api/v1/products/esp32-devkit-v1`)).json();
    demoVariantId = product.variants[0].id;
    const hub = await (
      await fetch(`${services.cave}/api/v1/makerspaces/makrx-hub-bengaluru`)
    ).json();
    demoHubId = hub.id;
  });
  afterAll(async () => {
    await makrx?.stop();
    await postgres?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const cells = features
    .filter((feature) => probes[feature])
    .flatMap((feature) => roles.map((role) => [feature, role] as const));

  it.each(cells)('%s for %s answers as the matrix says', async (feature, role) => {
    for (const mode of ['read', 'write'] as const) {
      const probe = probes[feature]?.[mode];
      if (!probe) continue;
      const path = typeof probe.path === 'function' ? probe.path() : probe.path;
      const body = probe.body?.();
      const response = await fetch(`${services[probe.service]}${path}`, {
        method: probe.method,
        headers: {
          ...(role === 'guest' ? {} : { authorization: `Bearer ${tokens[role]}` }),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...probe.headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const allowed = decideAccess(feature, mode, [role]) === 'allow';
      const expected = allowed ? probe.allowed : role === 'guest' ? 401 : 403;
      const what = `${mode} ${probe.method} ${path} (${accessMatrix[feature].access[role]})`;
      expect(response.status, `${what}: ${await response.text()}`).toBe(expected);
    }
  });
});
