import { z } from 'zod';

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
