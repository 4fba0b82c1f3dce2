import { z } from 'zod';
import { pageOf, pageQuery } from './pagination';

export const profileHandle = z
  .string()
  .min(2)
  .max(32)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'a handle: lowercase letters, digits and dashes');

export const profileAchievement = z.object({
  key: z.string().min(1).max(80),
  title: z.string().min(1).max(120),
  earnedAt: z.iso.datetime(),
});
export type ProfileAchievement = z.infer<typeof profileAchievement>;

export const featuredProject = z.object({
  id: z.string().min(1).max(80),
  title: z.string().min(1).max(160),
  summary: z.string().max(500).default(''),
  makerspace: z.string().max(120).optional(),
});
export type FeaturedProject = z.infer<typeof featuredProject>;

export const makerProfile = z.object({
  /** The maker's account id, by which MakrCave lists their public projects. */
  userId: z.uuid(),
  handle: z.string(),
  displayName: z.string(),
  headline: z.string(),
  bio: z.string(),
  location: z.string(),
  skills: z.array(z.string()),
  featured: z.boolean(),
  joinedAt: z.iso.datetime(),
  achievements: z.array(profileAchievement),
  featuredProjects: z.array(featuredProject),
});
export type MakerProfile = z.infer<typeof makerProfile>;

export const profileListQuery = pageQuery.extend({
  featured: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});
export type ProfileListQuery = z.infer<typeof profileListQuery>;

/** Whether the signed-in user's profile is listed and shown to everyone (private until chosen). */
export const profileVisibility = z.object({ public: z.boolean() });
export type ProfileVisibility = z.infer<typeof profileVisibility>;

/** `GET /api/v1/me/profile`: the signed-in user's own profile as they manage it, public or not. */
export const ownProfile = z.object({
  handle: z.string(),
  displayName: z.string(),
  public: z.boolean(),
});
export type OwnProfile = z.infer<typeof ownProfile>;

export const profilePage = pageOf(makerProfile);
export type ProfilePage = z.infer<typeof profilePage>;

/** Spec 7, MakrCave → MakrX.org: a maker's achievements and project highlights. */
export const profileSyncRequest = z.object({
  user_id: z.uuid(),
  achievements: z.array(profileAchievement).max(200),
  featured_projects: z.array(featuredProject).max(20),
});
export type ProfileSyncRequest = z.infer<typeof profileSyncRequest>;

export const profileSyncResult = z.object({ userId: z.uuid(), syncedAt: z.iso.datetime() });
export type ProfileSyncResult = z.infer<typeof profileSyncResult>;
