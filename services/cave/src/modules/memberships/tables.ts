import { makrcaveSchema, users } from '@makrx/db/schema';
import { sql } from 'drizzle-orm';
import { check, index, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { makerspaces } from '../makerspaces/tables';

/**
 * Who belongs to which makerspace, and as what (spec 4: a user can hold different roles in
 * several makerspaces). Makerspace roles live here, never in tokens. A row comes only from an
 * accepted invite (the invites module), the opening of a makerspace (its creator becomes its
 * admin) or the demo data: nobody else joins without an invite.
 */
export const memberships = makrcaveSchema.table(
  'memberships',
  {
    makerspaceId: uuid('makerspace_id')
      .notNull()
      .references(() => makerspaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['makerspace_admin', 'service_provider', 'member'] }).notNull(),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set while an admin has suspended the member: they keep their place but hold no role. */
    suspendedAt: timestamp('suspended_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.makerspaceId, t.userId, t.role] }),
    check(
      'memberships_role_known',
      sql`${t.role} in ('makerspace_admin', 'service_provider', 'member')`,
    ),
    index('memberships_user_idx').on(t.userId),
  ],
);
