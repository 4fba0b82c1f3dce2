import { z } from 'zod';
import { MAX_PAGE_SIZE } from './pagination';

/** A user's roles inside one makerspace; they live in the cave's memberships, never in tokens. */
export const makerspaceRole = z.enum(['makerspace_admin', 'service_provider', 'member']);
export type MakerspaceRoleName = z.infer<typeof makerspaceRole>;

/** One makerspace a user belongs to, with their roles there (spec 4, "Makerspace Membership Rules"). */
export const makerspaceMembership = z.object({
  makerspace: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }),
  roles: z.array(makerspaceRole),
});
export type MakerspaceMembership = z.infer<typeof makerspaceMembership>;

/** `GET /api/v1/user/makerspaces` (spec 7, MakrX.org → MakrCave) and `GET /api/v1/me/makerspaces`. */
export const makerspaceMembershipList = z.object({ items: z.array(makerspaceMembership) });
export type MakerspaceMembershipList = z.infer<typeof makerspaceMembershipList>;

/**
 * `GET /api/v1/user-makerspaces?userIds=a,b,c` (MakrX.org → MakrCave): the memberships of a page
 * of users in one call, for the admin users list. Up to one page of comma-separated user ids.
 */
export const userMakerspacesQuery = z.object({
  userIds: z
    .string()
    .max(MAX_PAGE_SIZE * 37)
    .transform((ids) => ids.split(',').filter((id) => id !== ''))
    .pipe(z.array(z.uuid()).min(1).max(MAX_PAGE_SIZE)),
});
export type UserMakerspacesQuery = z.infer<typeof userMakerspacesQuery>;

/** Each asked user, in the order asked, with their makerspaces (empty when they have none). */
export const userMakerspacesList = z.object({
  items: z.array(z.object({ userId: z.uuid(), makerspaces: z.array(makerspaceMembership) })),
});
export type UserMakerspacesList = z.infer<typeof userMakerspacesList>;
