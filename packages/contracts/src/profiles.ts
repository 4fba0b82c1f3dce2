import { z } from 'zod';
import { makerspaceRole } from './makerspace-memberships';
import { pageOf, pageQuery } from './pagination';
import { profileLimits } from './profile-limits';

export { MAX_AVATAR_BYTES, profileLimits } from './profile-limits';

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

/** A link a maker shows on their profile: their site, a repository, a shop (http or https only). */
export const profileLink = z.object({
  label: z.string().trim().min(1).max(profileLimits.linkLabel),
  url: z
    .url({ protocol: /^https?$/, hostname: z.regexes.domain })
    .max(profileLimits.linkUrl)
    .describe('an http(s) address'),
});
export type ProfileLink = z.infer<typeof profileLink>;

/** A maker's picture, resized to squares: 512 px for the page, 128 px for cards and menus. */
export const profileAvatar = z.object({ large: z.string(), small: z.string() });
export type ProfileAvatar = z.infer<typeof profileAvatar>;

export const makerProfile = z.object({
  /** The maker's account id, by which MakrCave lists their public projects. */
  userId: z.uuid(),
  handle: z.string(),
  displayName: z.string(),
  headline: z.string(),
  bio: z.string(),
  /** The bio's Markdown as sanitized HTML, to show as it is. */
  bioHtml: z.string(),
  location: z.string(),
  skills: z.array(z.string()),
  links: z.array(profileLink),
  /** Paths on the auth API (`/media/avatars/…`); null when the maker has none. */
  avatar: profileAvatar.nullable(),
  featured: z.boolean(),
  joinedAt: z.iso.datetime(),
  achievements: z.array(profileAchievement),
  featuredProjects: z.array(featuredProject),
});
export type MakerProfile = z.infer<typeof makerProfile>;

/** A makerspace a maker is an active member of, as MakrCave lists it (decision 0029). */
export const profileMakerspace = z.object({
  slug: z.string(),
  name: z.string(),
  roles: z.array(makerspaceRole),
});
export type ProfileMakerspace = z.infer<typeof profileMakerspace>;

/**
 * `GET /api/v1/profiles/:handle`: the profile and the maker's makerspaces; `makerspaces` is
 * null when MakrCave did not answer (the profile is shown without them).
 */
export const makerProfileDetail = makerProfile.extend({
  makerspaces: z.array(profileMakerspace).nullable(),
});
export type MakerProfileDetail = z.infer<typeof makerProfileDetail>;

export const profileListQuery = pageQuery.extend({
  featured: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  /** Makers listing this skill (any case). */
  skill: z.string().trim().min(1).max(profileLimits.skill).optional(),
  /** Makers in this city: the part of their location before the first comma (any case). */
  city: z.string().trim().min(1).max(profileLimits.location).optional(),
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
  headline: z.string(),
  bio: z.string(),
  location: z.string(),
  skills: z.array(z.string()),
  links: z.array(profileLink),
  avatar: profileAvatar.nullable(),
});
export type OwnProfile = z.infer<typeof ownProfile>;

const skill = z.string().trim().min(1).max(profileLimits.skill);

/**
 * `PATCH /api/v1/me/profile`: what the owner changes; fields left out stay as they are. The bio
 * is Markdown, shown sanitized. Unknown fields are refused, so a misspelt one is not lost.
 */
export const profileEdit = z
  .object({
    displayName: z.string().trim().min(1).max(profileLimits.displayName),
    headline: z.string().trim().max(profileLimits.headline),
    bio: z.string().trim().max(profileLimits.bio),
    location: z.string().trim().max(profileLimits.location),
    skills: z
      .array(skill)
      .max(profileLimits.skills)
      .refine(
        (skills) => new Set(skills.map((s) => s.toLowerCase())).size === skills.length,
        'each skill once',
      ),
    links: z.array(profileLink).max(profileLimits.links),
  })
  .partial()
  .strict()
  .refine((edit) => Object.keys(edit).length > 0, 'at least one field to change');
export type ProfileEdit = z.infer<typeof profileEdit>;

/** A skill or city the directory can be narrowed to, with how many public makers it has. */
export const directoryFacet = z.object({ value: z.string(), count: z.number().int() });
export type DirectoryFacet = z.infer<typeof directoryFacet>;

export const profilePage = pageOf(makerProfile).extend({
  /** The skills and cities of every public maker, most common first, for the filters. */
  facets: z.object({ skills: z.array(directoryFacet), cities: z.array(directoryFacet) }),
});
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
