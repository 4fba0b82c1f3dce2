import { authSchema, featureFlagChanges, featureFlags, users } from '@makrx/db/schema';
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** The settings a proposal would give a flag for everyone. */
export interface ProposedSettings {
  enabled: boolean;
  rolloutPercentage: number;
  targeting: { roles?: string[]; makerspaceIds?: string[] };
}

/**
 * Spec 5, "Flag Change Process": a change to a flag's settings for everyone is proposed with a
 * justification and the number of users it affects, and takes effect only when an admin of the
 * right level other than the proposer approves it. The database keeps the rules a race could
 * break: one open proposal per flag, and never approved or rejected by its own proposer.
 */
export const flagChangeProposals = authSchema.table(
  'flag_change_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    flagKey: text('flag_key')
      .notNull()
      .references(() => featureFlags.key),
    status: text('status', { enum: ['open', 'approved', 'rejected', 'withdrawn'] })
      .notNull()
      .default('open'),
    proposedBy: uuid('proposed_by')
      .notNull()
      .references(() => users.id),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull().defaultNow(),
    justification: text('justification').notNull(),
    before: jsonb('before').$type<ProposedSettings>().notNull(),
    after: jsonb('after').$type<ProposedSettings>().notNull(),
    /** Users whose answer for the flag may change, and the accounts it was counted among. */
    affectedUsers: integer('affected_users').notNull(),
    audienceUsers: integer('audience_users').notNull(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
    appliedChangeId: bigint('applied_change_id', { mode: 'number' }).references(
      () => featureFlagChanges.id,
    ),
  },
  (t) => [
    uniqueIndex('flag_change_proposals_one_open')
      .on(t.flagKey)
      .where(sql`${t.status} = 'open'`),
    index('flag_change_proposals_flag_idx').on(t.flagKey, t.proposedAt),
    check(
      'flag_change_proposals_status',
      sql`${t.status} in ('open', 'approved', 'rejected', 'withdrawn')`,
    ),
    check('flag_change_proposals_justification', sql`length(${t.justification}) >= 10`),
    check(
      'flag_change_proposals_counts',
      sql`${t.affectedUsers} >= 0 and ${t.affectedUsers} <= ${t.audienceUsers}`,
    ),
    // Approved or rejected by someone else; a proposer may only withdraw their own.
    check(
      'flag_change_proposals_other_decider',
      sql`${t.status} in ('open', 'withdrawn') or ${t.decidedBy} <> ${t.proposedBy}`,
    ),
    check(
      'flag_change_proposals_decided',
      sql`(${t.status} = 'open') = (${t.decidedAt} is null)
        and (${t.status} <> 'rejected' or ${t.decisionReason} is not null)
        and (${t.status} = 'approved') = (${t.appliedChangeId} is not null)`,
    ),
  ],
);
