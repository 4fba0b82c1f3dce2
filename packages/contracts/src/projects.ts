import { z } from 'zod';
import { pageOf, pageQuery } from './pagination';

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
  owner: z.object({ displayName: z.string() }),
  makerspace: z.object({ slug: z.string(), name: z.string() }).nullable(),
  updatedAt: z.iso.datetime(),
});
export type ProjectSummary = z.infer<typeof projectSummary>;

export const project = projectSummary.extend({
  description: z.string(),
  createdAt: z.iso.datetime(),
  /** True when the caller owns the project (and may see it while it is private). */
  ownedByCaller: z.boolean(),
});
export type Project = z.infer<typeof project>;

export const projectListQuery = pageQuery.extend({
  tag: z.string().min(1).max(40).optional(),
  /** One maker's public projects (their user id), as their MakrX.org profile lists them. */
  owner: z.uuid().optional(),
});
export type ProjectListQuery = z.infer<typeof projectListQuery>;

export const projectPage = pageOf(projectSummary);
export type ProjectPage = z.infer<typeof projectPage>;
