import {
  AppError,
  makerspaceRoster,
  type CommunityMembers,
  type MakerspaceRoster,
} from '@makrx/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { publicMakersByIds } from '../profiles/service';
import type { MakerspaceRef } from './service';

type Role = MakerspaceRoster['items'][number]['roles'][number];

/**
 * A makerspace's members directory (spec section 7, GET /api/v1/community/members). The
 * memberships are MakrCave's, asked for through `app.peers`; what a member shows is their
 * MakrX.org profile, and only when they chose to make it public: a private profile is counted,
 * never named or anonymised into a row.
 */
export async function membersDirectory(
  app: FastifyInstance,
  makerspace: string,
  roleFilter: Role | undefined,
): Promise<CommunityMembers> {
  const response = await app.peers.fetch(
    'cave',
    `/api/v1/makerspace-members?makerspace=${encodeURIComponent(makerspace)}`,
  );
  if (response.status === 404)
    throw new AppError(404, 'NOT_FOUND', 'That makerspace was not found.');
  if (!response.ok) throw new AppError(502, 'PEER_FAILED', `MakrCave answered ${response.status}.`);
  const roster = makerspaceRoster.parse(await response.json());
  const members = roster.items.filter((m) => !roleFilter || m.roles.includes(roleFilter));
  const profiles = await publicMakersByIds(
    app.db,
    members.map((m) => m.userId),
  );
  const named = members.flatMap((member) => {
    const profile = profiles.get(member.userId);
    return profile ? [{ ...profile, roles: member.roles, joinedAt: member.joinedAt }] : [];
  });
  named.sort((a, b) => a.displayName.localeCompare(b.displayName));
  return {
    makerspace: roster.makerspace,
    items: named,
    privateMembers: members.length - named.length,
  };
}

const caveMakerspace = z.object({ id: z.uuid(), slug: z.string(), name: z.string() });

/** A makerspace by slug as MakrCave lists it publicly, or 404. */
export async function makerspaceFromCave(
  app: FastifyInstance,
  slug: string,
): Promise<MakerspaceRef> {
  const response = await app.peers.fetch('cave', `/api/v1/makerspaces/${encodeURIComponent(slug)}`);
  if (response.status === 404)
    throw new AppError(404, 'NOT_FOUND', `Makerspace "${slug}" was not found.`);
  if (!response.ok) throw new AppError(502, 'PEER_FAILED', `MakrCave answered ${response.status}.`);
  return caveMakerspace.parse(await response.json());
}
