import { makerspaceMembershipList, type ProfileMakerspace } from '@makrx/contracts';
import type { FastifyInstance } from 'fastify';

/** How long a profile waits for MakrCave before it is shown without makerspaces. */
const CAVE_TIMEOUT_MS = 2_000;

/**
 * The makerspaces a public maker belongs to, asked of MakrCave (spec 7, GET /user/makerspaces);
 * null when MakrCave does not answer in time or answers wrongly, so the profile still renders.
 * Only called for public profiles: the members directory names the same makers (decision 0029).
 */
export async function makerspacesOfMaker(
  app: FastifyInstance,
  userId: string,
): Promise<ProfileMakerspace[] | null> {
  try {
    const { items } = await app.peers.json(
      'cave',
      `/api/v1/user/makerspaces?userId=${encodeURIComponent(userId)}`,
      makerspaceMembershipList,
      { signal: AbortSignal.timeout(CAVE_TIMEOUT_MS) },
    );
    return items
      .map(({ makerspace, roles }) => ({ slug: makerspace.slug, name: makerspace.name, roles }))
      .sort((a, b) => a.name.localeCompare(b.name));
  } catch (error) {
    app.log.warn({ err: error }, 'profile shown without makerspaces: MakrCave did not answer');
    return null;
  }
}
