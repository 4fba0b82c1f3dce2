import type { MembershipSource } from '@makrx/auth';
import { makerspaceMembershipList } from '@makrx/contracts';
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
