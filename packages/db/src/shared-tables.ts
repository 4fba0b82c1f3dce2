import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * The tables every service may write (spec section 7, "Shared Tables").
 * Domain tables live with the module that owns them, under services/<name>/src/modules.
 */

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    emailVerified: boolean('email_verified').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * When its owner deleted the account: the row stays, anonymised, for the records the law
     * keeps (orders, invoices, the audit log point at it), and every service refuses its tokens.
     */
    erasedAt: timestamp('erased_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('users_email_lower_key').on(sql`lower(${t.email})`),
    uniqueIndex('users_username_key').on(t.username),
    check('users_email_shape', sql`${t.email} ~ '^[^@\\s]+@[^@\\s]+$'`),
  ],
);

export const featureFlags = pgTable(
  'feature_flags',
  {
    key: text('key').primaryKey(),
    /** What people call it ("Maker spotlight"); the key stays what code reads. */
    name: text('name').notNull().default(''),
    scope: text('scope', { enum: ['global', 'domain', 'makerspace'] }).notNull(),
    domain: text('domain', { enum: ['org', 'cave', 'store'] }),
    description: text('description').notNull(),
    enabled: boolean('enabled').notNull().default(false),
    rolloutPercentage: integer('rollout_percentage').notNull().default(100),
    /** `{ roles?: string[]; makerspaceIds?: string[] }`; empty lists target everyone. */
    targeting: jsonb('targeting')
      .$type<{ roles?: string[]; makerspaceIds?: string[] }>()
      .notNull()
      .default({}),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [
    check('feature_flags_scope_domain', sql`(${t.scope} = 'global') = (${t.domain} is null)`),
    check('feature_flags_rollout_range', sql`${t.rolloutPercentage} between 0 and 100`),
  ],
);

/** Every change of a flag (spec 5, "Flag Governance"): who, when, before, after and why. */
export const featureFlagChanges = pgTable(
  'feature_flag_changes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    flagKey: text('flag_key')
      .notNull()
      .references(() => featureFlags.key),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
    changedBy: uuid('changed_by').references(() => users.id),
    justification: text('justification').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    /** Applied at once by a super admin, without the change process (spec 5). */
    emergency: boolean('emergency').notNull().default(false),
  },
  (t) => [
    index('feature_flag_changes_flag_idx').on(t.flagKey, t.changedAt),
    check('feature_flag_changes_justification', sql`length(${t.justification}) >= 10`),
  ],
);

/** A makerspace's own on/off for a flag, winning over targeting and rollout there. */
export const featureFlagMakerspaceOverrides = pgTable(
  'feature_flag_makerspace_overrides',
  {
    flagKey: text('flag_key')
      .notNull()
      .references(() => featureFlags.key),
    makerspaceId: uuid('makerspace_id').notNull(),
    enabled: boolean('enabled').notNull(),
  },
  (t) => [primaryKey({ columns: [t.flagKey, t.makerspaceId] })],
);

export const auditLogs = pgTable(
  'audit_logs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    service: text('service').notNull(),
    actorId: uuid('actor_id').references(() => users.id),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    /**
     * The seal (packages/db/src/audit-sequencer.ts): the row's place in the hash chain, the
     * previous row's hash and this row's. All three are null until the sequencer seals the
     * committed row, then all three are set, once (the audit_logs_sealed_whole check and the
     * append-only trigger, in the audit_log_sealing migration).
     */
    chainPosition: bigint('chain_position', { mode: 'number' }),
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [
    index('audit_logs_entity_idx').on(t.entityType, t.entityId),
    index('audit_logs_actor_idx').on(t.actorId),
    index('audit_logs_occurred_idx').on(t.occurredAt),
    index('audit_logs_action_idx').on(t.action),
    // The chain walks sealed rows only; the sequencer polls the unsealed ones, a small index
    // since rows leave it within seconds of commit.
    uniqueIndex('audit_logs_chain_position_key')
      .on(t.chainPosition)
      .where(sql`${t.chainPosition} is not null`),
    index('audit_logs_unsealed_idx')
      .on(t.id)
      .where(sql`${t.chainPosition} is null`),
  ],
);

/** Which one-time seeds have run, so a restart never re-creates what an admin deleted. */
export const seedRuns = pgTable('seed_runs', {
  name: text('name').primaryKey(),
  ranAt: timestamp('ran_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The dev mailbox: with SMTP_URL unset, @makrx/mailer stores each mail here instead of sending
 * it, and the auth service lists it at GET /dev/mail (embedded mode only).
 */
export const devMail = pgTable(
  'dev_mail',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
    // Orders mails sent within one clock tick (PGlite's clock has millisecond resolution).
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    toAddress: text('to_address').notNull(),
    fromAddress: text('from_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body'),
    kind: text('kind').notNull(),
  },
  // A developer looks up the mail of one recipient, newest first, whatever case they typed.
  (t) => [
    index('dev_mail_to_sent_idx').on(sql`lower(${t.toAddress})`, t.sentAt.desc(), t.seq.desc()),
  ],
);
