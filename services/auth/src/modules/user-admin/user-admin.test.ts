import type { TestIssuer } from '@makrx/auth/testing';
import type { AdminUser, AdminUserDetail, AdminUserPage } from '@makrx/contracts';
import { auditLogs } from '@makrx/db/schema';
import { testDrivers, type TestService } from '@makrx/service-kit/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAuthServiceWithDemoUsers } from '../../testing';
import { signInStanding } from '../identity/testing';

describe.each(testDrivers)('user administration over %s', (driver) => {
  let issuer: TestIssuer;
  let auth: TestService;
  let superAdmin: string;
  let customer: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const started = await startAuthServiceWithDemoUsers(driver);
    ({ issuer, auth } = started);
    Object.assign(ids, started.ids);
    superAdmin = await issuer.userToken({
      id: ids.superadmin,
      username: 'superadmin',
      realmRoles: ['super_admin'],
    });
    customer = await issuer.userToken({
      id: ids.customer,
      username: 'customer',
      realmRoles: ['store_customer'],
    });
  });
  afterAll(async () => {
    await auth.close();
    await issuer.close();
  });

  const call = (method: string, url: string, token?: string) =>
    auth.app.inject({
      method: method as 'GET',
      url,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });

  it('lets a super admin search users by email, username or name', async () => {
    const response = await call('GET', '/api/v1/admin/users?q=provider', superAdmin);
    expect(response.statusCode).toBe(200);
    const page: AdminUserPage = response.json();
    expect(page.items.map((u) => u.email)).toEqual(['provider@demo.makrx.org']);
    // No service credentials in this test: MakrCave is not asked, and the list says so per row.
    expect(page.items[0]!.makerspaces).toBeNull();
  });

  it('refuses everyone else: 401 for a guest, 403 for a customer', async () => {
    expect((await call('GET', '/api/v1/admin/users')).statusCode).toBe(401);
    expect((await call('GET', '/api/v1/admin/users', customer)).statusCode).toBe(403);
    expect(
      (await call('PUT', `/api/v1/admin/users/${ids.customer}/roles/super_admin`, customer))
        .statusCode,
    ).toBe(403);
  });

  it('grants and revokes a global role, auditing who did it with before and after', async () => {
    const granted: AdminUser = (
      await call('PUT', `/api/v1/admin/users/${ids.member}/roles/admin:store`, superAdmin)
    ).json();
    expect(granted.roles).toEqual(['admin:store', 'store_customer']);
    const revoked: AdminUser = (
      await call('DELETE', `/api/v1/admin/users/${ids.member}/roles/admin:store`, superAdmin)
    ).json();
    expect(revoked.roles).toEqual(['store_customer']);
    const audit = await auth.app.db
      .select({
        action: auditLogs.action,
        actorId: auditLogs.actorId,
        before: auditLogs.before,
        after: auditLogs.after,
      })
      .from(auditLogs)
      .where(eq(auditLogs.entityId, ids.member!));
    expect(audit).toEqual(
      expect.arrayContaining([
        {
          action: 'role.granted',
          actorId: ids.superadmin,
          before: { roles: ['store_customer'] },
          after: { roles: ['admin:store', 'store_customer'] },
        },
        {
          action: 'role.revoked',
          actorId: ids.superadmin,
          before: { roles: ['admin:store', 'store_customer'] },
          after: { roles: ['store_customer'] },
        },
      ]),
    );
  });

  it('rejects an unknown role with 400 and does not let a super admin demote themselves', async () => {
    expect(
      (await call('PUT', `/api/v1/admin/users/${ids.member}/roles/overlord`, superAdmin))
        .statusCode,
    ).toBe(400);
    const self = await call(
      'DELETE',
      `/api/v1/admin/users/${ids.superadmin}/roles/super_admin`,
      superAdmin,
    );
    expect(self.statusCode).toBe(409);
    expect(self.json().error.code).toBe('CANNOT_DEMOTE_SELF');
  });

  it('locks an account so that no way of signing in is let through, and unlocks it', async () => {
    const locked: AdminUser = (
      await call('POST', `/api/v1/admin/users/${ids.provider}/lock`, superAdmin)
    ).json();
    expect(locked.lockedUntil).not.toBeNull();
    expect(await signInStanding(auth.app.db, ids.provider!)).toBe('locked_by_admin');
    const unlocked: AdminUser = (
      await call('POST', `/api/v1/admin/users/${ids.provider}/unlock`, superAdmin)
    ).json();
    expect(unlocked.lockedUntil).toBeNull();
    expect(await signInStanding(auth.app.db, ids.provider!)).toBe('ok');
  });

  it('answers an unknown user with 404', async () => {
    expect(
      (
        await call(
          'POST',
          '/api/v1/admin/users/00000000-0000-4000-8000-000000000000/lock',
          superAdmin,
        )
      ).statusCode,
    ).toBe(404);
  });

  it("shows one user's account, recent activity and, when MakrCave cannot be asked, says so", async () => {
    await call('POST', `/api/v1/admin/users/${ids.customer}/lock`, superAdmin);
    const response = await call('GET', `/api/v1/admin/users/${ids.customer}`, superAdmin);
    expect(response.statusCode).toBe(200);
    const detail: AdminUserDetail = response.json();
    expect(detail.user).toMatchObject({ id: ids.customer, displayName: 'Chris Customer' });
    expect(detail.user.lockedUntil).not.toBeNull();
    // No service credentials in this test: the cave is not asked, and the page says so.
    expect(detail.makerspaces).toBeNull();
    expect(detail.recentActivity[0]).toMatchObject({
      action: 'account.locked_by_admin',
      actorName: 'Sam Superadmin',
      entityName: 'Chris Customer',
    });
    await call('POST', `/api/v1/admin/users/${ids.customer}/unlock`, superAdmin);
    expect(
      (await call('GET', '/api/v1/admin/users/00000000-0000-4000-8000-000000000000', superAdmin))
        .statusCode,
    ).toBe(404);
    expect((await call('GET', '/api/v1/admin/users/not-a-uuid', superAdmin)).statusCode).toBe(400);
    expect((await call('GET', `/api/v1/admin/users/${ids.customer}`)).statusCode).toBe(401);
    expect((await call('GET', `/api/v1/admin/users/${ids.member}`, customer)).statusCode).toBe(403);
  });

  it("lets a domain admin see the accounts and manage their own domain's admin role only", async () => {
    const caveAdmin = await issuer.userToken({
      id: ids.admin,
      username: 'admin',
      realmRoles: ['admin', 'admin:cave'],
    });
    expect((await call('GET', '/api/v1/admin/users', caveAdmin)).statusCode).toBe(200);
    expect((await call('GET', `/api/v1/admin/users/${ids.member}`, caveAdmin)).statusCode).toBe(
      200,
    );
    const granted = await call(
      'PUT',
      `/api/v1/admin/users/${ids.member}/roles/admin:cave`,
      caveAdmin,
    );
    expect(granted.statusCode).toBe(200);
    expect((granted.json() as AdminUser).roles).toContain('admin:cave');
    for (const role of ['admin:store', 'admin:org', 'super_admin', 'admin', 'store_customer']) {
      const refused = await call(
        'PUT',
        `/api/v1/admin/users/${ids.member}/roles/${role}`,
        caveAdmin,
      );
      expect(refused.statusCode, role).toBe(403);
      expect(refused.json().error.code).toBe('USER_ROLE_GOVERNANCE');
    }
    const storeAdmin = await issuer.userToken({
      id: ids.provider,
      username: 'provider',
      realmRoles: ['admin', 'admin:store'],
    });
    // Another domain's admin role is not theirs to take away either.
    const across = await call(
      'DELETE',
      `/api/v1/admin/users/${ids.member}/roles/admin:cave`,
      storeAdmin,
    );
    expect(across.statusCode).toBe(403);
    expect(
      (await call('POST', `/api/v1/admin/users/${ids.member}/lock`, caveAdmin)).statusCode,
    ).toBe(403);
    const after: AdminUserDetail = (
      await call('GET', `/api/v1/admin/users/${ids.member}`, superAdmin)
    ).json();
    expect(after.user.roles).toContain('admin:cave');
    for (const role of ['admin:store', 'admin:org', 'super_admin', 'admin'])
      expect(after.user.roles).not.toContain(role);
    expect(after.user.lockedUntil).toBeNull();
    expect(
      (await call('DELETE', `/api/v1/admin/users/${ids.member}/roles/admin:cave`, caveAdmin))
        .statusCode,
    ).toBe(200);
  });
});
