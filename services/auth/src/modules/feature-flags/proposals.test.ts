import type {
  FeatureFlagHistory,
  FeatureFlagList,
  FlagChangeProposal,
  FlagChangeProposalList,
} from '@makrx/contracts';
import { users } from '@makrx/db/schema';
import { outboxEvents } from '@makrx/events';
import { testDrivers } from '@makrx/service-kit/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAuthServiceWithDemoUsers } from '../../testing';
import { flagChangeProposals } from './tables';

type Started = Awaited<ReturnType<typeof startAuthServiceWithDemoUsers>>;

describe.each(testDrivers)('the flag change process over %s', (driver) => {
  let started: Started;
  const tokens = {} as Record<
    'superAdmin' | 'otherSuperAdmin' | 'caveAdmin' | 'otherCaveAdmin' | 'storeAdmin' | 'customer',
    string
  >;

  beforeAll(async () => {
    started = await startAuthServiceWithDemoUsers(driver);
    tokens.superAdmin = await started.tokenFor('superadmin', ['super_admin']);
    // A second super admin, to approve what the first proposes.
    tokens.otherSuperAdmin = await started.tokenFor('spaceadmin', ['super_admin']);
    tokens.caveAdmin = await started.tokenFor('admin', ['admin', 'admin:cave']);
    tokens.otherCaveAdmin = await started.tokenFor('member', ['admin', 'admin:cave']);
    tokens.storeAdmin = await started.tokenFor('provider', ['admin', 'admin:store']);
    tokens.customer = await started.tokenFor('customer', ['store_customer']);
  });
  afterAll(() => started.close());

  const call = (method: string, url: string, token?: string, payload?: object) =>
    started.auth.app.inject({
      method: method as 'GET',
      url: `/api/v1${url}`,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ...(payload ? { payload } : {}),
    });
  const flagState = async (key: string) => {
    const list: FeatureFlagList = (await call('GET', '/flags', tokens.superAdmin)).json();
    return list.flags.find((flag) => flag.key === key)!;
  };
  const propose = (token: string, key: string, body: object) =>
    call('POST', `/flags/${key}/proposals`, token, body);
  const accounts = async () => (await started.auth.app.db.select().from(users)).length;
  const proposalCount = async () =>
    (await started.auth.app.db.select().from(flagChangeProposals)).length;

  it('leaves a proposed global change unapplied until another super admin approves it', async () => {
    const proposed = await propose(tokens.caveAdmin, 'ENABLE_NEW_AUTHENTICATION_FLOW', {
      enabled: true,
      justification: 'Passkeys are ready for everyone.',
    });
    expect(proposed.statusCode).toBe(201);
    const proposal: FlagChangeProposal = proposed.json();
    // Turning a flag on for everyone affects every account.
    const everyone = await accounts();
    expect(everyone).toBeGreaterThan(1);
    expect(proposal).toMatchObject({
      status: 'open',
      affectedUsers: everyone,
      audienceUsers: everyone,
      flagName: 'New sign-in flow',
      before: { enabled: false },
      after: { enabled: true },
      mayDecide: false,
    });
    expect((await flagState('ENABLE_NEW_AUTHENTICATION_FLOW')).enabled).toBe(false);

    // A domain admin is not the right level for a global flag.
    const byDomainAdmin = await call(
      'POST',
      `/flags/proposals/${proposal.id}/approve`,
      tokens.otherCaveAdmin,
    );
    expect(byDomainAdmin.statusCode).toBe(403);
    expect(byDomainAdmin.json().error.code).toBe('FLAG_GOVERNANCE');

    const list: FlagChangeProposalList = (
      await call('GET', '/flags/proposals?status=open', tokens.superAdmin)
    ).json();
    expect(list.proposals).toMatchObject([{ id: proposal.id, mayDecide: true }]);

    const approved = await call(
      'POST',
      `/flags/proposals/${proposal.id}/approve`,
      tokens.superAdmin,
    );
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({
      status: 'approved',
      decidedBy: started.ids.superadmin,
      decidedByName: 'Sam Superadmin',
      proposedByName: 'Alex Admin',
      appliedAt: expect.any(String),
    });
    expect((await flagState('ENABLE_NEW_AUTHENTICATION_FLOW')).enabled).toBe(true);

    const history: FeatureFlagHistory = (
      await call('GET', '/flags/ENABLE_NEW_AUTHENTICATION_FLOW/history', tokens.superAdmin)
    ).json();
    expect(history.changes).toMatchObject([
      { emergency: false, proposalId: proposal.id, changedBy: started.ids.superadmin },
    ]);
    expect(history.proposals).toMatchObject([
      { id: proposal.id, status: 'approved', justification: 'Passkeys are ready for everyone.' },
    ]);
  });

  it('tells the admins who may approve, and not the proposer', async () => {
    const proposed = await propose(tokens.storeAdmin, 'ENABLE_ADVANCED_SEARCH', {
      enabled: true,
      rolloutPercentage: 50,
      justification: 'Faceted search for half of the shoppers.',
    });
    expect(proposed.statusCode).toBe(201);
    // Half of every account.
    const everyone = await accounts();
    expect(proposed.json()).toMatchObject({
      affectedUsers: Math.round(everyone / 2),
      audienceUsers: everyone,
    });
    const asked = await started.auth.app.db
      .select({ userId: sql<string>`${outboxEvents.payload} ->> 'userId'` })
      .from(outboxEvents)
      .where(sql`${outboxEvents.payload} ->> 'kind' = 'flags.change_proposed'`);
    const askedIds = asked.map((row) => row.userId);
    expect(askedIds).toContain(started.ids.superadmin);
    expect(askedIds).not.toContain(started.ids.provider);
  });

  it('refuses a decision by the proposer, and lets them withdraw instead', async () => {
    const proposal: FlagChangeProposal = (
      await propose(tokens.caveAdmin, 'ENABLE_BOM_ORDERING', {
        enabled: false,
        justification: 'Store price sync is down; pause BOM orders.',
      })
    ).json();
    for (const action of ['approve', 'reject']) {
      const own = await call(
        'POST',
        `/flags/proposals/${proposal.id}/${action}`,
        tokens.caveAdmin,
        action === 'reject' ? { reason: 'Changed my mind about it.' } : undefined,
      );
      expect(own.statusCode).toBe(403);
      expect(own.json().error.code).toBe('FLAG_SELF_APPROVAL');
    }
    expect((await flagState('ENABLE_BOM_ORDERING')).enabled).toBe(true);

    // Another admin of the domain may not withdraw it.
    const foreign = await call(
      'POST',
      `/flags/proposals/${proposal.id}/withdraw`,
      tokens.otherCaveAdmin,
    );
    expect(foreign.statusCode).toBe(403);
    const withdrawn = await call(
      'POST',
      `/flags/proposals/${proposal.id}/withdraw`,
      tokens.caveAdmin,
    );
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn' });
    expect((await flagState('ENABLE_BOM_ORDERING')).enabled).toBe(true);
  });

  it('keeps the proposer from deciding even when the database is asked directly', async () => {
    const proposal: FlagChangeProposal = (
      await propose(tokens.caveAdmin, 'ENABLE_REAL_TIME_EQUIPMENT_STATUS', {
        enabled: true,
        justification: 'The live status feed is stable now.',
      })
    ).json();
    await expect(
      started.auth.app.db.execute(
        sql`update auth.flag_change_proposals set status = 'rejected', decided_by = proposed_by,
              decided_at = now(), decision_reason = 'self' where id = ${proposal.id}`,
      ),
    ).rejects.toThrow();
    // A domain admin of the flag's domain, other than the proposer, may decide it.
    const rejected = await call(
      'POST',
      `/flags/proposals/${proposal.id}/reject`,
      tokens.otherCaveAdmin,
      { reason: 'Wait for the firmware update first.' },
    );
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json()).toMatchObject({
      status: 'rejected',
      decisionReason: 'Wait for the firmware update first.',
      appliedAt: null,
    });
    expect((await flagState('ENABLE_REAL_TIME_EQUIPMENT_STATUS')).enabled).toBe(false);
    const again = await call('POST', `/flags/proposals/${proposal.id}/approve`, tokens.superAdmin);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('FLAG_PROPOSAL_DECIDED');
  });

  it('allows one open proposal per flag, and refuses one that changes nothing', async () => {
    const body = { rolloutPercentage: 40, justification: 'Try the new navigation on 40%.' };
    expect(
      (await propose(tokens.superAdmin, 'ENABLE_PORTAL_NAVIGATION_V2', { ...body, enabled: true }))
        .statusCode,
    ).toBe(201);
    const before = await proposalCount();
    const second = await propose(tokens.otherSuperAdmin, 'ENABLE_PORTAL_NAVIGATION_V2', {
      ...body,
      enabled: true,
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('FLAG_PROPOSAL_OPEN');
    const nothing = await propose(tokens.superAdmin, 'ENABLE_QUICK_REORDER', {
      enabled: true,
      justification: 'It is on already, but still.',
    });
    expect(nothing.statusCode).toBe(422);
    expect(nothing.json().error.code).toBe('FLAG_PROPOSAL_NO_CHANGE');
    expect(await proposalCount()).toBe(before);
  });

  it('applies exactly one of two racing approvals', async () => {
    const proposal: FlagChangeProposal = (
      await propose(tokens.caveAdmin, 'ENABLE_PROJECT_COLLABORATION', {
        enabled: false,
        justification: 'Comments are being abused; pause collaboration.',
      })
    ).json();
    const results = await Promise.all([
      call('POST', `/flags/proposals/${proposal.id}/approve`, tokens.superAdmin),
      call('POST', `/flags/proposals/${proposal.id}/approve`, tokens.otherSuperAdmin),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const history: FeatureFlagHistory = (
      await call('GET', '/flags/ENABLE_PROJECT_COLLABORATION/history', tokens.superAdmin)
    ).json();
    expect(history.changes).toHaveLength(1);
    expect((await flagState('ENABLE_PROJECT_COLLABORATION')).enabled).toBe(false);
  });

  it('lets only a super admin change a flag at once, marked as an emergency', async () => {
    const why = { enabled: true, justification: 'Outage: take the site down now.' };
    for (const token of [tokens.caveAdmin, tokens.storeAdmin, tokens.customer]) {
      expect((await call('PATCH', '/flags/MAINTENANCE_MODE', token, why)).statusCode).toBe(403);
    }
    expect((await call('PATCH', '/flags/MAINTENANCE_MODE', undefined, why)).statusCode).toBe(401);
    expect((await flagState('MAINTENANCE_MODE')).enabled).toBe(false);

    const emergency = await call('PATCH', '/flags/ENABLE_STL_UPLOAD', tokens.superAdmin, {
      enabled: false,
      justification: 'Malicious uploads found; stop them now.',
    });
    expect(emergency.statusCode).toBe(200);
    expect(emergency.json()).toMatchObject({ enabled: false });
    const history: FeatureFlagHistory = (
      await call('GET', '/flags/ENABLE_STL_UPLOAD/history', tokens.superAdmin)
    ).json();
    expect(history.changes).toMatchObject([
      {
        emergency: true,
        proposalId: null,
        justification: 'Malicious uploads found; stop them now.',
      },
    ]);
  });

  it('answers bad input and strangers with a clear 4xx, changing nothing', async () => {
    const before = await proposalCount();
    const unknownProposal = '0b7c4f52-3f0e-4c55-8a57-0d7c3b1f9e99';
    expect(
      (await call('POST', `/flags/proposals/${unknownProposal}/approve`, tokens.superAdmin))
        .statusCode,
    ).toBe(404);
    expect(
      (await call('POST', '/flags/proposals/not-a-uuid/approve', tokens.superAdmin)).statusCode,
    ).toBe(400);
    const shortReason = await propose(tokens.superAdmin, 'ENABLE_ADVANCED_SEARCH', {
      enabled: true,
      justification: 'short',
    });
    expect(shortReason.statusCode).toBe(400);
    expect(
      (
        await propose(tokens.superAdmin, 'NOT_A_FLAG', {
          enabled: true,
          justification: 'No such flag here.',
        })
      ).statusCode,
    ).toBe(404);
    const huge = await propose(tokens.superAdmin, 'SHOW_MAKER_SPOTLIGHT', {
      enabled: false,
      justification: 'x'.repeat(2_000_000),
    });
    expect(huge.statusCode).toBe(413);
    expect(
      (
        await propose(tokens.customer, 'SHOW_MAKER_SPOTLIGHT', {
          enabled: false,
          justification: 'I do not like it.',
        })
      ).statusCode,
    ).toBe(403);
    expect((await call('GET', '/flags/proposals', tokens.customer)).statusCode).toBe(403);
    expect((await call('GET', '/flags/proposals')).statusCode).toBe(401);
    expect(await proposalCount()).toBe(before);
  });
});
