import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { signInForAccessToken } from '@makrx/auth-service/testing';
import type {
  AuditLogPage,
  FeatureFlag,
  FeatureFlagHistory,
  FeatureFlagList,
} from '@makrx/contracts';
import { createEmptyPostgresDatabase, testDrivers } from '@makrx/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLauncherConfig } from './config';
import { startMakrx, type RunningMakrx } from './start-makrx';

/**
 * Spec 5, "Flag Governance", with the real cave behind it: the demo users sign in at the
 * identity provider of `npm start`, and the auth service asks the cave (with its own service
 * token) who administers which makerspace.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
const issuer = 'http://localhost:29180/realms/makrx';
const org = 'http://localhost:29101/api/v1';
const cave = 'http://localhost:29102/api/v1';
const logins = {
  superAdmin: 'superadmin@demo.makrx.org',
  caveAdmin: 'admin@demo.makrx.org',
  spaceAdmin: 'spaceadmin@demo.makrx.org',
  customer: 'customer@demo.makrx.org',
} as const;
type Who = keyof typeof logins;

describe.each(testDrivers)('flag governance over %s', (driver) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'makrx-flag-governance-'));
  let postgres: Awaited<ReturnType<typeof createEmptyPostgresDatabase>> | undefined;
  let makrx: RunningMakrx;
  const tokens = {} as Record<Who, string>;
  const userIds = {} as Record<Who, string>;
  let hub: string;
  let pune: string;

  beforeAll(async () => {
    if (driver === 'postgres') {
      postgres = await createEmptyPostgresDatabase(process.env.TEST_DATABASE_URL!, 'makrx_flags');
    }
    const env = {
      MAKRX_DATA_DIR: dataDir,
      ...(postgres ? { DATABASE_URL: postgres.url } : {}),
      AUTH_API_URL: 'http://localhost:29101',
      CAVE_API_URL: 'http://localhost:29102',
      STORE_API_URL: 'http://localhost:29103',
      OIDC_ISSUER: issuer,
      MAKRX_EMBEDDED_IDP: 'true',
      LOG_LEVEL: 'silent',
    };
    const config = loadLauncherConfig(env);
    makrx = await startMakrx(root, env, () => {}, { withApps: false });
    for (const [who, login] of Object.entries(logins) as Array<[Who, string]>) {
      tokens[who] = await signInForAccessToken({
        issuer,
        clientId: 'makrcave-frontend',
        redirectUri: 'http://localhost:3001/auth/callback',
        login,
        password: config.MAKRX_DEMO_PASSWORD,
      });
      userIds[who] = JSON.parse(
        Buffer.from(tokens[who].split('.')[1]!, 'base64url').toString(),
      ).sub;
    }
    const idOf = async (slug: string) =>
      ((await (await fetch(`${cave}/makerspaces/${slug}`)).json()) as { id: string }).id;
    hub = await idOf('makrx-hub-bengaluru');
    pune = await idOf('tinkerworks-pune');
  });
  afterAll(async () => {
    await makrx?.stop();
    await postgres?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const call = (who: Who | null, method: string, path: string, body?: object) =>
    fetch(`${org}${path}`, {
      method,
      headers: {
        ...(who ? { authorization: `Bearer ${tokens[who]}` } : {}),
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  const refusal = async (response: Response) => ({
    status: response.status,
    code: ((await response.json()) as { error: { code: string } }).error.code,
  });
  const governed = { status: 403, code: 'FLAG_GOVERNANCE' };
  // Refused by the route's declared permission, before any flag is looked at.
  const notAFlagAdmin = { status: 403, code: 'FORBIDDEN' };
  const turnOn = (justification: string) => ({ enabled: true, justification });

  it("gives a domain admin 403 for another domain's flag and for a change at once", async () => {
    for (const key of ['SHOW_MAKER_SPOTLIGHT', 'ENABLE_STL_UPLOAD']) {
      const response = await call(
        'caveAdmin',
        'POST',
        `/flags/${key}/proposals`,
        turnOn('Not mine to change, but trying.'),
      );
      expect(await refusal(response), key).toEqual(governed);
    }
    // Only super admins change a flag at once (an emergency change); admins propose.
    const atOnce = await call(
      'caveAdmin',
      'PATCH',
      '/flags/MAINTENANCE_MODE',
      turnOn('Not mine to change, but trying.'),
    );
    expect(await refusal(atOnce)).toEqual(notAFlagAdmin);
    const list = (await (await call('caveAdmin', 'GET', '/flags')).json()) as FeatureFlagList;
    const byKey = (key: string) => list.flags.find((flag) => flag.key === key)!;
    expect(byKey('ENABLE_BOM_ORDERING')).toMatchObject({ mayChange: true, readOnlyReason: null });
    expect(byKey('ENABLE_STL_UPLOAD')).toMatchObject({
      mayChange: false,
      readOnlyReason: 'This flag belongs to the store domain; you administer cave.',
    });
    expect(byKey('MAINTENANCE_MODE').readOnlyReason).toBe(
      'Only a super admin may change a global flag.',
    );
  });

  it("gives a makerspace admin 403 for another makerspace's flag, and 200 for their own", async () => {
    const elsewhere = await call(
      'spaceAdmin',
      'PUT',
      `/flags/ENABLE_ADVANCED_ANALYTICS/makerspaces/${pune}`,
      turnOn('Analytics for a space I do not run.'),
    );
    expect(elsewhere.status).toBe(403);
    expect(await elsewhere.json()).toMatchObject({
      error: {
        code: 'FLAG_GOVERNANCE',
        message: expect.stringContaining('You administer another makerspace, not this one.'),
      },
    });

    const own = await call(
      'spaceAdmin',
      'PUT',
      `/flags/ENABLE_ADVANCED_ANALYTICS/makerspaces/${hub}`,
      turnOn('Our members asked for usage analytics.'),
    );
    expect(own.status).toBe(200);
    expect(((await own.json()) as FeatureFlag).makerspaceOverrides[hub]).toBe(true);
  });

  it('keeps a makerspace admin to makerspace-scoped flags of their own makerspace', async () => {
    const why = 'Our makerspace would like this.';
    const settings = await call('spaceAdmin', 'PATCH', '/flags/ENABLE_ADVANCED_ANALYTICS', {
      enabled: true,
      justification: why,
    });
    expect(await refusal(settings)).toEqual(notAFlagAdmin);
    const domainFlag = await call(
      'spaceAdmin',
      'PUT',
      `/flags/ENABLE_BOM_ORDERING/makerspaces/${hub}`,
      turnOn(why),
    );
    expect(await refusal(domainFlag)).toEqual(governed);
    expect(
      await refusal(await call('spaceAdmin', 'GET', '/flags/ENABLE_BOM_ORDERING/history')),
    ).toEqual(governed);
    expect(
      await refusal(
        await call(
          'spaceAdmin',
          'GET',
          `/flags/ENABLE_ADVANCED_ANALYTICS/history?makerspaceId=${pune}`,
        ),
      ),
    ).toEqual(governed);

    // A super admin's pilot elsewhere stays out of what the makerspace admin sees.
    const pilot = await call(
      'superAdmin',
      'PUT',
      `/flags/ENABLE_ADVANCED_ANALYTICS/makerspaces/${pune}`,
      turnOn('Pune pilots the analytics beta.'),
    );
    expect(pilot.status).toBe(200);
    const list = (await (await call('spaceAdmin', 'GET', '/flags')).json()) as FeatureFlagList;
    expect(list.flags.map((flag) => flag.key).sort()).toEqual([
      'ENABLE_ADVANCED_ANALYTICS',
      'ENABLE_AUTOMATED_BILLING',
    ]);
    const analytics = list.flags.find((flag) => flag.key === 'ENABLE_ADVANCED_ANALYTICS')!;
    expect(analytics.makerspaceOverrides).toEqual({ [hub]: true });
    expect(analytics.mayChange).toBe(false);

    const history = (await (
      await call('spaceAdmin', 'GET', '/flags/ENABLE_ADVANCED_ANALYTICS/history')
    ).json()) as FeatureFlagHistory;
    expect(history.changes.map((change) => change.justification)).toEqual([
      'Our members asked for usage analytics.',
    ]);
  });

  it('refuses everyone else: a customer, and a guest', async () => {
    expect(await refusal(await call('customer', 'GET', '/flags'))).toEqual(notAFlagAdmin);
    const override = await call(
      'customer',
      'PUT',
      `/flags/ENABLE_AUTOMATED_BILLING/makerspaces/${hub}`,
      turnOn('I would like automated billing.'),
    );
    expect(await refusal(override)).toEqual(notAFlagAdmin);
    expect((await call(null, 'GET', '/flags')).status).toBe(401);
  });

  it("records every allowed change in the flag's history and the audit log with its justification", async () => {
    const proposed = await call('caveAdmin', 'POST', '/flags/ENABLE_BOM_ORDERING/proposals', {
      enabled: false,
      justification: 'Store price sync is down; pause BOM orders.',
    });
    expect(proposed.status).toBe(201);
    const { id } = (await proposed.json()) as { id: string };
    const bom = await call('superAdmin', 'POST', `/flags/proposals/${id}/approve`);
    expect(bom.status).toBe(200);

    const history = (await (
      await call('superAdmin', 'GET', '/flags/ENABLE_BOM_ORDERING/history')
    ).json()) as FeatureFlagHistory;
    expect(history.changes).toMatchObject([
      {
        changedBy: userIds.superAdmin,
        changedByName: expect.any(String),
        proposalId: id,
        justification: 'Store price sync is down; pause BOM orders.',
        before: { enabled: true },
        after: { enabled: false },
      },
    ]);
    const analytics = (await (
      await call('superAdmin', 'GET', '/flags/ENABLE_ADVANCED_ANALYTICS/history')
    ).json()) as FeatureFlagHistory;
    expect(
      analytics.changes.map((change) => [change.changedBy, change.justification, change.after]),
    ).toEqual([
      [
        userIds.superAdmin,
        'Pune pilots the analytics beta.',
        { makerspaceId: pune, enabled: true },
      ],
      [
        userIds.spaceAdmin,
        'Our members asked for usage analytics.',
        { makerspaceId: hub, enabled: true },
      ],
    ]);

    const audit = (await (
      await call('superAdmin', 'GET', '/admin/audit?entityType=feature_flag&pageSize=50')
    ).json()) as AuditLogPage;
    expect(
      audit.items
        .map((entry) => [
          entry.actorId,
          entry.entityId,
          entry.action,
          (entry.after as { justification?: string }).justification,
        ])
        .reverse(),
    ).toEqual([
      [
        userIds.spaceAdmin,
        'ENABLE_ADVANCED_ANALYTICS',
        'feature_flag.makerspace_override_set',
        'Our members asked for usage analytics.',
      ],
      [
        userIds.superAdmin,
        'ENABLE_ADVANCED_ANALYTICS',
        'feature_flag.makerspace_override_set',
        'Pune pilots the analytics beta.',
      ],
      [
        userIds.caveAdmin,
        'ENABLE_BOM_ORDERING',
        'feature_flag.change_proposed',
        'Store price sync is down; pause BOM orders.',
      ],
      [
        userIds.superAdmin,
        'ENABLE_BOM_ORDERING',
        'feature_flag.changed',
        'Store price sync is down; pause BOM orders.',
      ],
      [userIds.superAdmin, 'ENABLE_BOM_ORDERING', 'feature_flag.change_approved', undefined],
    ]);
  });
});
