import { makrcaveSchema, users } from '@makrx/db/schema';
import { sql, type SQL } from 'drizzle-orm';
import {
  bigserial,
  check,
  index,
  integer,
  jsonb,
  primaryKey,
  text,
  timestamp,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { photoColumns, photoConstraints } from '../../photo-album-tables';
import { makerspaces } from '../makerspaces/tables';

/**
 * A maker's project (spec 3, MakrCave "Project tracking and collaboration"). Public projects
 * are what guests see (spec 4, "View sample projects"); private ones only their owner.
 * Bills of materials and collaborators hang off `projects.id` in their own tables.
 */
export const projects = makrcaveSchema.table(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    description: text('description').notNull().default(''),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Where the project is built, if at a makerspace. */
    makerspaceId: uuid('makerspace_id').references(() => makerspaces.id, { onDelete: 'set null' }),
    visibility: text('visibility', { enum: ['public', 'private'] })
      .notNull()
      .default('private'),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    status: text('status', { enum: ['idea', 'in_progress', 'completed'] })
      .notNull()
      .default('idea'),
    /** When it was last marked completed; cleared when it is reopened. */
    completedAt: timestamp('completed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('projects_slug_shape', sql`${t.slug} ~ '^[a-z0-9][a-z0-9-]*$'`),
    check('projects_visibility_known', sql`${t.visibility} in ('public', 'private')`),
    check('projects_status_known', sql`${t.status} in ('idea', 'in_progress', 'completed')`),
    check(
      'projects_completed_when_completed',
      sql`(${t.status} = 'completed') = (${t.completedAt} is not null)`,
    ),
    index('projects_owner_idx').on(t.ownerId),
    index('projects_makerspace_idx').on(t.makerspaceId),
    index('projects_public_updated_idx')
      .on(t.updatedAt)
      .where(sql`${t.visibility} = 'public'`),
    index('projects_search_idx').using('gin', projectSearchDocument(t)),
  ],
);

/**
 * The words a project is found by, weighted title > tags > summary > description. The search
 * query repeats this expression so PostgreSQL answers it from `projects_search_idx`.
 */
export function projectSearchDocument(
  t: Record<'title' | 'tags' | 'summary' | 'description', AnyPgColumn>,
): SQL {
  return sql`(setweight(to_tsvector('english', ${t.title}), 'A') || setweight(to_tsvector('english', public.search_words(${t.tags})), 'B') || setweight(to_tsvector('english', ${t.summary}), 'C') || setweight(to_tsvector('english', ${t.description}), 'D'))`;
}

/**
 * The people a project's owner invited by handle (ENABLE_PROJECT_COLLABORATION), as editors
 * or viewers; an invitation counts once the invitee accepts it. The owner is
 * `projects.owner_id`, never a row here.
 */
export const projectCollaborators = makrcaveSchema.table(
  'project_collaborators',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['editor', 'viewer'] }).notNull(),
    status: text('status', { enum: ['invited', 'accepted'] })
      .notNull()
      .default('invited'),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    invitedAt: timestamp('invited_at', { withTimezone: true }).notNull().defaultNow(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.userId] }),
    check('project_collaborators_role_known', sql`${t.role} in ('editor', 'viewer')`),
    check('project_collaborators_status_known', sql`${t.status} in ('invited', 'accepted')`),
    check(
      'project_collaborators_accepted_when_accepted',
      sql`(${t.status} = 'accepted') = (${t.acceptedAt} is not null)`,
    ),
    index('project_collaborators_user_idx').on(t.userId),
  ],
);

/**
 * What happened to a project, by whom (its activity log): edits, status changes, files,
 * collaborators, BOM items and orders. Written in the transaction of the change it records.
 */
export const projectActivity = makrcaveSchema.table(
  'project_activity',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** Who did it; null for the system (a Store order update, say). */
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    /** A dotted name such as `project.updated`, `bom.item-added`, `bom.items-ordered`. */
    action: text('action').notNull(),
    /** One sentence a person reads in the log ("Marked 3 items ordered (order MX-1042)"). */
    summary: text('summary').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('project_activity_project_idx').on(t.projectId, t.at),
    check('project_activity_action_shape', sql`${t.action} ~ '^[a-z]+(\\.[a-z-]+)+$'`),
  ],
);

/**
 * A project's photos (photo-albums.ts): the first is its cover, the rest its gallery. Its
 * editors change them; whoever may see the project sees them.
 */
export const projectPhotos = makrcaveSchema.table(
  'project_photos',
  photoColumns('project_id', () => projects.id),
  (t) => photoConstraints('project_photos', 'project', t),
);

/**
 * Files kept with a project: 3D models, drawings, documents. The bytes are in the private
 * uploads bucket under `storageKey` and are downloaded by signed links; the row says what they
 * are, as judged on upload.
 */
export const projectFiles = makrcaveSchema.table(
  'project_files',
  {
    id: uuid('id').primaryKey(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['model', 'drawing', 'document', 'image', 'archive'] }).notNull(),
    storageKey: text('storage_key').notNull().unique(),
    contentType: text('content_type').notNull(),
    byteSize: integer('byte_size').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'project_files_kind_known',
      sql`${t.kind} in ('model', 'drawing', 'document', 'image', 'archive')`,
    ),
    check('project_files_size_limit', sql`${t.byteSize} between 1 and 52428800`),
    check('project_files_name_length', sql`char_length(${t.name}) between 1 and 200`),
    index('project_files_project_idx').on(t.projectId, t.createdAt),
  ],
);
