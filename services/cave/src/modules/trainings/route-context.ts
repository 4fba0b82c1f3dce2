import { signedInUser } from '@makrx/auth';
import { errorBody, type Training } from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { notFound } from '@makrx/service-kit';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { machinesRequiring } from '../equipment/service';
import { makerspaceIdOf } from '../makerspaces/service';
import type { TrainingActor, TrainingRef, TrainingRow } from './catalogue';

/* What the members' and the admins' training routes share: parameters, access, lookups. */

const makerspaceSlug = z
  .string()
  .regex(/^[a-z0-9-]+$/)
  .max(120);
export const spaceParams = z.object({ makerspaceSlug });
export const trainingParams = spaceParams.extend({ trainingId: z.uuid() });
export const sessionParams = spaceParams.extend({ sessionId: z.uuid() });
export const passParams = spaceParams.extend({ passId: z.uuid() });

export const refusals = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };
export const writeRefusals = { ...refusals, 409: errorBody, 422: errorBody };
export const tags = ['trainings'];
export const security = [{ bearer: [] }];

export const actorOf = (request: FastifyRequest): TrainingActor => ({
  userId: signedInUser(request).userId,
  requestId: request.id,
});

/** Resolves what a route names, and shows trainings with the machines that require them. */
export function trainingRouteContext(db: Database) {
  const spaceId = async (slug: string) => {
    const id = await makerspaceIdOf(db, slug);
    if (!id) throw notFound(`Makerspace "${slug}"`);
    return id;
  };
  const trainingRef = async (params: z.infer<typeof trainingParams>): Promise<TrainingRef> => ({
    makerspaceId: await spaceId(params.makerspaceSlug),
    trainingId: params.trainingId,
  });
  const sessionRef = async (params: z.infer<typeof sessionParams>) => ({
    makerspaceId: await spaceId(params.makerspaceSlug),
    sessionId: params.sessionId,
  });

  /** Trainings as the API shows them, each with the machines (in use) that require it. */
  const withMachines = async (makerspaceId: string, rows: TrainingRow[]): Promise<Training[]> => {
    const machines = await machinesRequiring(
      db,
      makerspaceId,
      rows.map((row) => row.id),
    );
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      description: row.description,
      durationMinutes: row.durationMinutes,
      validityMonths: row.validityMonths,
      archivedAt: row.archivedAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
      machines: machines
        .filter((machine) => machine.trainingId === row.id)
        .map(({ id, slug, name }) => ({ id, slug, name })),
    }));
  };
  const shown = async (makerspaceId: string, row: TrainingRow) =>
    (await withMachines(makerspaceId, [row]))[0]!;
  /** The names of the machines a training opens, for the refusal and the notification. */
  const machineNames = async (ref: TrainingRef) =>
    (await machinesRequiring(db, ref.makerspaceId, [ref.trainingId])).map((m) => m.name);

  return { spaceId, trainingRef, sessionRef, withMachines, shown, machineNames };
}
