import { z } from 'zod';
import { pageOf, pageQuery } from './pagination';
import { photo } from './photos';

export const projectVisibility = z.enum(['public', 'private']);
export type ProjectVisibility = z.infer<typeof projectVisibility>;

/** What a person may do on one project: its owner, or a collaborator the owner invited. */
export const projectRole = z.enum(['owner', 'editor', 'viewer']);
export type ProjectRole = z.infer<typeof projectRole>;

export const projectStatus = z.enum(['idea', 'in_progress', 'completed']);
export type ProjectStatus = z.infer<typeof projectStatus>;

export const projectSlug = z
  .string()
  .min(2)
  .max(120)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'a slug: lowercase letters, digits and dashes');

export const projectSummary = z.object({
  id: z.uuid(),
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  tags: z.array(z.string()),
  visibility: projectVisibility,
  status: projectStatus,
  /** The maker's MakrX.org profile is at `/makers/<handle>` on the gateway. */
  owner: z.object({ displayName: z.string(), handle: z.string() }),
  makerspace: z.object({ slug: z.string(), name: z.string() }).nullable(),
  /** The first photo of the project's album, shown instead of a gradient; null without one. */
  coverPhoto: photo.nullable(),
  updatedAt: z.iso.datetime(),
});
export type ProjectSummary = z.infer<typeof projectSummary>;

export const project = projectSummary.extend({
  /** As the maker wrote it, in Markdown. */
  description: z.string(),
  /** The description rendered and sanitized on the server: safe to put in a page as it is. */
  descriptionHtml: z.string(),
  completedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  /** True when the caller owns the project (and may see it while it is private). */
  ownedByCaller: z.boolean(),
  /** The caller's role on the project; null for a guest or a stranger reading a public one. */
  callerRole: projectRole.nullable(),
});
export type Project = z.infer<typeof project>;

const projectTag = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[^,#/?]+$/, 'a tag without , # / or ?');

/** What a maker writes about a project; the slug comes from the title and never changes. */
const projectFields = {
  title: z.string().trim().min(3).max(120),
  summary: z.string().trim().max(300),
  description: z.string().max(20_000),
  tags: z
    .array(projectTag)
    .max(12)
    .refine(
      (tags) => new Set(tags.map((t) => t.toLowerCase())).size === tags.length,
      'each tag once',
    ),
  status: projectStatus,
  /** The makerspace it is built at: one the maker belongs to, or null for none. */
  makerspace: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .max(120)
    .nullable(),
};

export const newProject = z.strictObject({
  ...projectFields,
  summary: projectFields.summary.default(''),
  description: projectFields.description.default(''),
  tags: projectFields.tags.default([]),
  status: projectFields.status.default('idea'),
  visibility: projectVisibility.default('private'),
  makerspace: projectFields.makerspace.default(null),
});
export type NewProject = z.input<typeof newProject>;

/** An editor's change: any of the fields, at least one. Visibility is the owner's alone. */
export const projectChange = z
  .strictObject({
    title: projectFields.title.optional(),
    summary: projectFields.summary.optional(),
    description: projectFields.description.optional(),
    tags: projectFields.tags.optional(),
    status: projectFields.status.optional(),
    makerspace: projectFields.makerspace.optional(),
  })
  .refine((change) => Object.keys(change).length > 0, 'name at least one field to change');
export type ProjectChange = z.infer<typeof projectChange>;

export const projectVisibilityChange = z.strictObject({ visibility: projectVisibility });

/** A project of mine: one I own or collaborate on, with my role on it. */
export const myProject = projectSummary.extend({ role: projectRole });
export type MyProject = z.infer<typeof myProject>;
export const myProjectList = z.object({ items: z.array(myProject) });
export type MyProjectList = z.infer<typeof myProjectList>;

/** One line of a project's activity log. */
export const projectActivityEntry = z.object({
  id: z.number().int(),
  action: z.string(),
  summary: z.string(),
  actor: z.object({ displayName: z.string(), handle: z.string() }).nullable(),
  at: z.iso.datetime(),
});
export type ProjectActivityEntry = z.infer<typeof projectActivityEntry>;
export const projectActivityList = z.object({ items: z.array(projectActivityEntry) });
export type ProjectActivityList = z.infer<typeof projectActivityList>;

export const projectListQuery = pageQuery.extend({
  tag: z.string().min(1).max(40).optional(),
  /** One maker's public projects (their user id), as their MakrX.org profile lists them. */
  owner: z.uuid().optional(),
});
export type ProjectListQuery = z.infer<typeof projectListQuery>;

export const projectPage = pageOf(projectSummary);
export type ProjectPage = z.infer<typeof projectPage>;

/** A description to preview as the page will show it. */
export const descriptionPreviewRequest = z.strictObject({ description: z.string().max(20_000) });
export const descriptionPreview = z.object({ descriptionHtml: z.string() });
export type DescriptionPreview = z.infer<typeof descriptionPreview>;

/** A username, as MakrX.org shows it in a profile's address. */
export const userHandle = z
  .string()
  .trim()
  .min(1)
  .max(80)
  .regex(/^[A-Za-z0-9._-]+$/, 'a handle: letters, digits, dots, dashes and underscores');

export const collaboratorRole = z.enum(['editor', 'viewer']);
export type CollaboratorRole = z.infer<typeof collaboratorRole>;

/** Someone the owner invited to a project, and whether they accepted. */
export const projectCollaborator = z.object({
  handle: z.string(),
  displayName: z.string(),
  role: collaboratorRole,
  status: z.enum(['invited', 'accepted']),
  invitedAt: z.iso.datetime(),
  acceptedAt: z.iso.datetime().nullable(),
});
export type ProjectCollaborator = z.infer<typeof projectCollaborator>;
export const projectCollaboratorList = z.object({ items: z.array(projectCollaborator) });
export type ProjectCollaboratorList = z.infer<typeof projectCollaboratorList>;

export const collaboratorInvitation = z.strictObject({
  handle: userHandle,
  role: collaboratorRole,
});
export type CollaboratorInvitation = z.infer<typeof collaboratorInvitation>;
export const collaboratorRoleChange = z.strictObject({ role: collaboratorRole });

/** An invitation waiting for my answer. */
export const projectInvitation = z.object({
  project: z.object({ slug: z.string(), title: z.string() }),
  role: collaboratorRole,
  invitedBy: z.object({ displayName: z.string(), handle: z.string() }).nullable(),
  invitedAt: z.iso.datetime(),
});
export type ProjectInvitation = z.infer<typeof projectInvitation>;
export const projectInvitationList = z.object({ items: z.array(projectInvitation) });
export type ProjectInvitationList = z.infer<typeof projectInvitationList>;

/** What a project's file is, judged from its name and bytes on upload. */
export const projectFileKind = z.enum(['model', 'drawing', 'document', 'image', 'archive']);
export type ProjectFileKind = z.infer<typeof projectFileKind>;

/** A file kept with a project (models, drawings, documents); downloaded by a signed link. */
export const projectFile = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: projectFileKind,
  contentType: z.string(),
  byteSize: z.number().int(),
  uploadedBy: z.object({ displayName: z.string(), handle: z.string() }).nullable(),
  createdAt: z.iso.datetime(),
});
export type ProjectFile = z.infer<typeof projectFile>;
export const projectFileList = z.object({ items: z.array(projectFile) });
export type ProjectFileList = z.infer<typeof projectFileList>;

/** A link that downloads one file until it expires. */
export const projectFileLink = z.object({ url: z.string(), expiresAt: z.iso.datetime() });
export type ProjectFileLink = z.infer<typeof projectFileLink>;
