import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import type { ServiceDataExport } from '@makrx/contracts';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caveService } from '../../service';
import { seedDemoMembersWithAccounts } from '../memberships/testing';

describe.each(testDrivers)('a person’s MakrCave data for MakrX.org over %s', (driver) => {
  let issuer: TestIssuer;
  let cave: TestService;
  let memberId: string;
  let otherId: string;
  let auth: string;

  const call = (method: 'GET' | 'DELETE', url: string, token?: string, body?: unknown) =>
    cave.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ...(body === undefined ? {} : { payload: body as object }),
    });
  const membershipsOf = async (userId: string) =>
    (
      await cave.app.db.execute<{ n: number }>(
        sql`select count(*)::int as n from makrcave.memberships where user_id = ${userId}`,
      )
    ).rows[0]!.n;
  const contact = { email: 'member@demo.makrx.org', name: 'Demo member' };

  beforeAll(async () => {
    issuer = await startTestIssuer();
    cave = await startTestService(caveService, driver, { issuer: issuer.issuer });
    const demo = await seedDemoMembersWithAccounts(cave.app.db);
    memberId = demo['member@demo.makrx.org']!;
    otherId = demo['provider@demo.makrx.org']!;
    auth = await issuer.serviceToken('auth-service');
    for (const [ownerId, slug] of [
      [memberId, 'members-plotter'],
      [otherId, 'providers-lamp'],
    ] as const)
      await cave.app.db.execute(
        sql`insert into makrcave.projects (slug, title, summary, owner_id) values (${slug}, ${slug}, 'A test project', ${ownerId})`,
      );
  });
  afterAll(async () => {
    await cave?.close();
    await issuer?.close();
  });

  it('exports memberships, bookings, projects, bills of materials, trainings and invoices, with what deletion keeps', async () => {
    const response = await call('GET', `/privacy/users/${memberId}/export`, auth);
    expect(response.statusCode).toBe(200);
    const data = response.json() as ServiceDataExport;
    expect(Object.keys(data.sections).sort()).toEqual(
      [
        'achievements',
        'billing',
        'bookings',
        'boms',
        'memberships',
        'projects',
        'trainings',
      ].sort(),
    );
    expect((data.sections.memberships as unknown[]).length).toBeGreaterThan(0);
    expect(
      (data.sections.projects as { owned: { slug: string }[] }).owned.map((p) => p.slug),
    ).toEqual(['members-plotter']);
    expect(data.retained.length).toBeGreaterThan(0);
  });

  it('answers only MakrX.org’s backend: a guest 401, a person or another backend 403, a malformed id 400', async () => {
    const path = `/privacy/users/${memberId}/export`;
    expect((await call('GET', path)).statusCode).toBe(401);
    const person = await issuer.userToken({ id: memberId, username: 'member' });
    expect((await call('GET', path, person)).statusCode).toBe(403);
    expect((await call('DELETE', `/privacy/users/${memberId}`, person, contact)).statusCode).toBe(
      403,
    );
    const store = await issuer.serviceToken('store-backend');
    expect((await call('GET', path, store)).statusCode).toBe(403);
    expect((await call('GET', '/privacy/users/not-a-uuid/export', auth)).statusCode).toBe(400);
    expect((await call('DELETE', `/privacy/users/${memberId}`, auth, {})).statusCode).toBe(400);
    expect(await membershipsOf(memberId)).toBeGreaterThan(0);
  });

  it('erases the person’s memberships and projects, leaves everyone else’s, and finds nothing more to do when asked again', async () => {
    const first = await call('DELETE', `/privacy/users/${memberId}`, auth, contact);
    expect(first.statusCode).toBe(200);
    expect(first.json().erased.memberships).toBeGreaterThan(0);
    expect(first.json().erased.projects).toBe(1);
    expect(await membershipsOf(memberId)).toBe(0);
    const others = await cave.app.db.execute<{ n: number }>(
      sql`select count(*)::int as n from makrcave.projects where owner_id = ${otherId}`,
    );
    expect(others.rows[0]!.n).toBe(1);
    const again = await call('DELETE', `/privacy/users/${memberId}`, auth, contact);
    expect(again.statusCode).toBe(200);
    expect(Object.values(again.json().erased as Record<string, number>).every((n) => n === 0)).toBe(
      true,
    );
  });
});
