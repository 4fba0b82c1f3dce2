import { makrcaveSchema, users } from '@makrx/db/schema';
import { sql } from 'drizzle-orm';
import { check, index, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { makerspaces } from '../makerspaces/tables';

/**
 * Invitations to join a makerspace (spec 4: membership is by invite only). The token itself
 * is mailed and never stored: only its SHA-256, so a copy of this table opens no makerspace.
 * Resending replaces the hash and the expiry, which kills the token mailed before.
 */
export const invites = makrcaveSchema.table(
  'invites',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    makerspaceId: uuid('makerspace_id')
      .notNull()
      .references(() => makerspaces.id, { onDelete: 'cascade' }),
    /** Lower case, compared with the signed-in account's email the same way. */
    email: text('email').notNull(),
    role: text('role', { enum: ['makerspace_admin', 'service_provider', 'member'] }).notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    usedBy: uuid('used_by').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    check(
      'invites_role_known',
      sql`${t.role} in ('makerspace_admin', 'service_provider', 'member')`,
    ),
    check('invites_email_lower_case', sql`${t.email} = lower(${t.email})`),
    check('invites_token_hash_shape', sql`${t.tokenHash} ~ '^[0-9a-f]{64}$'`),
    check('invites_used_or_revoked', sql`${t.usedAt} is null or ${t.revokedAt} is null`),
    index('invites_makerspace_idx').on(t.makerspaceId, t.createdAt),
  ],
);
