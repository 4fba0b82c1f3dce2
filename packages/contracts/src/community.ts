import { z } from 'zod';
import { profileHandle } from './profiles';

/*
 * Community on MakrX.org (ENABLE_COMMUNITY_FEATURES): follows of makers and makerspaces, the
 * feed of their public activity reported by MakrCave, and a makerspace's members directory
 * (spec section 7, GET /api/v1/community/members).
 */

const makerspaceSlug = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'a makerspace slug: lowercase letters, digits and dashes');

/** `PUT|DELETE /api/v1/me/follows/makers/:handle` and `…/makerspaces/:makerspaceSlug`. */
export const followMakerParams = z.object({ handle: profileHandle });
export const followMakerspaceParams = z.object({ makerspaceSlug: makerspaceSlug });
/** `GET /api/v1/makerspaces/:makerspaceSlug/community-members`. */
export const makerspaceMembersParams = followMakerspaceParams;

export const followedMaker = z.object({
  userId: z.uuid(),
  handle: z.string(),
  displayName: z.string(),
  headline: z.string(),
  followedAt: z.iso.datetime(),
});
export type FollowedMaker = z.infer<typeof followedMaker>;

export const followedMakerspace = z.object({
  makerspaceId: z.uuid(),
  slug: z.string(),
  name: z.string(),
  followedAt: z.iso.datetime(),
});
export type FollowedMakerspace = z.infer<typeof followedMakerspace>;

/** `GET /api/v1/me/follows`: whom the signed-in user follows, newest first. */
export const myFollows = z.object({
  makers: z.array(followedMaker),
  makerspaces: z.array(followedMakerspace),
});
export type MyFollows = z.infer<typeof myFollows>;

/** The answer to a follow or unfollow: where the caller now stands (idempotent either way). */
export const followState = z.object({
  following: z.boolean(),
  followers: z.number().int().min(0),
});
export type FollowState = z.infer<typeof followState>;

/** `GET /api/v1/community/makers/:handle/followers`: a public profile's count, and whether I follow. */
export const makerFollowSummary = followState.extend({
  /** The viewer is this maker: their own profile offers no follow button. */
  isYou: z.boolean(),
});
export type MakerFollowSummary = z.infer<typeof makerFollowSummary>;

export const activityKind = z.enum([
  'project.published',
  'project.completed',
  'achievement.earned',
]);
export type ActivityKind = z.infer<typeof activityKind>;

/**
 * `POST /api/v1/community/activity` (MakrCave → MakrX.org): one public happening, recorded once
 * per `activity_id`; a repeat updates what it says (a renamed project) and nothing else.
 */
export const activityReport = z.object({
  activity_id: z
    .string()
    .min(1)
    .max(160)
    .regex(/^[A-Za-z0-9:._-]+$/, 'an activity id: letters, digits and : . _ -'),
  kind: activityKind,
  user_id: z.uuid(),
  /** The makerspace the project is built at, so its followers see it too. */
  makerspace_id: z.uuid().nullable().default(null),
  makerspace_name: z.string().max(120).nullable().default(null),
  project_id: z.uuid().nullable().default(null),
  title: z.string().min(1).max(160),
  summary: z.string().max(500).default(''),
  /** Where the feed links to: the project's public page in MakrCave. */
  link: z.string().max(300).nullable().default(null),
  occurred_at: z.iso.datetime(),
});
export type ActivityReport = z.input<typeof activityReport>;

export const activityRecorded = z.object({ activityId: z.string(), recorded: z.boolean() });
export type ActivityRecorded = z.infer<typeof activityRecorded>;

/** `DELETE /api/v1/community/activity/projects/:projectId`: a project gone private or deleted. */
export const activityWithdrawn = z.object({ projectId: z.uuid(), removed: z.number().int() });
export type ActivityWithdrawn = z.infer<typeof activityWithdrawn>;

/** `GET /api/v1/me/feed?cursor=&limit=`: newest first; `cursor` is the previous page's `nextCursor`. */
export const feedQuery = z.object({
  cursor: z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9_-]+$/, 'a cursor from a previous page')
    .optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type FeedQuery = z.infer<typeof feedQuery>;

export const feedItem = z.object({
  id: z.string(),
  kind: activityKind,
  maker: z.object({ userId: z.uuid(), handle: z.string(), displayName: z.string() }),
  makerspace: z.object({ id: z.uuid(), name: z.string().nullable() }).nullable(),
  projectId: z.uuid().nullable(),
  title: z.string(),
  summary: z.string(),
  link: z.string().nullable(),
  occurredAt: z.iso.datetime(),
  /** Why it is in the feed: the maker, or a makerspace, the reader follows. */
  via: z.enum(['maker', 'makerspace']),
});
export type FeedItem = z.infer<typeof feedItem>;

export const feedPage = z.object({ items: z.array(feedItem), nextCursor: z.string().nullable() });
export type FeedPage = z.infer<typeof feedPage>;

/** What MakrCave says of a makerspace's active members (for MakrX.org's members directory). */
export const makerspaceRosterEntry = z.object({
  userId: z.uuid(),
  roles: z.array(z.enum(['makerspace_admin', 'service_provider', 'member'])),
  joinedAt: z.iso.datetime(),
});
export const makerspaceRoster = z.object({
  makerspace: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }),
  items: z.array(makerspaceRosterEntry),
});
export type MakerspaceRoster = z.infer<typeof makerspaceRoster>;

export const communityRoleFilter = z.enum(['makerspace_admin', 'service_provider', 'member']);

/** `GET /api/v1/community/members?makerspace_id=&role_filter=` (spec section 7). */
export const communityMembersQuery = z.object({
  makerspace_id: z.uuid(),
  role_filter: communityRoleFilter.optional(),
});

/**
 * A member as the directory shows them: only members whose profile is public are named (a
 * private one is counted in `privateMembers`, never listed, not even anonymised).
 */
export const communityMember = z.object({
  userId: z.uuid(),
  handle: z.string(),
  displayName: z.string(),
  headline: z.string(),
  skills: z.array(z.string()),
  roles: z.array(communityRoleFilter),
  joinedAt: z.iso.datetime(),
});
export type CommunityMember = z.infer<typeof communityMember>;

export const communityMembers = z.object({
  makerspace: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }),
  /** Members with public profiles, by name. */
  items: z.array(communityMember),
  /** Members who keep their profile private: counted, never named. */
  privateMembers: z.number().int().min(0),
});
export type CommunityMembers = z.infer<typeof communityMembers>;
