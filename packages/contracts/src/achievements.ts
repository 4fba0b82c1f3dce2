import { z } from 'zod';

/*
 * Milestones a maker reaches in MakrCave (a first booking, a tenth, a first print order, each
 * completed public project) and the public projects they choose to feature. The cave records
 * both and sends them to MakrX.org (`POST /api/v1/profiles/sync`, spec 7), whose profile shows them.
 */

export const myAchievement = z.object({
  key: z.string(),
  title: z.string(),
  earnedAt: z.iso.datetime(),
  /** The project a per-project achievement is about, while the caller may see it. */
  project: z.object({ slug: z.string(), title: z.string() }).nullable(),
});
export type MyAchievement = z.infer<typeof myAchievement>;

export const myAchievements = z.object({ items: z.array(myAchievement) });
export type MyAchievements = z.infer<typeof myAchievements>;

/** At most this many projects are featured on a profile. */
export const MAX_FEATURED_PROJECTS = 6;

export const featuredProjectsChoice = z.object({
  /** The caller's own public projects, in the order the profile shows them. */
  projectIds: z
    .array(z.uuid())
    .max(MAX_FEATURED_PROJECTS)
    .refine((ids) => new Set(ids).size === ids.length, 'each project once'),
});
export type FeaturedProjectsChoice = z.infer<typeof featuredProjectsChoice>;

export const myFeaturedProjects = z.object({
  items: z.array(z.object({ id: z.uuid(), slug: z.string(), title: z.string() })),
});
export type MyFeaturedProjects = z.infer<typeof myFeaturedProjects>;
