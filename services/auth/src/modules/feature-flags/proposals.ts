import type {
  FeatureFlag,
  FlagChangeProposal,
  FlagChangeProposalInput,
  FlagProposalQuery,
  FlagSettings,
} from '@makrx/contracts';
import { recordAudit, violates, type Database } from '@makrx/db';
import { users } from '@makrx/db/schema';
import { AppError, conflict, notFound, requestNotification } from '@makrx/service-kit';
import { and, desc, eq, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { accountsHoldingRoles } from '../identity/service';
import { decisionRefusal, governance, proposalRefusal, type FlagActor } from './governance';
import { impactOf } from './impact';
import { applyFlagSettings, findFlag, type Change } from './service';
import { flagChangeProposals } from './tables';

/*
 * Spec 5, "Flag Change Process": propose (with a justification and the users it affects), then
 * another admin of the right level approves (the change takes effect) or rejects it with a
 * reason; the proposer may withdraw it while it is open. The database refuses a second open
 * proposal for a flag and a decision by the proposer; a decision is a conditional update of an
 * open row, so of two racing approvals exactly one applies the change.
 */

type ProposalRow = typeof flagChangeProposals.$inferSelect;

const settingsOf = (flag: FeatureFlag): FlagSettings => ({
  enabled: flag.enabled,
  rolloutPercentage: flag.rolloutPercentage,
  targeting: flag.targeting,
});

const sameSettings = (a: FlagSettings, b: FlagSettings) =>
  a.enabled === b.enabled &&
  a.rolloutPercentage === b.rolloutPercentage &&
  JSON.stringify(a.targeting) === JSON.stringify(b.targeting);

const proposer = alias(users, 'proposer');
const decider = alias(users, 'decider');

async function readProposals(
  db: Database,
  actor: FlagActor,
  where: SQL | undefined,
): Promise<FlagChangeProposal[]> {
  const rows = await db
    .select({
      proposal: flagChangeProposals,
      proposedByName: proposer.displayName,
      decidedByName: decider.displayName,
    })
    .from(flagChangeProposals)
    .leftJoin(proposer, eq(proposer.id, flagChangeProposals.proposedBy))
    .leftJoin(decider, eq(decider.id, flagChangeProposals.decidedBy))
    .where(where)
    .orderBy(desc(flagChangeProposals.proposedAt), desc(flagChangeProposals.id))
    .limit(200);
  const flags = new Map<string, FeatureFlag>();
  const out: FlagChangeProposal[] = [];
  for (const row of rows) {
    const key = row.proposal.flagKey;
    if (!flags.has(key)) flags.set(key, await findFlag(db, key));
    out.push(present(row, flags.get(key)!, actor));
  }
  return out;
}

function present(
  row: { proposal: ProposalRow; proposedByName: string | null; decidedByName: string | null },
  flag: FeatureFlag,
  actor: FlagActor,
): FlagChangeProposal {
  const { proposal } = row;
  const mayDecide =
    proposal.status === 'open' &&
    proposal.proposedBy !== actor.caller.userId &&
    decisionRefusal(actor.caller, flag) === null;
  return {
    id: proposal.id,
    flagKey: proposal.flagKey,
    flagName: flag.name,
    status: proposal.status,
    proposedBy: proposal.proposedBy,
    proposedByName: row.proposedByName,
    proposedAt: proposal.proposedAt.toISOString(),
    justification: proposal.justification,
    before: proposal.before,
    after: proposal.after,
    affectedUsers: proposal.affectedUsers,
    audienceUsers: proposal.audienceUsers,
    decidedBy: proposal.decidedBy,
    decidedByName: row.decidedByName,
    decidedAt: proposal.decidedAt?.toISOString() ?? null,
    decisionReason: proposal.decisionReason,
    appliedAt: proposal.status === 'approved' ? (proposal.decidedAt?.toISOString() ?? null) : null,
    mayDecide,
    mine: proposal.proposedBy === actor.caller.userId,
  };
}

export async function listProposals(
  db: Database,
  actor: FlagActor,
  query: FlagProposalQuery,
): Promise<FlagChangeProposal[]> {
  const conditions: SQL[] = [];
  if (query.status) conditions.push(eq(flagChangeProposals.status, query.status));
  if (query.flagKey) conditions.push(eq(flagChangeProposals.flagKey, query.flagKey));
  return readProposals(db, actor, conditions.length ? and(...conditions) : undefined);
}

async function findProposal(db: Database, actor: FlagActor, id: string) {
  const [found] = await readProposals(db, actor, eq(flagChangeProposals.id, id));
  if (!found) throw notFound('That change proposal');
  return found;
}

/** Super admins and the admins of the flag's domain, except whoever proposed it. */
async function approversOf(db: Database, flag: FeatureFlag, proposedBy: string) {
  const ids = await accountsHoldingRoles(
    db,
    flag.domain ? ['super_admin', `admin:${flag.domain}`] : ['super_admin'],
  );
  return ids.filter((id) => id !== proposedBy);
}

export async function proposeFlagChange(
  db: Database,
  key: string,
  input: FlagChangeProposalInput,
  change: Change,
): Promise<FlagChangeProposal> {
  const flag = await findFlag(db, key);
  const refusal = proposalRefusal(change.actor.caller, flag);
  if (refusal) throw governance(refusal);
  const before = settingsOf(flag);
  const after: FlagSettings = {
    enabled: input.enabled ?? before.enabled,
    rolloutPercentage: input.rolloutPercentage ?? before.rolloutPercentage,
    targeting: input.targeting ?? before.targeting,
  };
  if (sameSettings(before, after))
    throw new AppError(422, 'FLAG_PROPOSAL_NO_CHANGE', 'These are the flag’s settings already.');
  const impact = await impactOf(db, before, after);
  const approvers = await approversOf(db, flag, change.actor.caller.userId);
  const proposerName = change.actor.caller.name ?? change.actor.caller.username;
  let id: string;
  try {
    id = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(flagChangeProposals)
        .values({
          flagKey: key,
          proposedBy: change.actor.caller.userId,
          justification: input.justification,
          before,
          after,
          ...impact,
        })
        .returning({ id: flagChangeProposals.id });
      await recordAudit(tx, {
        service: 'auth',
        action: 'feature_flag.change_proposed',
        entityType: 'feature_flag',
        entityId: key,
        actorId: change.actor.caller.userId,
        before,
        after: { ...after, justification: input.justification, ...impact, proposalId: row!.id },
        requestId: change.requestId,
      });
      for (const userId of approvers) {
        await requestNotification(tx, 'auth', {
          userId,
          kind: 'flags.change_proposed',
          title: `${proposerName} proposes a change to “${flag.name}”`,
          body: `${input.justification} It affects about ${impact.affectedUsers} of ${impact.audienceUsers} users. Approve or reject it under Feature flags.`,
          link: null,
        });
      }
      return row!.id;
    });
  } catch (err) {
    if (violates(err, '23505', 'flag_change_proposals_one_open'))
      throw conflict(
        'FLAG_PROPOSAL_OPEN',
        'This flag already has an open change proposal; it must be decided or withdrawn first.',
      );
    throw err;
  }
  return findProposal(db, change.actor, id);
}

