import { randomUUID } from 'node:crypto';
import { decideAccess, makerspaceRoles, type RouteAccess } from '@makrx/auth';
import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makerspaceIdsBySlug } from './modules/makerspaces/service';
import { addMemberTo } from './modules/memberships/testing';
import { caveService } from './service';

/**
 * Spec: a member of makerspace A gets 404 for every resource of makerspace B. This walks every
 * route of the cave that names a makerspace, as it stands today and as modules are added, with
 * a token of each makerspace role held in another makerspace: each is told the makerspace is
 * not there, before its request is even read. Someone in no makerspace gets the matrix's 403.
 */

const HUB = 'makrx-hub-bengaluru';
const PUNE = 'tinkerworks-pune';

/** Routes anyone may read (a public makerspace's page) name makerspaces without guarding them. */
function guarded(access: RouteAccess): boolean {
  if (access === 'public' || access === 'operators') return false;
  return !('feature' in access && decideAccess(access.feature, access.mode, ['guest']) === 'allow');
}

describe.each(testDrivers)(
  'one makerspace is closed to the members of another, over %s',
  (driver) => {
    let issuer: TestIssuer;
    let cave: TestService;
    let hubId: string;
    const outsiders: Record<string, string> = {};
    let nobody: string;

    beforeAll(async () => {
      issuer = await startTestIssuer();
      cave = await startTestService(caveService, driver, { issuer: issuer.issuer });
      // Every flag on, so a flagged route answers for itself rather than as switched off.
      for (const flag of new Set(cave.app.declaredRoutes().flatMap((route) => route.flags))) {
        await cave.app.db.execute(sql`
        insert into feature_flags (key, description, enabled, scope)
        values (${flag}, 'On for this test', true, 'global')
        on conflict (key) do update set enabled = true, rollout_percentage = 100, targeting = '{}'`);
      }
      hubId = (await makerspaceIdsBySlug(cave.app.db)).get(HUB)!;
      for (const role of makerspaceRoles) {
        const id = await addMemberTo(cave.app.db, PUNE, `pune-${role}`, role);
        outsiders[`Pune's ${role}`] = await issuer.userToken({
          id,
          username: `pune-${role}`,
          realmRoles: [],
        });
      }
      nobody = await issuer.userToken({ username: 'shopper', realmRoles: ['store_customer'] });
    });
    afterAll(async () => {
      await cave?.close();
      await issuer?.close();
    });

    it('answers 404 NOT_FOUND on every route of makerspace A to each role of makerspace B', async () => {
      const routes = cave.app
        .declaredRoutes()
        .filter((route) => route.method !== 'HEAD' && route.method !== 'OPTIONS')
        .filter((route) => /:makerspace(Slug|Id)\b/.test(route.url) && guarded(route.access));
      for (const route of routes) {
        const url = route.url
          .replace(':makerspaceSlug', HUB)
          .replace(':makerspaceId', hubId)
          .replace(/:\w*Id\b/g, randomUUID())
          .replace(/:\w+/g, 'anything');
        for (const [role, token] of Object.entries({
          ...outsiders,
          'someone in no makerspace': nobody,
        })) {
          const response = await cave.app.inject({
            method: route.method as 'GET',
            url,
            headers: { authorization: `Bearer ${token}` },
            ...(route.method === 'GET' ? {} : { payload: {} }),
          });
          const what = `${route.method} ${route.url} as ${role}`;
          // Someone in no makerspace learns nothing either: the matrix's 403, the same everywhere.
          const [status, code] = token === nobody ? [403, 'FORBIDDEN'] : [404, 'NOT_FOUND'];
          expect(response.statusCode, `${what}: ${response.body}`).toBe(status);
          expect(response.json().error.code, what).toBe(code);
        }
      }
      // The walk covers the cave's makerspace routes, not a handful.
      expect(routes.length).toBeGreaterThanOrEqual(25);
    });
  },
);
