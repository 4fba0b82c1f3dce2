import type { MembershipSource } from '@makrx/auth';
import {
  makerspaceMembershipList,
  userMakerspacesList,
  type MakerspaceMembership,
} from '@makrx/contracts';
import type { FastifyInstance } from 'fastify';

/**
 * A user's makerspace roles as the cave knows them (spec 7, `GET /api/v1/user/makerspaces`),
 * for services other than the cave. Asked only when a route's decision depends on them.
 */
export const membershipsFromCave =
  (app: FastifyInstance): MembershipSource =>
  async (userId) =>
    (
      await app.peers.json(
        'cave',
        `/api/v1/user/makerspaces?userId=${encodeURIComponent(userId)}`,
        makerspaceMembershipList,
      )
    ).items;

/**
 * The makerspace roles of a page of users in one call to the cave (`GET /api/v1/user-makerspaces`),
 * by user id; users the cave knows nothing about have none. No call for no users.
 */
export async function userMakerspacesFromCave(
  app: FastifyInstance,
  userIds: readonly string[],
): Promise<Map<string, MakerspaceMembership[]>> {
  if (userIds.length === 0) return new Map();
  const { items } = await app.peers.json(
    'cave',
    `/api/v1/user-makerspaces?userIds=${userIds.map(encodeURIComponent).join(',')}`,
    userMakerspacesList,
  );
  return new Map(items.map((item) => [item.userId, item.makerspaces]));
}