export type Decision = { approve: true } | { approve: false; reason: string };

const alreadyDecided = () =>
  conflict('FLAG_PROPOSAL_DECIDED', 'This proposal was already approved, rejected or withdrawn.');

/**
 * Approves (the change takes effect in the same transaction) or rejects a proposal. Only an admin
 * who may change the flag for everyone, and who did not propose it.
 */
export async function decideProposal(
  db: Database,
  id: string,
  decision: Decision,
  change: Change,
): Promise<FlagChangeProposal> {
  const proposal = await findProposal(db, change.actor, id);
  const deciderId = change.actor.caller.userId;
  if (proposal.proposedBy === deciderId)
    throw new AppError(
      403,
      'FLAG_SELF_APPROVAL',
      'Another admin must approve or reject your proposal; you may withdraw it.',
    );
  const refusal = decisionRefusal(change.actor.caller, await findFlag(db, proposal.flagKey));
  if (refusal) throw governance(refusal);
  if (proposal.status !== 'open') throw alreadyDecided();

  await db.transaction(async (t) => {
    const tx = t as unknown as Database;
    const openRow = and(eq(flagChangeProposals.id, id), eq(flagChangeProposals.status, 'open'));
    if (decision.approve) {
      // The flag's row is locked first by every approval, then the conditional update picks
      // the one winner; the loser's applied change rolls back with its transaction.
      const changeId = await applyFlagSettings(
        tx,
        proposal.flagKey,
        { ...proposal.after, justification: proposal.justification },
        change,
        false,
      );
      const won = await tx
        .update(flagChangeProposals)
        .set({
          status: 'approved',
          decidedBy: deciderId,
          decidedAt: new Date(),
          appliedChangeId: changeId,
        })
        .where(openRow)
        .returning({ id: flagChangeProposals.id });
      if (won.length === 0) throw alreadyDecided();
    } else {
      const won = await tx
        .update(flagChangeProposals)
        .set({
          status: 'rejected',
          decidedBy: deciderId,
          decidedAt: new Date(),
          decisionReason: decision.reason,
        })
        .where(openRow)
        .returning({ id: flagChangeProposals.id });
      if (won.length === 0) throw alreadyDecided();
    }
    await recordAudit(tx, {
      service: 'auth',
      action: decision.approve ? 'feature_flag.change_approved' : 'feature_flag.change_rejected',
      entityType: 'feature_flag',
      entityId: proposal.flagKey,
      actorId: deciderId,
      before: { proposalId: id, status: 'open' },
      after: {
        proposalId: id,
        status: decision.approve ? 'approved' : 'rejected',
        ...(decision.approve ? {} : { reason: decision.reason }),
      },
      requestId: change.requestId,
    });
  });
  return findProposal(db, change.actor, id);
}

/** The proposer takes back their open proposal. */
export async function withdrawProposal(
  db: Database,
  id: string,
  change: Change,
): Promise<FlagChangeProposal> {
  const proposal = await findProposal(db, change.actor, id);
  if (proposal.proposedBy !== change.actor.caller.userId)
    throw governance('Only the admin who proposed a change may withdraw it.');
  await db.transaction(async (tx) => {
    const won = await tx
      .update(flagChangeProposals)
      .set({ status: 'withdrawn', decidedBy: change.actor.caller.userId, decidedAt: new Date() })
      .where(and(eq(flagChangeProposals.id, id), eq(flagChangeProposals.status, 'open')))
      .returning({ id: flagChangeProposals.id });
    if (won.length === 0) throw alreadyDecided();
    await recordAudit(tx, {
      service: 'auth',
      action: 'feature_flag.change_withdrawn',
      entityType: 'feature_flag',
      entityId: proposal.flagKey,
      actorId: change.actor.caller.userId,
      before: { proposalId: id, status: 'open' },
      after: { proposalId: id, status: 'withdrawn' },
      requestId: change.requestId,
    });
  });
  return findProposal(db, change.actor, id);
}

/** A flag's proposals for its history, newest first. */
export const proposalsOfFlag = (db: Database, actor: FlagActor, key: string) =>
  readProposals(db, actor, eq(flagChangeProposals.flagKey, key));
